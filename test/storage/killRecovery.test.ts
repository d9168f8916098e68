import type { Container, ItemDefinition } from '@azure/cosmos';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/log';
import { CosmosOperationCounter } from '../../bot/storage/operationCounter';
import { openStorage } from '../../bot/storageRuntime';
import { checkOf } from './killedWriter';

const root = path.resolve(__dirname, '../..');
const ROUNDS = 20;
/** Short, so snapshots (and the journal's compaction) happen while writes are in flight and when the kill lands. */
const SNAPSHOT_INTERVAL_MS = 120;

/** A small seeded generator, so a failing round can be replayed with KILL_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the parent saw acknowledged, over every round so far. */
interface Acknowledged {
  /** Highest acknowledged counter per slot, state document and patched field. */
  readonly latest: Map<string, number>;
  readonly created: Set<string>;
  readonly deleted: Set<string>;
  /** Deletes sent, acknowledged or not: such a document may be gone. */
  readonly deleting: Set<string>;
}

function record(acked: Acknowledged, line: string): void {
  const [word, kind, id, counterText] = line.split(' ');
  if (word === 'sending' && kind === 'delete' && id !== undefined) acked.deleting.add(id);
  if (word !== 'ack' || kind === undefined || id === undefined) return;
  const counter = Number(counterText);
  if (kind === 'create') acked.created.add(id);
  else if (kind === 'delete') acked.deleted.add(id);
  else acked.latest.set(`${kind} ${id}`, Math.max(counter, acked.latest.get(`${kind} ${id}`) ?? -1));
}

interface RoundResult {
  readonly acks: number;
  readonly ready: boolean;
  readonly msToReady: number | undefined;
}

/**
 * Starts the writer, bundled into one file (the tsx CLI would run it in a grandchild that SIGKILL would miss, and
 * loading it through tsx costs a second or more per round on a busy machine), and kills it with SIGKILL a moment after its `afterAcks`-th acknowledged write (or after spawning, before it is
 * ready). Counting acknowledgements rather than milliseconds keeps every round meaningful on a slow or busy machine. */
async function runAndKill(bundle: string, dataDir: string, round: number, plan: { afterAcks?: number; thenMs?: number; afterSpawnMs?: number }, acked: Acknowledged): Promise<RoundResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [bundle, dataDir, String(round), String(SNAPSHOT_INTERVAL_MS)], {
    cwd: root,
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  let acks = 0;
  let ready = false;
  let msToReady: number | undefined;
  let stderr = '';
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  if (plan.afterSpawnMs !== undefined) setTimeout(kill, plan.afterSpawnMs);
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') {
        ready = true;
        msToReady = Date.now() - started;
      } else {
        record(acked, line);
        if (line.startsWith('ack ')) acks += 1;
        if (acks === plan.afterAcks) setTimeout(kill, plan.thenMs ?? 0);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const closed = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  // A line cut by the kill was never acknowledged in full: `buffered` is ignored.
  if (closed.signal !== 'SIGKILL') throw new Error(`writer ended by itself (code ${closed.code}): ${stderr}`);
  return { acks, ready, msToReady };
}

async function everyDocument(container: Container): Promise<Map<string, ItemDefinition>> {
  const { resources } = await container.items.query<ItemDefinition>('SELECT * FROM c').fetchAll();
  return new Map(resources.map((doc) => [doc.id as string, doc]));
}

/** Opens the data folder as the bot would after the crash, and lists what an acknowledged write did not leave behind. */
async function missingAfterRestart(dataDir: string, acked: Acknowledged): Promise<string[]> {
  const storage = await openStorage(
    { kind: 'embedded', databaseId: 'gateway', dataDir, snapshotIntervalMs: 3_600_000 },
    { logger: createLogger('silent'), counter: new CosmosOperationCounter() },
  );
  const problems: string[] = [];
  try {
    const projects = await everyDocument(storage.containers.projects);
    const state = await everyDocument(storage.containers.state);
    for (const [id, doc] of projects) {
      if (doc.check !== checkOf(Number(doc.counter))) problems.push(`${id} is half-applied: counter ${String(doc.counter)}, check ${String(doc.check)}`);
    }
    for (const [id, doc] of state) {
      const inner = doc.document as { counter?: number; check?: string } | undefined;
      if (inner?.check !== checkOf(Number(inner?.counter))) problems.push(`state ${id} is half-applied`);
    }
    for (const id of acked.created) {
      if (!acked.deleting.has(id) && !projects.has(id)) problems.push(`acknowledged create ${id} is missing`);
    }
    for (const id of acked.deleted) if (projects.has(id)) problems.push(`acknowledged delete ${id} came back`);
    for (const [key, counter] of acked.latest) {
      const [kind, id] = key.split(' ') as [string, string];
      const stored =
        kind === 'slot'
          ? Number(projects.get(id)?.counter ?? -1)
          : kind === 'state'
            ? Number((state.get(id)?.document as { counter?: number } | undefined)?.counter ?? -1)
            : Number(state.get(id)?.patched ?? -1);
      if (stored < counter) problems.push(`${key}: acknowledged ${counter}, found ${stored}`);
    }
  } finally {
    await storage.close();
  }
  return problems;
}

describe('embedded storage killed with SIGKILL', () => {
  const dirs: string[] = [];
  let bundle = '';
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gateway-kill-bundle-'));
    dirs.push(dir);
    bundle = path.join(dir, 'killedWriter.cjs');
    await build({ entryPoints: [path.join(__dirname, 'killedWriter.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
  });
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it(`when the bot is killed at random moments ${ROUNDS} times, then after each restart every acknowledged write is there and none is half-applied`, async () => {
    const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'gateway-kill-'));
    dirs.push(dataDir);
    const acked: Acknowledged = { latest: new Map(), created: new Set(), deleted: new Set(), deleting: new Set() };
    let msToReady = 1_500;
    let totalAcks = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Every fifth round dies while starting up (restoring, replaying or compacting); the others mid-write.
      const plan: { afterAcks?: number; thenMs?: number; afterSpawnMs?: number } = round % 5 === 0 ? { afterSpawnMs: Math.floor(next() * msToReady) } : { afterAcks: 10 + Math.floor(next() * 40), thenMs: Math.floor(next() * 30) };
      const result = await runAndKill(bundle, dataDir, round, plan, acked);
      if (result.msToReady !== undefined) msToReady = result.msToReady;
      totalAcks += result.acks;
      // A mid-write round proves nothing unless writes were acknowledged right before its kill.
      if (plan.afterAcks !== undefined) expect(result.acks, `round ${round}`).toBeGreaterThanOrEqual(plan.afterAcks);
      const problems = await missingAfterRestart(dataDir, acked);
      expect(problems.slice(0, 10), `seed ${seed}, round ${round} (${JSON.stringify(plan)}, ${result.acks} acknowledged): ${problems.length} problems`).toEqual([]);
    }
    console.log(`${ROUNDS} SIGKILL rounds (seed ${seed}): ${totalAcks} acknowledged writes, none lost`);
  }, 90_000);
});
