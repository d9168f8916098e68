import type { CosmosClient } from '@azure/cosmos';
import path from 'node:path';
import type { Logger } from 'pino';
import { createCosmosClient } from './cosmosClient';
import { lockDataFolder } from './dataFolderLock';
import type { DataFolderLock } from './dataFolderLock';
import { openGatewayDatabase, PROJECTS_CONTAINER_ID, STATE_CONTAINER_ID } from './database';
import type { GatewayContainers } from './database';
import { startEmbeddedCosmos } from './embeddedCosmos';
import type { EmbeddedCosmos } from './embeddedCosmos';
import { replayJournal } from './journalReplay';
import type { CosmosOperationCounter } from './operationCounter';
import { readSnapshot, restoreSnapshot } from './snapshot';
import { saveCompacting, startSnapshots } from './snapshotKeeper';
import { checkSchemaVersion } from './storedSchemaVersions';
import { JournalWriter, readJournal } from './writeJournal';
import type { JournalStats } from './writeJournal';

export const SNAPSHOT_FILE_NAME = 'cosmos-snapshot.json';

/** Gateway's containers: a snapshot or journal naming any other was written by a Gateway this one does not match. */
const KNOWN_CONTAINERS = [STATE_CONTAINER_ID, PROJECTS_CONTAINER_ID] as const;

export interface DurableEmbeddedOptions {
  readonly dataDir: string;
  readonly databaseId: string;
  readonly snapshotIntervalMs: number;
  readonly logger: Logger;
  readonly counter?: CosmosOperationCounter;
}

export interface DurableEmbeddedCosmos {
  readonly client: CosmosClient;
  readonly containers: GatewayContainers;
  /** Why the store accepts no writes now (the journal failed, or closing), if it does not. */
  unavailable(): string | undefined;
  /** Saves a snapshot now and compacts the journal. */
  flush(): Promise<void>;
  journalStats(): JournalStats;
  /** Final snapshot, then closes the journal, the server and the lock; safe to call twice. */
  close(): Promise<void>;
}

/**
 * The embedded server made durable. At start, in this order: lock the data folder; read and check the snapshot and
 * the journal (a refusal changes nothing on disk); start the server; restore the snapshot, replay the journal's later
 * records; open a new journal segment; compact. From then on every document write is journaled and fsynced before
 * its answer is sent, and the periodic snapshot only bounds the journal's length.
 */
export async function openDurableEmbeddedCosmos(options: DurableEmbeddedOptions): Promise<DurableEmbeddedCosmos> {
  const { dataDir, logger } = options;
  const file = path.join(dataDir, SNAPSHOT_FILE_NAME);
  const lock: DataFolderLock = await lockDataFolder(dataDir);
  let embedded: EmbeddedCosmos | undefined;
  let client: CosmosClient | undefined;
  let writer: JournalWriter | undefined;
  try {
    const check = { knownContainers: KNOWN_CONTAINERS, checkDocument: checkSchemaVersion };
    const snapshot = await readSnapshot(file, check);
    const journal = await readJournal(dataDir, check);
    for (const warning of journal.warnings) logger.warn(warning);

    // Until the writer opens, writes (the restore itself) pass unjournaled: they come from disk already.
    embedded = await startEmbeddedCosmos({
      beforeWriteReply: (writes) => (writer ? writer.append(writes) : Promise.resolve()),
      refuseWrites: () => writer?.unavailable,
    });
    client = createCosmosClient({ endpoint: embedded.endpoint, key: embedded.key, counter: options.counter });
    const containers = await openGatewayDatabase(client, options.databaseId);
    const all = [containers.state, containers.projects];
    const snapshotSeq = snapshot?.journalSeq ?? 0;
    const restored = snapshot ? await restoreSnapshot(all, snapshot) : 0;
    const replayed = await replayJournal(all, journal.records, snapshotSeq);

    const opened = await JournalWriter.open(dataDir, {
      segment: (journal.segments.at(-1) ?? 0) + 1,
      lastSeq: Math.max(journal.lastSeq, snapshotSeq),
    });
    writer = opened;
    // Fold what was replayed into a snapshot, so the next start does not replay it again; with nothing replayed the
    // old segments hold only what the snapshot has, and just go.
    if (replayed > 0) await saveCompacting(all, file, opened);
    else await opened.compact({ throughSeq: opened.lastSeq, segment: (journal.segments.at(-1) ?? 0) + 1 });
    const keeper = startSnapshots({ containers: all, file, intervalMs: options.snapshotIntervalMs, logger, journal: opened });
    logger.info({ restored, replayed, dataDir }, 'embedded cosmos ready');

    const openedClient = client;
    const openedServer = embedded;
    let closing: Promise<void> | undefined;
    return {
      client: openedClient,
      containers,
      unavailable: () => opened.unavailable,
      flush: () => keeper.flush(),
      journalStats: () => opened.stats(),
      close: () => {
        closing ??= (async () => {
          try {
            await keeper.stop();
          } finally {
            await opened.close();
            openedClient.dispose();
            await openedServer.close();
            await lock.release();
          }
        })();
        return closing;
      },
    };
  } catch (err: unknown) {
    await writer?.close();
    client?.dispose();
    await embedded?.close();
    await lock.release();
    throw err;
  }
}
