import { messageActivity } from '../harness/activities';

/**
 * A bot to load and the turns to send it. `body` builds turn `i` for client `client` just before it is sent (a
 * client sends its next turn only once its last is answered), and `reply` hears each answer, so a turn can carry what
 * the last card said (a questionnaire card's edit base) as a person's next press would.
 */
export interface Target {
  readonly name: string;
  readonly url: string;
  body(i: number, client: number): string;
  /** Whether the answer is a success (default: HTTP 200). */
  accept?(status: number, body: string): boolean;
  reply?(client: number, body: string): void;
}

export interface LoadResult {
  readonly turns: number;
  readonly seconds: number;
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failures: number;
  /** Every turn's time, so rounds can be pooled. */
  readonly latencies: readonly number[];
}

/** Typed messages spread over a few conversations, as a team's channel threads would; `name` keeps each bot's apart. */
export function messageTarget(name: string, url: string, serviceUrl: string, text: (i: number) => string): Target {
  return {
    name,
    url,
    body: (i) =>
      JSON.stringify(messageActivity({ serviceUrl, text: text(i), conversationId: `a:${name}-${i % 16}`, fromId: `29:${name}-user-${i % 16}` })),
  };
}

async function postOnce(target: Target, i: number, client: number): Promise<{ ms: number; ok: boolean }> {
  const body = target.body(i, client);
  const started = performance.now();
  const response = await fetch(`${target.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  const ms = performance.now() - started;
  target.reply?.(client, text);
  return { ms, ok: target.accept ? target.accept(response.status, text) : response.status === 200 };
}

export function summarise(latencies: readonly number[], failures: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { turns: latencies.length, seconds, turnsPerSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), failures, latencies };
}

/** Closed loop: `concurrency` clients each send their next turn as soon as the last is answered. Measures capacity. */
export async function closedLoop(target: Target, turns: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (next < turns) {
        const i = next++;
        const r = await postOnce(target, i, client);
        latencies.push(r.ms);
        if (!r.ok) failures++;
      }
    }),
  );
  return summarise(latencies, failures, (performance.now() - started) / 1000);
}

/** Open loop at a fixed rate: turns are sent on schedule whether or not earlier ones finished. Measures latency. */
export async function fixedRate(target: Target, ratePerSecond: number, seconds: number): Promise<LoadResult> {
  const total = Math.round(ratePerSecond * seconds);
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      postOnce(target, i, i).then((r) => {
        latencies.push(r.ms);
        if (!r.ok) failures++;
      }),
    );
  }
  await Promise.all(pending);
  return summarise(latencies, failures, (performance.now() - started) / 1000);
}
