import type { CosmosClient } from '@azure/cosmos';
import type { Storage } from 'botbuilder';
import type { StorageConfig } from './config';
import type { Logger } from './log';
import { createCosmosClient } from './storage/cosmosClient';
import { CosmosStateStorage } from './storage/cosmosStateStorage';
import { openGatewayDatabase, pingDatabase } from './storage/database';
import type { GatewayContainers } from './storage/database';
import { openDurableEmbeddedCosmos } from './storage/durableEmbeddedCosmos';
import type { CosmosOperationCounter } from './storage/operationCounter';
import type { JournalStats } from './storage/writeJournal';

export { SNAPSHOT_FILE_NAME } from './storage/durableEmbeddedCosmos';

export interface OpenedStorage {
  readonly kind: StorageConfig['kind'];
  readonly client: CosmosClient;
  readonly containers: GatewayContainers;
  readonly stateStorage: Storage;
  readonly isReachable: () => Promise<boolean>;
  /** Embedded mode: saves a snapshot now and compacts the journal (the keeper also saves periodically and on close). */
  readonly flush: () => Promise<void>;
  /** Embedded mode: how many records the write journal took and in how many fsyncs (for the bench). */
  readonly journalStats?: () => JournalStats;
  close(): Promise<void>;
}

/**
 * Opens Cosmos the same way in both modes. Embedded mode adds what the in-memory server lacks: a lock on the data
 * folder, a journal that has every acknowledged write on disk before the answer (so even a kill -9 loses nothing
 * acknowledged), and snapshots that keep the journal short. A data folder it cannot use safely (in use, or written
 * by a newer Gateway) refuses to start with an error whose message is one line.
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

  const store = await openDurableEmbeddedCosmos({
    dataDir: config.dataDir,
    databaseId: config.databaseId,
    snapshotIntervalMs: config.snapshotIntervalMs,
    logger: log,
    counter: deps.counter,
  });
  deps.counter.reset();
  return {
    kind: 'embedded',
    client: store.client,
    containers: store.containers,
    stateStorage: new CosmosStateStorage(store.containers.state),
    isReachable: async () => store.unavailable() === undefined && (await pingDatabase(store.containers.database, { logger: log })),
    flush: () => store.flush(),
    journalStats: () => store.journalStats(),
    close: () => store.close(),
  };
}
