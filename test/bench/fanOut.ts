import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { createCosmosClient } from '../../bot/storage/cosmosClient';
import { CosmosReferenceStore } from '../../bot/storage/conversations/cosmosReferenceStore';
import { openGatewayDatabase } from '../../bot/storage/database';
import { startEmbeddedCosmos } from '../../bot/storage/embeddedCosmos';
import { createProjectRepositories } from '../../bot/storage/projects';
import type { Project } from '../../bot/migration/projects/project';
import { FakeConnector } from '../harness/fakeConnector';

const TENANT = 'bench-tenant';
const WORKER = path.resolve(__dirname, 'fanOutWorker.ts');
/** Bundled once per bench run beside the project's own node_modules, which the bundle leaves external. */
const BUNDLED_WORKER = path.resolve(__dirname, '..', '..', '.data', 'bench', 'fanOutWorker.cjs');

/**
 * The worker as one plain-JavaScript file (esbuild, packages left external), so each start is plain `node`: a start
 * under tsx compiled every imported file again, about 8 s of the killed sender's restart on this machine.
 */
async function bundleWorker(): Promise<{ readonly file: string; readonly ms: number }> {
  const started = Date.now();
  mkdirSync(path.dirname(BUNDLED_WORKER), { recursive: true });
  await build({ entryPoints: [WORKER], outfile: BUNDLED_WORKER, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
  return { file: BUNDLED_WORKER, ms: Date.now() - started };
}

export interface FanOutResult {
  readonly projects: number;
  readonly delivered: number;
  readonly conversationsWithMoreThanOne: number;
  readonly conversationsWithNone: number;
  readonly uncertain: number;
  readonly requests: number;
  readonly throttledByLimit: number;
  readonly injected429: number;
  readonly injected5xx: number;
  readonly maxInAnySecond: number;
  readonly sustainedPerSecond: number;
  readonly totalSeconds: number;
  readonly floorSeconds: number;
  readonly restartGapSeconds: number;
  readonly cosmosOpsPerPost: number;
  readonly killedAfter: number;
  /** Time to the first worker's first request: its start-up, counted in the total. */
  readonly firstStartSeconds: number;
  readonly bundleMs: number;
}

/**
 * The fan-out case: 1,000 projects in one tenant, each with its own channel, posted by a child process that is
 * killed with SIGKILL part-way and started again. The fake connector enforces 50 requests a second per tenant
 * (429 with Retry-After beyond), and injects 429 (Retry-After 1–5 s) on 3% of posts and 502/504 on 2%. Cosmos
 * (embedded) lives in this process, so it survives the kill like a real database.
 */
export async function runFanOutBench(options: { readonly projects?: number; readonly killAfterPosts?: number } = {}): Promise<FanOutResult> {
  const count = options.projects ?? 1_000;
  const killAfter = options.killAfterPosts ?? Math.floor(count * 0.4);
  const cosmos = await startEmbeddedCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
  const databaseId = `fanout-${randomUUID()}`;
  const connector = await FakeConnector.start({
    perTenantPerSecond: 50,
    rateLimitRetryAfterSeconds: 1,
    faults: { throttleRate: 0.03, throttleRetryAfterSeconds: [1, 5], serverErrorRate: 0.02, serverErrorStatuses: [502, 504] },
  });
  try {
    const containers = await openGatewayDatabase(client, databaseId);
    await seed(containers.projects, connector.serviceUrl, count);

    const worker = await bundleWorker();
    const env = { ...process.env, FANOUT_COSMOS_ENDPOINT: cosmos.endpoint, FANOUT_COSMOS_KEY: cosmos.key, FANOUT_DATABASE: databaseId, FANOUT_WEEK: '2031-W02' };
    const started = Date.now();
    const first = startWorker(worker.file, env);
    await connector.waitFor((calls) => calls.filter((c) => c.status === 200 && c.path.includes('/activities')).length >= killAfter, 120_000);
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    await first.exited;
    const restartedAt = Date.now();
    const second = startWorker(worker.file, env);
    await second.exited;
    const finished = Date.now();

    const posts = connector.activityPosts;
    const accepted = posts.filter((c) => c.status === 200);
    const perConversation = new Map<string, number>();
    for (const post of accepted) perConversation.set(post.conversationId ?? '', (perConversation.get(post.conversationId ?? '') ?? 0) + 1);
    // Requests already on the wire when the first worker died may land just after the kill: the gap is to the new worker's first.
    const secondFirstPost = posts.find((c) => c.at > restartedAt)?.at ?? restartedAt;
    const summary = second.summary();
    const maxRetryAfter = 5;
    const delivered = perConversation.size;
    // The steady part: every request, per whole second, from the first request to the last, leaving out the restart gap.
    const active = activeSeconds(posts.map((c) => c.at), killedAt, secondFirstPost);
    return {
      projects: count,
      delivered,
      conversationsWithMoreThanOne: [...perConversation.values()].filter((n) => n > 1).length,
      conversationsWithNone: count - delivered,
      uncertain: summary?.uncertain ?? -1,
      requests: posts.length,
      throttledByLimit: posts.filter((c) => c.refusal === 'RateLimit').length,
      injected429: posts.filter((c) => c.refusal === 'InjectedThrottle').length,
      injected5xx: posts.filter((c) => c.refusal === 'InjectedServerError').length,
      maxInAnySecond: maxInWindow(posts.map((c) => c.at), 1_000),
      sustainedPerSecond: median(active),
      totalSeconds: (finished - started) / 1000,
      floorSeconds: count / 50 + maxRetryAfter,
      restartGapSeconds: (secondFirstPost - killedAt) / 1000,
      cosmosOpsPerPost: (first.ops() + second.ops()) / Math.max(1, delivered),
      killedAfter: killAfter,
      firstStartSeconds: ((posts[0]?.at ?? started) - started) / 1000,
      bundleMs: worker.ms,
    };
  } finally {
    await connector.close();
    client.dispose();
    await cosmos.close();
  }
}

async function seed(projects: Parameters<typeof createProjectRepositories>[0], serviceUrl: string, count: number): Promise<void> {
  const repositories = createProjectRepositories(projects);
  const references = new CosmosReferenceStore(projects);
  const pm = { userId: '29:bench-pm', name: 'Bench PM', role: 'project-manager' as const };
  const now = new Date();
  for (let start = 0; start < count; start += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, count - start) }, async (_, k) => {
        const i = start + k;
        const teamId = `19:bench-team-${i}@thread.tacv2`;
        const project: Project = {
          projectId: `bench-${i}`,
          tenantId: TENANT,
          teamId,
          reportsConversationRef: JSON.stringify({ serviceUrl, conversationId: teamId, tenantId: TENANT }),
          organisationName: `Bench Trust ${i}`,
          odsCode: 'RH8',
          method: 'self-migration',
          approximateUsers: 1000,
          newAccounts: 10,
          phasing: 'phased',
          plannedStart: '2031-01-06',
          plannedCutover: '2031-06-30',
          createdBy: { id: pm.userId, name: pm.name },
          createdAt: now.toISOString(),
          members: [pm],
          milestones: [],
        };
        await withRetry(() => repositories.projects.create(project, []));
        await withRetry(() => references.refresh({ key: { kind: 'team', teamId }, tenantId: TENANT, serviceUrl, botId: '28:bench-bot', conversationId: teamId, conversationType: 'channel' }, now));
      }),
    );
  }
}

