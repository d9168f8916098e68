import path from 'node:path';
import type { CosmosClient } from '@azure/cosmos';
import type { Storage } from 'botbuilder';
import type { StorageConfig } from './config';
import type { Logger } from './log';
import { createCosmosClient } from './storage/cosmosClient';
import { CosmosStateStorage } from './storage/cosmosStateStorage';
import { openGatewayDatabase, pingDatabase } from './storage/database';
import type { GatewayContainers } from './storage/database';
import { startEmbeddedCosmos } from './storage/embeddedCosmos';
import type { CosmosOperationCounter } from './storage/operationCounter';
import { loadSnapshot } from './storage/snapshot';
import { startSnapshots } from './storage/snapshotKeeper';

export const SNAPSHOT_FILE_NAME = 'cosmos-snapshot.json';

export interface OpenedStorage {
  readonly kind: StorageConfig['kind'];
  readonly client: CosmosClient;
  readonly containers: GatewayContainers;
  readonly stateStorage: Storage;
  readonly isReachable: () => Promise<boolean>;
  /** Embedded mode: saves a snapshot now (the keeper also saves periodically and on close). */
  readonly flush: () => Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens Cosmos the same way in both modes. Embedded mode adds what the in-memory server lacks: it reloads the last
 * snapshot at start and keeps saving one, so restarting the bot loses nothing.
 */
export async function openStorage(config: StorageConfig, deps: { logger: Logger; counter: CosmosOperationCounter }): Promise<OpenedStorage> {
  const log = deps.logger.child({ module: 'storage' });
  if (config.kind === 'azure') {
    const client = createCosmosClient({
      endpoint: config.endpoint,
      key: config.key,
      managedIdentityClientId: config.managedIdentityClientId,
      counter: deps.counter,
    });
    const containers = await openGatewayDatabase(client, config.databaseId);
    log.info({ databaseId: config.databaseId, auth: config.key === undefined ? 'entra-id' : 'key' }, 'azure cosmos ready');
    return {
      kind: 'azure',
      client,
      containers,
      stateStorage: new CosmosStateStorage(containers.state),
      isReachable: () => pingDatabase(containers.database, { logger: log }),
      flush: () => Promise.resolve(),
      close: () => {
        client.dispose();
        return Promise.resolve();
      },
    };
  }

  const embedded = await startEmbeddedCosmos();
  const client = createCosmosClient({ endpoint: embedded.endpoint, key: embedded.key, counter: deps.counter });
  try {
    const containers = await openGatewayDatabase(client, config.databaseId);
    const all = [containers.state, containers.projects];
    const file = path.join(config.dataDir, SNAPSHOT_FILE_NAME);
    const restored = await loadSnapshot(all, file);
    deps.counter.reset();
    const keeper = startSnapshots({ containers: all, file, intervalMs: config.snapshotIntervalMs, logger: log });
    log.info({ restored, dataDir: config.dataDir }, 'embedded cosmos ready');
    let closing: Promise<void> | undefined;
    return {
      kind: 'embedded',
      client,
      containers,
      stateStorage: new CosmosStateStorage(containers.state),
      isReachable: () => pingDatabase(containers.database, { logger: log }),
      flush: () => keeper.flush(),
      close: () => {
        closing ??= (async () => {
          try {
            await keeper.stop();
          } finally {
            client.dispose();
            await embedded.close();
          }
        })();
        return closing;
      },
    };
  } catch (err) {
    client.dispose();
    await embedded.close();
    throw err;
  }
}
