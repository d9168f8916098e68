import type { Request, Response } from 'restify';

/**
 * GET /healthz for App Service's health check: 200 when storage answers, 503 when it does not, so a broken
 * instance is taken out of rotation instead of apologising to every user.
 */
export function healthEndpoint(isStorageReachable: () => Promise<boolean>): (req: Request, res: Response) => Promise<void> {
  return async (_req, res) => {
    const storage = await isStorageReachable();
    res.send(storage ? 200 : 503, { status: storage ? 'ok' : 'degraded', storage: storage ? 'reachable' : 'unreachable' });
  };
}
