import type { Container } from '@azure/cosmos';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../bot/log';
import { createCosmosClient } from '../../bot/storage/cosmosClient';
import { openGatewayDatabase } from '../../bot/storage/database';
import { startEmbeddedCosmos } from '../../bot/storage/embeddedCosmos';
import { CosmosOperationCounter } from '../../bot/storage/operationCounter';
import { openStorage } from '../../bot/storageRuntime';
import { summarise } from './load';
import type { LoadResult } from './load';

export interface JournalCostRound {
  readonly memoryOnly: LoadResult;
  readonly journaled: LoadResult;
}

export interface JournalCost {
  readonly concurrency: number;
  readonly rounds: readonly JournalCostRound[];
  /** Journaled writes/s over memory-only writes/s: the median of each round's back-to-back ratio. */
  readonly ratio: number;
  /** Records per fdatasync in the journaled runs: above 1 when group commit shares a sync. */
  readonly recordsPerSync: number;
}

/** About the size of a gateway document with a few items ticked. */
const PAYLOAD = 'x'.repeat(900);

/** Closed loop of upserts over a fixed set of documents, so the store's size stays the same from round to round. */
async function writeLoop(container: Container, writes: number, concurrency: number, round: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < writes) {
        const i = next++;
        const began = performance.now();
        try {
          await container.items.upsert({ id: `bench-${i % 200}`, projectId: `p${i % 10}`, type: 'bench', round, i, payload: PAYLOAD });
        } catch {
          failures += 1;
        }
        latencies.push(performance.now() - began);
      }
    }),
  );
  return summarise(latencies, failures, (performance.now() - started) / 1000);
}

/**
 * What the write journal costs: the same upserts through the SDK against the embedded server with the journal (as
 * `openStorage` runs it: fsync before each answer) and without it (memory only, as before), alternating rounds in
 * one run after a warm-up of each, for `concurrency` clients.
 */
export async function measureJournalCost(options: { rounds: number; writesPerRound: number; concurrency: number }): Promise<JournalCost> {
  const { rounds, writesPerRound, concurrency } = options;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gateway-bench-journal-'));
  const journaled = await openStorage(
    { kind: 'embedded', databaseId: 'gateway', dataDir, snapshotIntervalMs: 3_600_000 },
    { logger: createLogger('silent'), counter: new CosmosOperationCounter() },
  );
  const bare = await startEmbeddedCosmos();
  const bareClient = createCosmosClient({ endpoint: bare.endpoint, key: bare.key });
  try {
    const memoryOnly = (await openGatewayDatabase(bareClient, 'gateway')).projects;
    const withJournal = journaled.containers.projects;
    await writeLoop(memoryOnly, writesPerRound, concurrency, 0);
    await writeLoop(withJournal, writesPerRound, concurrency, 0);
    const before = journaled.journalStats?.() ?? { records: 0, syncs: 0 };
    const results: JournalCostRound[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const bareRound = await writeLoop(memoryOnly, writesPerRound, concurrency, round);
      const journaledRound = await writeLoop(withJournal, writesPerRound, concurrency, round);
      results.push({ memoryOnly: bareRound, journaled: journaledRound });
    }
    const after = journaled.journalStats?.() ?? { records: 0, syncs: 0 };
    const ratios = results.map((r) => r.journaled.turnsPerSecond / r.memoryOnly.turnsPerSecond).sort((a, b) => a - b);
    return {
      concurrency,
      rounds: results,
      ratio: ratios[Math.floor(ratios.length / 2)] ?? 0,
      recordsPerSync: (after.records - before.records) / Math.max(1, after.syncs - before.syncs),
    };
  } finally {
    bareClient.dispose();
    await bare.close();
    await journaled.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Prints one table per client count, in the README's format. */
export function printJournalCost(cost: JournalCost): void {
  const line = (name: string, r: LoadResult) => `| ${name} | ${r.turnsPerSecond.toFixed(0)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.failures} |`;
  console.log(`\nWrite journal, ${cost.concurrency} client${cost.concurrency === 1 ? '' : 's'}: upserts of a 1 KB document through the SDK, alternating rounds\n`);
  console.log('| run | writes/s | p50 ms | p99 ms | failures |');
  console.log('|---|---|---|---|---|');
  cost.rounds.forEach((r, i) => {
    console.log(line(`memory only, round ${i + 1}`, r.memoryOnly));
    console.log(line(`with journal, round ${i + 1}`, r.journaled));
  });
  console.log(`\nwrites/s ratio (with journal / memory only, median of the rounds' ratios): ${cost.ratio.toFixed(2)}; ${cost.recordsPerSync.toFixed(1)} writes per fsync`);
}
