import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as CosmosServer from '@vercel/cosmosdb-server';
import { documentWriteRequest, writesOf } from './embeddedWrites';
import type { DocumentWriteRequest, EmbeddedWrite } from './embeddedWrites';

/**
 * The Cosmos DB emulator's published key. The embedded server checks no signatures,
 * so any string would do; using the well-known one keeps connection strings recognisable.
 */
export const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nqGkKIHvGbGmNn2mtWIsqFEqmqTdMiZKBJE2WhqQ==';

/** A running in-process Cosmos server and what a client needs to reach it. */
export interface EmbeddedCosmos {
  readonly endpoint: string;
  readonly key: string;
  /** Stops listening and drops kept-alive sockets; safe to call more than once. */
  close(): Promise<void>;
}

export interface EmbeddedCosmosOptions {
  /**
   * Interface to bind. Defaults to loopback because the server authenticates nothing:
   * binding anything wider exposes an open database.
   */
  host?: string;
  /** 0 (the default) lets the OS pick a free port, so parallel test files never collide. */
  port?: number;
  /**
   * Called with what a successful document write changed, after the server has applied it and before its answer is
   * sent: the answer waits for the returned promise, so a caller that makes the write durable here (the journal)
   * guarantees that nothing acknowledged is only in memory. If it rejects, the client gets a 500 instead.
   */
  beforeWriteReply?: (writes: readonly EmbeddedWrite[]) => Promise<void>;
  /**
   * Asked before a document write reaches the server: a reason refuses it (503, nothing changed). Lets a journal
   * that can no longer write stop the store from accepting changes it could not keep.
   */
  refuseWrites?: () => string | undefined;
}

function bodyText(chunk: unknown): string {
  if (typeof chunk === 'string') return chunk;
  if (Buffer.isBuffer(chunk)) return chunk.toString('utf8');
  return '';
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ code: status === 503 ? 'ServiceUnavailable' : 'InternalServerError', message }));
}

/**
 * Holds the answer to a write until `beforeWriteReply` settles. The server applies a change and calls `res.end`
 * within the same run of the event loop, so hooking `end` sees every change in the order it was made. A batch's
 * body is teed as it streams in: its deletes are named only there.
 */
function holdWriteReply(
  req: IncomingMessage,
  res: ServerResponse,
  request: DocumentWriteRequest,
  beforeWriteReply: (writes: readonly EmbeddedWrite[]) => Promise<void>,
): void {
  const requestChunks: Buffer[] = [];
  if (request.route === 'batch') req.on('data', (chunk: Buffer) => requestChunks.push(chunk));
  // The server always answers with one `res.end(JSON text)`.
  const end = res.end.bind(res) as (chunk?: string | Buffer) => ServerResponse;
  res.end = ((chunk?: string | Buffer) => {
    let writes: EmbeddedWrite[];
    try {
      writes = writesOf(request, res.statusCode, bodyText(chunk), Buffer.concat(requestChunks).toString('utf8'));
    } catch {
      writes = [];
    }
    if (writes.length === 0) return end(chunk);
    beforeWriteReply(writes).then(
      () => end(chunk),
      () => {
        res.removeHeader('etag');
        res.statusCode = 500;
        end(JSON.stringify({ code: 'InternalServerError', message: 'The change could not be saved to disk.' }));
      },
    );
    return res;
  }) as ServerResponse['end'];
}

/** Puts the write hooks in front of the server's own request listener. */
function guardWrites(server: Server, options: EmbeddedCosmosOptions): void {
  const { beforeWriteReply, refuseWrites } = options;
  if (!beforeWriteReply && !refuseWrites) return;
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const request = documentWriteRequest(req);
    if (request) {
      const reason = refuseWrites?.();
      if (reason !== undefined) {
        req.resume();
        refuse(res, 503, reason);
        return;
      }
      if (beforeWriteReply) holdWriteReply(req, res, request, beforeWriteReply);
    }
    for (const listener of listeners) listener(req, res);
  });
}

/**
 * Starts `@vercel/cosmosdb-server` in this process over plain HTTP: its bundled TLS
 * certificate expired in 2021, and the SDK accepts `http://` endpoints. The server is
 * created with `keepAlive`, otherwise it answers every request with `connection: close`
 * and each SDK call pays a new TCP handshake. Data lives in memory only: durability is added from outside through
 * `beforeWriteReply` (see writeJournal.ts and snapshot.ts).
 */
export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  const host = options.host ?? '127.0.0.1';
  const { createHttpServer } = await loadCosmosServer();
  const server = createHttpServer({ keepAlive: true });
  guardWrites(server, options);

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // Keep-alive sockets would otherwise hold close() open until they time out.
      server.closeAllConnections();
    });
    return closing;
  };

  return { endpoint: `http://${urlHost}:${address.port}`, key: EMULATOR_KEY, close };
}

/**
 * Loaded only when embedded mode starts: the server is a development dependency, so a production install
 * (`npm ci --omit=dev`, with COSMOS_ENDPOINT set) runs without it.
 */
async function loadCosmosServer(): Promise<typeof CosmosServer> {
  try {
    return await import('@vercel/cosmosdb-server');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'MODULE_NOT_FOUND') {
      throw new Error('The embedded Cosmos server (@vercel/cosmosdb-server, a development dependency) is not installed: set COSMOS_ENDPOINT, or install with development dependencies.', { cause: err });
    }
    throw err;
  }
}
