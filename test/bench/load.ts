import { messageActivity } from '../harness/activities';

/** A bot to load: where it listens, where it replies, what to say; `name` keeps each bot's conversations apart. */
export interface Target {
  readonly name: string;
  readonly url: string;
  readonly serviceUrl: string;
  readonly text: (i: number) => string;
}

export interface LoadResult {
  readonly turns: number;
  readonly seconds: number;
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failures: number;
}

/** Spreads turns over a few conversations, as a team's channel threads would. */
function activityFor(target: Target, i: number): string {
  return JSON.stringify(
    messageActivity({ serviceUrl: target.serviceUrl, text: target.text(i), conversationId: `a:${target.name}-${i % 16}`, fromId: `29:${target.name}-user-${i % 16}` }),
  );
}

async function postOnce(url: string, body: string): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  return { ms: performance.now() - started, ok: response.status === 200 };
}

export function summarise(latencies: number[], failures: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { turns: latencies.length, seconds, turnsPerSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), failures };
}

/** Closed loop: `concurrency` clients each send their next turn as soon as the last is answered. Measures capacity. */
export async function closedLoop(target: Target, turns: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < turns) {
        const i = next++;
        const r = await postOnce(target.url, activityFor(target, i));
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
      postOnce(target.url, activityFor(target, i)).then((r) => {
        latencies.push(r.ms);
        if (!r.ok) failures++;
      }),
    );
  }
  await Promise.all(pending);
  return summarise(latencies, failures, (performance.now() - started) / 1000);
}
