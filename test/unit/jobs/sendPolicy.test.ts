import { describe, expect, it } from 'vitest';
import {
  backoffWithJitter,
  BucketMap,
  checkMessageSize,
  decideAfterAttempt,
  DEFAULT_RETRY_POLICY,
  MAX_MESSAGE_BYTES,
  parseRetryAfter,
  TEAMS_RATE_LIMITS,
  TokenBucket,
} from '../../../bot/teams/sendPolicy';

const policy = DEFAULT_RETRY_POLICY;
const NOW = Date.parse('2026-05-04T08:00:00Z');

describe('TokenBucket', () => {
  it('when the burst is used up, then each further reservation waits one more interval, in the order asked', () => {
    const bucket = new TokenBucket(50, 2, 0);
    expect([bucket.reserve(0), bucket.reserve(0), bucket.reserve(0), bucket.reserve(0)]).toEqual([0, 0, 20, 40]);
  });

  it('when time passes, then tokens come back at the rate and never beyond the burst', () => {
    const bucket = new TokenBucket(10, 2, 0);
    bucket.reserve(0);
    bucket.reserve(0);
    expect(bucket.reserve(100)).toBe(0);
    expect(new TokenBucket(10, 2, 0).isIdle(60_000)).toBe(true);
    const rested = new TokenBucket(10, 2, 0);
    rested.reserve(10_000);
    rested.reserve(10_000);
    expect(rested.reserve(10_000)).toBe(100);
  });

  it('when a reservation is refunded, then the next caller does not wait for it', () => {
    const bucket = new TokenBucket(10, 1, 0);
    bucket.reserve(0);
    expect(bucket.reserve(0)).toBe(100);
    bucket.refund(0);
    expect(bucket.reserve(0)).toBe(100);
  });

  it("when Gateway's limits are used for a whole second, then no one-second window holds more than Teams' 50", () => {
    const bucket = new TokenBucket(TEAMS_RATE_LIMITS.perTenantPerSecond, TEAMS_RATE_LIMITS.perTenantBurst, 0);
    const starts: number[] = [];
    for (let i = 0; i < 500; i += 1) starts.push(bucket.reserve(0));
    const worstWindow = Math.max(...starts.map((s) => starts.filter((t) => t >= s && t < s + 1000).length));
    expect(worstWindow).toBeLessThanOrEqual(50);
    expect(500 / (starts[499]! / 1000)).toBeGreaterThanOrEqual(45);
  });

  it('when a bucket map holds many quiet keys, then full buckets are forgotten', () => {
    const map = new BucketMap(7, 1);
    for (let i = 0; i < 1_001; i += 1) map.reserve(`conversation-${i}`, 0);
    map.reserve('late', 60_000);
    expect(map.size).toBeLessThan(10);
  });
});

describe('decideAfterAttempt', () => {
  const decide = (status: number | undefined, retryAfter?: string, attempt = 1) => decideAfterAttempt({ status, retryAfter }, attempt, policy, () => 0.5, NOW);

  it('when Teams answers 2xx, then it is delivered', () => {
    expect(decide(201)).toEqual({ kind: 'delivered' });
  });

  it('when Teams answers 429 with Retry-After, then the wait is exactly what it asked', () => {
    expect(decide(429, '3')).toEqual({ kind: 'retry', delayMs: 3_000, cause: 'throttled' });
    expect(decide(429, new Date(NOW + 7_000).toUTCString())).toEqual({ kind: 'retry', delayMs: 7_000, cause: 'throttled' });
  });

  it('when a 429 has no Retry-After, then the default wait applies', () => {
    expect(decide(429)).toEqual({ kind: 'retry', delayMs: policy.defaultRetryAfterMs, cause: 'throttled' });
  });

  it('when Retry-After is longer than a run should wait, then this run gives it up as retryable later', () => {
    expect(decide(429, String(policy.maxRetryAfterMs / 1000 + 1))).toEqual({ kind: 'give-up', reason: 'retries-exhausted', unreachable: false });
  });

  it.each([412, 502, 503, 504])('when Teams answers %i, then it is retried after a backoff', (status) => {
    const decision = decide(status);
    expect(decision.kind).toBe('retry');
  });

  it('when there is no answer at all, then it is retried as a network failure', () => {
    expect(decide(undefined)).toMatchObject({ kind: 'retry', cause: 'network' });
  });

  it('when Teams answers 403 or 404, then it gives up at once and the target is unreachable', () => {
    expect(decide(403)).toEqual({ kind: 'give-up', reason: 'forbidden', unreachable: true });
    expect(decide(404)).toEqual({ kind: 'give-up', reason: 'not-found', unreachable: true });
  });

  it('when Teams answers 400, 401, 413 or 500, then it gives up without marking the target', () => {
    expect(decide(400)).toEqual({ kind: 'give-up', reason: 'rejected', unreachable: false });
    expect(decide(401)).toEqual({ kind: 'give-up', reason: 'rejected', unreachable: false });
    expect(decide(413)).toEqual({ kind: 'give-up', reason: 'too-large', unreachable: false });
    expect(decide(500)).toEqual({ kind: 'give-up', reason: 'rejected', unreachable: false });
  });

  it('when the last attempt fails retryably, then it gives up as retries exhausted', () => {
    expect(decide(503, undefined, policy.maxAttempts)).toEqual({ kind: 'give-up', reason: 'retries-exhausted', unreachable: false });
  });
});

describe('backoffWithJitter', () => {
  it('when the random number runs from 0 to 1, then the wait stays between half the step and the step', () => {
    for (const attempt of [1, 2, 3, 4]) {
      const step = policy.baseBackoffMs * 2 ** (attempt - 1);
      expect(backoffWithJitter(attempt, policy, () => 0)).toBe(step / 2);
      expect(backoffWithJitter(attempt, policy, () => 1)).toBe(step);
      expect(backoffWithJitter(attempt, policy, () => 0.5)).toBe((step * 3) / 4);
    }
  });

  it('when many attempts have failed, then the step is capped', () => {
    expect(backoffWithJitter(30, policy, () => 1)).toBe(policy.maxBackoffMs);
  });
});

describe('parseRetryAfter', () => {
  it('when it is unreadable or a past date, then it is undefined or zero', () => {
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter(new Date(NOW - 5_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1_500);
  });
});

describe('checkMessageSize', () => {
  it('when the text is counted, then it is UTF-16 (two bytes a character, emoji four)', () => {
    const ascii = checkMessageSize({ text: 'a'.repeat(1000) });
    expect(ascii).toEqual({ ok: true, bytes: JSON.stringify({ text: 'a'.repeat(1000) }).length * 2, overRecommended: false });
    expect(checkMessageSize({ text: '😀' }).bytes).toBe(JSON.stringify({ text: '😀' }).length * 2);
  });

  it('when a card passes 100 KB in UTF-16, then it is refused; over 80 KB it is flagged', () => {
    const overLimit = checkMessageSize({ text: 'x'.repeat(MAX_MESSAGE_BYTES / 2) });
    expect(overLimit.ok).toBe(false);
    const large = checkMessageSize({ text: 'x'.repeat(45_000) });
    expect(large).toMatchObject({ ok: true, overRecommended: true });
  });
});
