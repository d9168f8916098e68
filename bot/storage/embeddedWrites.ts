import type { IncomingMessage } from 'node:http';

/**
 * A document change the embedded server has made, described so it can be replayed: the stored document itself (not
 * the request), because create, replace, upsert, patch and batch all end as "this document now reads so".
 */
export type EmbeddedWrite =
  | {
      readonly kind: 'put';
      readonly container: string;
      readonly id: string;
      /** The partition key as the SDK sent it (always a JSON array, `[{}]` for a document without one). */
      readonly partitionKey: readonly unknown[];
      /** The stored document as JSON text, exactly as the server answered it (system properties included). */
      readonly documentJson: string;
    }
  | { readonly kind: 'delete'; readonly container: string; readonly id: string; readonly partitionKey: readonly unknown[] };

/** Which document request this is; anything else (reads, queries, database and container requests) is `undefined`. */
export interface DocumentWriteRequest {
  readonly container: string;
  readonly route: 'create-or-upsert' | 'replace' | 'patch' | 'delete' | 'batch';
  readonly id: string | undefined;
  readonly partitionKey: readonly unknown[];
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isTrue(req: IncomingMessage, name: string): boolean {
  return header(req, name)?.toLowerCase() === 'true';
}

function parsePartitionKey(text: string | undefined): readonly unknown[] {
  if (text === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return [];
  }
}

/** Path segments the way the server's router reads them: double leading slash and trailing slashes ignored, decoded. */
function pathSegments(url: string | undefined): string[] | undefined {
  const pathname = new URL(url ?? '/', 'http://embedded').pathname.replace(/^\/\//, '/').replace(/\/+$/, '');
  try {
    return pathname.split('/').slice(1).map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/**
 * Recognises the requests that change a document, by the same method, path and headers the server routes on
 * (`@vercel/cosmosdb-server`'s routes.js): POST …/docs (create, or upsert with `x-ms-documentdb-is-upsert`, or a
 * batch with `x-ms-cosmos-is-batch-request`), PUT …/docs/:id, PATCH …/docs/:id, DELETE …/docs/:id.
 */
export function documentWriteRequest(req: IncomingMessage): DocumentWriteRequest | undefined {
  const segments = pathSegments(req.url);
  if (segments === undefined || segments[0] !== 'dbs' || segments[2] !== 'colls' || segments[4] !== 'docs') return undefined;
  const container = segments[3] as string;
  const id = segments[5];
  const partitionKey = parsePartitionKey(header(req, 'x-ms-documentdb-partitionkey'));
  if (segments.length === 5 && req.method === 'POST') {
    if (isTrue(req, 'x-ms-documentdb-isquery') || header(req, 'content-type') === 'application/query+json') return undefined;
    if (isTrue(req, 'x-ms-documentdb-is-upsert')) return { container, route: 'create-or-upsert', id: undefined, partitionKey };
    if (isTrue(req, 'x-ms-cosmos-is-batch-request')) return { container, route: 'batch', id: undefined, partitionKey };
    return { container, route: 'create-or-upsert', id: undefined, partitionKey };
  }
  if (segments.length !== 6 || id === undefined) return undefined;
  if (req.method === 'PUT') return { container, route: 'replace', id, partitionKey };
  if (req.method === 'PATCH') return { container, route: 'patch', id, partitionKey };
  if (req.method === 'DELETE') return { container, route: 'delete', id, partitionKey };
  return undefined;
}

function idOf(documentJson: string): string | undefined {
  const parsed: unknown = JSON.parse(documentJson);
  const id = typeof parsed === 'object' && parsed !== null ? (parsed as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

interface BatchOperation {
  readonly operationType?: unknown;
  readonly id?: unknown;
  readonly partitionKey?: unknown;
  readonly resourceBody?: { readonly id?: unknown };
}

interface BatchResult {
  readonly statusCode?: unknown;
  readonly resourceBody?: { readonly id?: unknown };
}

function batchWrites(request: DocumentWriteRequest, requestBody: string, responseBody: string): EmbeddedWrite[] {
  const operations = JSON.parse(requestBody) as unknown;
  const results = JSON.parse(responseBody) as unknown;
  if (!Array.isArray(operations) || !Array.isArray(results)) return [];
  const writes: EmbeddedWrite[] = [];
  results.forEach((result: BatchResult, index) => {
    const operation = (operations[index] ?? {}) as BatchOperation;
    const status = typeof result.statusCode === 'number' ? result.statusCode : 0;
    if (status < 200 || status > 299 || operation.operationType === 'Read') return;
    const partitionKey = parsePartitionKey(typeof operation.partitionKey === 'string' ? operation.partitionKey : JSON.stringify(operation.partitionKey ?? null));
    if (operation.operationType === 'Delete' && typeof operation.id === 'string') {
      writes.push({ kind: 'delete', container: request.container, id: operation.id, partitionKey });
    } else if (result.resourceBody && typeof result.resourceBody.id === 'string') {
      writes.push({ kind: 'put', container: request.container, id: result.resourceBody.id, partitionKey, documentJson: JSON.stringify(result.resourceBody) });
    }
  });
  return writes;
}

/**
 * What a successful write request changed, from its answer (and, for a batch, its body). A failed request (4xx, 5xx)
 * changed nothing and yields no writes.
 */
export function writesOf(request: DocumentWriteRequest, statusCode: number, responseBody: string, requestBody: string): EmbeddedWrite[] {
  if (statusCode < 200 || statusCode > 299) return [];
  if (request.route === 'batch') return batchWrites(request, requestBody, responseBody);
  if (request.route === 'delete') return [{ kind: 'delete', container: request.container, id: request.id ?? '', partitionKey: request.partitionKey }];
  const id = idOf(responseBody);
  if (id === undefined) return [];
  return [{ kind: 'put', container: request.container, id, partitionKey: request.partitionKey, documentJson: responseBody }];
}
