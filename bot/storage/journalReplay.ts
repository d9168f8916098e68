import type { Container, PartitionKey } from '@azure/cosmos';
import { forEachBounded } from './boundedParallel';
import { isNotFound } from './cosmosErrors';
import { withoutSystemProperties } from './snapshot';
import type { JournalRecord } from './writeJournal';

/** As for a snapshot: enough parallel requests to hide latency, few enough not to flood the event loop. */
const REPLAY_CONCURRENCY = 16;

/**
 * Only a document's last record decides what it ends as, so the replay applies that one alone; distinct documents
 * are then independent and go in parallel.
 */
function lastRecordPerDocument(records: readonly JournalRecord[]): JournalRecord[] {
  const last = new Map<string, JournalRecord>();
  for (const record of records) last.set(`${record.container}\n${JSON.stringify(record.partitionKey)}\n${record.id}`, record);
  return [...last.values()];
}

async function apply(container: Container, record: JournalRecord): Promise<void> {
  if (record.op === 'put') {
    await container.items.upsert(withoutSystemProperties(record.document ?? { id: record.id }));
    return;
  }
  try {
    // The SDK sent the key as this JSON array, and accepts the same array back (`[{}]` for "no key").
    await container.item(record.id, record.partitionKey as PartitionKey).delete();
  } catch (err: unknown) {
    // Already absent: the snapshot was taken after the delete.
    if (!isNotFound(err)) throw err;
  }
}

/**
 * Replays journal records after `afterSeq` (what the snapshot already holds) over the restored snapshot, and
 * returns how many documents it touched. Every record is a whole document or a delete, so applying it to a store
 * that already has it changes nothing: this is safe to repeat after a crash during start-up.
 */
export async function replayJournal(containers: readonly Container[], records: readonly JournalRecord[], afterSeq: number): Promise<number> {
  const byId = new Map(containers.map((container) => [container.id, container]));
  const work = lastRecordPerDocument(records.filter((record) => record.seq > afterSeq));
  await forEachBounded(work, REPLAY_CONCURRENCY, async (record) => {
    const container = byId.get(record.container);
    if (!container) throw new Error(`journal record ${record.seq} names container "${record.container}", which is not open`);
    await apply(container, record);
  });
  return work.length;
}