/** The embedded server sometimes drops a kept-alive socket under load (ECONNRESET); seeding just tries again. */
async function withRetry<T>(task: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task();
    } catch (err: unknown) {
      if (attempt >= 5 || (err as { code?: unknown }).code !== 'ECONNRESET') throw err;
    }
  }
}

interface Worker {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  ops(): number;
  summary(): { uncertain: number; sent: number } | undefined;
}

function startWorker(file: string, env: NodeJS.ProcessEnv): Worker {
  // Plain node on the bundle, one process: nothing left behind by the SIGKILL (a second sender, twice the rate).
  const child = spawn(process.execPath, [file], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let ops = 0;
  let summary: { uncertain: number; sent: number } | undefined;
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ops ')) ops = Number(line.slice(4));
      if (line.startsWith('summary ')) summary = JSON.parse(line.slice(8)) as { uncertain: number; sent: number };
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited, ops: () => ops, summary: () => summary };
}

function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi += 1) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo += 1;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** Requests in each whole second of sending, leaving out the seconds around the kill and restart. */
function activeSeconds(times: readonly number[], killedAt: number, resumedAt: number): number[] {
  if (times.length === 0) return [];
  const first = Math.min(...times);
  const last = Math.max(...times);
  const buckets = new Map<number, number>();
  for (const t of times) buckets.set(Math.floor((t - first) / 1000), (buckets.get(Math.floor((t - first) / 1000)) ?? 0) + 1);
  const result: number[] = [];
  const lastFull = Math.floor((last - first) / 1000) - 1;
  for (let s = 1; s <= lastFull; s += 1) {
    const from = first + s * 1000;
    if (from + 1000 > killedAt - 1000 && from < resumedAt + 1000) continue;
    result.push(buckets.get(s) ?? 0);
  }
  return result;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function printFanOut(r: FanOutResult): void {
  console.log(`\nFan-out: ${r.projects} projects in one tenant, a channel each; sender killed (SIGKILL) after ${r.killedAfter} posts and restarted`);
  console.log(`posts delivered: ${r.delivered} of ${r.projects} (none twice: ${r.conversationsWithMoreThanOne === 0 ? 'yes' : `NO, ${r.conversationsWithMoreThanOne} conversations twice`}; missing ${r.conversationsWithNone}; claims left uncertain ${r.uncertain})`);
  console.log(`requests: ${r.requests} (429 over the 50/s limit: ${r.throttledByLimit}; injected 429: ${r.injected429}; injected 502/504: ${r.injected5xx}); most in any one second: ${r.maxInAnySecond} (Teams' limit 50)`);
  console.log(`sustained rate: ${r.sustainedPerSecond} requests/s, median of the steady seconds (limit 50/s, goal >= 45/s)`);
  console.log(`total time: ${r.totalSeconds.toFixed(1)} s including the first start (${r.firstStartSeconds.toFixed(1)} s to its first post) and a ${r.restartGapSeconds.toFixed(1)} s restart (worker bundled once with esbuild in ${r.bundleMs} ms, run with plain node), against a floor of ${r.floorSeconds.toFixed(0)} s (${(r.totalSeconds / r.floorSeconds).toFixed(2)}x, goal <= 1.25x)`);
  const runSeconds = r.totalSeconds - r.firstStartSeconds;
  // A bot is already running when its schedule fires: the run itself is timed from its first post, restart included.
  console.log(`the run alone (from its first post, the kill and restart included): ${runSeconds.toFixed(1)} s (${(runSeconds / r.floorSeconds).toFixed(2)}x the floor, goal <= 1.25x)`);
  console.log(`Cosmos operations per post: ${r.cosmosOpsPerPost.toFixed(2)} (both runs; the killed run's count as of its last report)`);
}

if (require.main === module) {
  runFanOutBench({ ...(process.env.FANOUT_PROJECTS === undefined ? {} : { projects: Number(process.env.FANOUT_PROJECTS) }) })
    .then(printFanOut)
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
