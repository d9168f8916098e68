import type { Container, CosmosClient, Database } from '@azure/cosmos';
import type { Logger } from 'pino';
import { describeError } from './cosmosErrors';

/** botbuilder turn state: one document per storage key, so the key is its own partition. */
export const STATE_CONTAINER_ID = 'state';
export const STATE_PARTITION_KEY_PATH = '/id';

/** Every domain record of one migration project shares a logical partition, so a project's reads stay single-partition. */
export const PROJECTS_CONTAINER_ID = 'projects';
export const PROJECTS_PARTITION_KEY_PATH = '/projectId';

export interface GatewayContainers {
  readonly database: Database;
  readonly state: Container;
  readonly projects: Container;
}

async function openContainer(database: Database, id: string, partitionKeyPath: string): Promise<Container> {
  const { container, resource } = await database.containers.createIfNotExists({ id, partitionKey: { paths: [partitionKeyPath] } });
  // createIfNotExists returns an existing container as it is; a different key would silently break every point read.
  const actual = resource?.partitionKey?.paths?.[0];
  if (actual !== partitionKeyPath) {
    throw new Error(`Cosmos container "${id}" is partitioned on ${actual ?? 'nothing'}, expected ${partitionKeyPath}`);
  }
  return container;
}

/**
 * Opens Gateway's database, creating what is missing (the embedded server starts empty).
 * In Azure the infrastructure creates them; with Entra ID data-plane roles the SDK may not
 * create databases, and these calls reduce to metadata reads.
 */
export async function openGatewayDatabase(client: CosmosClient, databaseId: string): Promise<GatewayContainers> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  const [state, projects] = await Promise.all([
    openContainer(database, STATE_CONTAINER_ID, STATE_PARTITION_KEY_PATH),
    openContainer(database, PROJECTS_CONTAINER_ID, PROJECTS_PARTITION_KEY_PATH),
  ]);
  return { database, state, projects };
}

export interface PingOptions {
  /** A health probe must answer before the platform's own probe timeout, whatever the SDK's retries would do. */
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * Health check: one metadata read of the database. Never throws, so /healthz can report
 * rather than crash. The deadline is enforced here as well as passed to the SDK: the SDK
 * only checks its abort signal between attempts and waits about a second before retrying
 * a refused connection.
 */
export async function pingDatabase(database: Database, options: PingOptions = {}): Promise<boolean> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([database.read({ abortSignal: controller.signal }), deadline]);
    return true;
  } catch (err: unknown) {
    options.logger?.warn({ err: describeError(err), databaseId: database.id }, 'cosmos ping failed');
    return false;
  } finally {
    clearTimeout(timer);
  }
}
