import type { Container } from '@azure/cosmos';
import { createLogger } from '../../bot/log';
import { CosmosOperationCounter } from '../../bot/storage/operationCounter';
import { openStorage } from '../../bot/storageRuntime';

/**
 * The child process of killRecovery.test.ts: opens embedded storage on a data folder and writes as fast as it can,
 * printing one `ack …` line per write the SDK reports done, until the test kills it with SIGKILL. On Linux a write to
 * a pipe is synchronous, so every line the parent reads was printed before the kill.
 *
 * Usage: tsx test/storage/killedWriter.ts <dataDir> <round> <snapshotIntervalMs>
 */

export const WRITERS = 4;
export const SLOTS_PER_WRITER = 12;

/** A value derived from the counter, so a document holding one without the other would show a half-applied write. */
export function checkOf(counter: number): string {
  return `c${(counter * 7919) % 1_000_003}`;
}

function ack(line: string): void {
  process.stdout.write(`ack ${line}\n`);
}

async function writer(projects: Container, state: Container, round: number, w: number): Promise<void> {
  const written = new Set<string>();
  for (let i = 0; ; i += 1) {
    const counter = round * 1_000_000 + i;
    const slot = `w${w}-slot${i % SLOTS_PER_WRITER}`;
    const doc = { id: slot, projectId: `p${w}`, counter, check: checkOf(counter) };
    // Upsert the first time a slot is touched this round, replace afterwards: both routes are exercised.
    if (written.has(slot)) await projects.item(slot, `p${w}`).replace(doc);
    else await projects.items.upsert(doc);
    written.add(slot);
    ack(`slot ${slot} ${counter}`);

    if (i % 4 === 0) {
      const id = `u-r${round}-w${w}-${i}`;
      await projects.items.create({ id, projectId: `p${w}`, counter, check: checkOf(counter) });
      ack(`create ${id} ${counter}`);
    }
    if (i % 4 === 2) {
      const id = `u-r${round}-w${w}-${i - 2}`;
      if (i % 8 === 2) {
        // Said before it is sent: once the delete may have reached the store, the document may be gone unacknowledged.
        process.stdout.write(`sending delete ${id}\n`);
        await projects.item(id, `p${w}`).delete();
        ack(`delete ${id} ${counter}`);
      }
    }
    if (i % 3 === 1) {
      const id = `s-w${w}`;
      // `patched` only grows: the upsert sets it to the counter, the patch after it half a step higher.
      await state.items.upsert({ id, realId: id, patched: counter, document: { counter, check: checkOf(counter) } });
      ack(`state ${id} ${counter}`);
      await state.item(id, id).patch([{ op: 'set', path: '/patched', value: counter + 0.5 }]);
      ack(`patch ${id} ${counter + 0.5}`);
    }
  }
}

async function main(): Promise<void> {
  const [dataDir, roundText, intervalText] = process.argv.slice(2);
  if (dataDir === undefined || roundText === undefined || intervalText === undefined) throw new Error('usage: killedWriter <dataDir> <round> <snapshotIntervalMs>');
  const round = Number(roundText);
  const storage = await openStorage(
    { kind: 'embedded', databaseId: 'gateway', dataDir, snapshotIntervalMs: Number(intervalText) },
    { logger: createLogger('silent'), counter: new CosmosOperationCounter() },
  );
  process.stdout.write('ready\n');
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(storage.containers.projects, storage.containers.state, round, w)));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`killedWriter failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
