import type { AddressInfo } from 'node:net';
import type * as CosmosServer from '@vercel/cosmosdb-server';

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
}

/**
 * Starts `@vercel/cosmosdb-server` in this process over plain HTTP: its bundled TLS
 * certificate expired in 2021, and the SDK accepts `http://` endpoints. The server is
 * created with `keepAlive`, otherwise it answers every request with `connection: close`
 * and each SDK call pays a new TCP handshake. Data lives in memory only (see snapshot.ts).
 */
export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  const host = options.host ?? '127.0.0.1';
  const { createHttpServer } = await loadCosmosServer();
  const server = createHttpServer({ keepAlive: true });

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
