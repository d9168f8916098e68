import type { ServerResponse } from 'node:http';

/**
 * Written without chaining because restify, loaded in the same test process, patches ServerResponse.prototype and
 * its writeHead no longer returns the response.
 */
export function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body);
}
