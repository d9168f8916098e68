/**
 * How Gateway paces and retries the messages it posts by itself, as pure functions of the time, the answer and a
 * random number, so every rule here is tested without a network or a real clock.
 *
 * Teams' limits ("Rate limiting for agents"): about 7 messages a second into one conversation, and 50 requests a
 * second per app per tenant. When every project has its own channel the tenant limit is the one that binds. On 429
 * Teams says when to come back (Retry-After); 412 and 502/503/504 are worth another go after a backoff with jitter;
 * 403 and 404 mean the bot was removed from the conversation or blocked, and retrying only burns the tenant's budget.
 */

export interface RateLimits {
  /** Sustained requests a second per tenant; kept a little under Teams' 50 so network jitter cannot push us over. */
  readonly perTenantPerSecond: number;
  /** Burst allowed on top of the rate: small, since Teams counts any one-second window. */
  readonly perTenantBurst: number;
  readonly perConversationPerSecond: number;
  readonly perConversationBurst: number;
  /**
   * The hard cap: requests to one tenant started within any 1,000 ms, counted when each request actually goes out
   * (after its claim write). Defaults to `perTenantPerSecond`. The bucket paces the queue; this holds the line when
   * work finished late bunches up (claim writes that stalled and then all returned at once).
   */
  readonly perTenantInAnySecond?: number;
}

/**
 * 47/s with a burst of 2 never puts more than 49 requests into any one-second window (burst + rate × 1 s), under
 * Teams' 50, and still leaves the sustained rate above 45/s.
 */
export const TEAMS_RATE_LIMITS: RateLimits = {
  perTenantPerSecond: 47,
  perTenantBurst: 2,
  perTenantInAnySecond: 47,
  perConversationPerSecond: 6,
  perConversationBurst: 1,
};

/**
 * A token bucket that hands out reservations: `reserve` always succeeds and says how long to wait, so callers queue
 * in the order they asked (tokens may go negative, meaning "already promised"). `refund` gives back a reservation
 * that was never used, e.g. when the claim turned out to be someone else's.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    if (ratePerSecond <= 0 || burst < 1) throw new RangeError('A token bucket needs a positive rate and a burst of at least 1');
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Milliseconds to wait before the reserved request may start (0: now). */
  reserve(now: number): number {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.ratePerSecond);
  }

  /**
   * Takes a token if one is there (0), or says how long until one is, taking nothing. Unlike `reserve`, a process
   * that stalls cannot bunch up promised slots: after a pause at most `burst` requests go at once.
   */
  tryTake(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond));
  }

  refund(now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  /** True when the bucket is full again, so a map of buckets can forget it. */
  isIdle(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.burst;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.ratePerSecond) / 1000);
    this.updatedAt = now;
  }
}

/**
 * A true sliding window: at most `limit` admissions within any `windowMs`, by the times they were admitted (a ring
 * of the last `limit` times). Teams counts requests per second on its side, so unlike a token bucket this can never
 * let a bunch through after a stall, a Retry-After or a refill: the `limit + 1`th is always at least `windowMs` after
 * the first.
 */
export class SlidingWindow {
  private readonly times: number[];
  private next = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1_000,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('A sliding window needs a limit of at least 1');
    this.times = new Array<number>(limit).fill(Number.NEGATIVE_INFINITY);
  }

  /** Admits now (0, recorded) or says how many milliseconds until the oldest admission leaves the window. */
  tryAdmit(now: number): number {
    const oldest = this.times[this.next] ?? Number.NEGATIVE_INFINITY;
    const wait = oldest + this.windowMs - now;
    if (wait > 0) return Math.ceil(wait);
    this.times[this.next] = now;
    this.next = (this.next + 1) % this.limit;
    return 0;
  }
}

/** Buckets keyed by tenant or conversation, forgetting full ones so thousands of channels do not pile up. */
export class BucketMap {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {}

  reserve(key: string, now: number): number {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.ratePerSecond, this.burst, now);
      this.buckets.set(key, bucket);
    }
    const wait = bucket.reserve(now);
    if (this.buckets.size > 1_000) this.sweep(now);
    return wait;
  }

  refund(key: string, now: number): void {
    this.buckets.get(key)?.refund(now);
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.isIdle(now)) this.buckets.delete(key);
  }
}

export interface RetryPolicy {
  /** Attempts in all (the first included) before a retryable failure is given up for this run. */
  readonly maxAttempts: number;
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  /** Used when a 429 comes without a usable Retry-After. */
  readonly defaultRetryAfterMs: number;
  /** A Retry-After longer than this is not waited for in this run (the message is left for a later run). */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  defaultRetryAfterMs: 5_000,
  maxRetryAfterMs: 120_000,
};

/** Why a message was not delivered and will not be retried in this run. */
export type GiveUpReason =
  | 'forbidden'
  | 'not-found'
  | 'too-large'
  | 'rejected'
  | 'retries-exhausted'
  | 'service-url-not-allowed';

export type AttemptDecision =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retry'; readonly delayMs: number; readonly cause: 'throttled' | 'precondition' | 'server-error' | 'network' }
  | { readonly kind: 'give-up'; readonly reason: GiveUpReason; readonly unreachable: boolean };

/**
 * What to do after attempt number `attempt` (1-based) answered `status` (undefined: no answer, a network error).
 * 403 and 404 make the target unreachable: Teams says the bot is no longer in that conversation or is blocked.
 */
export function decideAfterAttempt(
  answer: { readonly status: number | undefined; readonly retryAfter?: string | undefined },
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  now: number,
): AttemptDecision {
  const { status } = answer;
  if (status !== undefined && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 403) return { kind: 'give-up', reason: 'forbidden', unreachable: true };
  if (status === 404) return { kind: 'give-up', reason: 'not-found', unreachable: true };
  if (status === 413) return { kind: 'give-up', reason: 'too-large', unreachable: false };

  const retryable = status === undefined || status === 429 || status === 412 || status === 502 || status === 503 || status === 504;
  if (!retryable) return { kind: 'give-up', reason: 'rejected', unreachable: false };
  if (attempt >= policy.maxAttempts) return { kind: 'give-up', reason: 'retries-exhausted', unreachable: false };

  if (status === 429) {
    const delayMs = parseRetryAfter(answer.retryAfter, now) ?? policy.defaultRetryAfterMs;
    if (delayMs > policy.maxRetryAfterMs) return { kind: 'give-up', reason: 'retries-exhausted', unreachable: false };
    return { kind: 'retry', delayMs, cause: 'throttled' };
  }
  const delayMs = backoffWithJitter(attempt, policy, random);
  if (status === undefined) return { kind: 'retry', delayMs, cause: 'network' };
  return { kind: 'retry', delayMs, cause: status === 412 ? 'precondition' : 'server-error' };
}

/**
 * Retry-After as delta-seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable
 * (never negative: a date in the past means "now").
 */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * "Equal jitter": the exponential step, half of it fixed and half random, so retries after a shared failure spread
 * out but none comes back sooner than half the step. Attempt 1 failed → between base/2 and base.
 */
export function backoffWithJitter(attempt: number, policy: Pick<RetryPolicy, 'baseBackoffMs' | 'maxBackoffMs'>, random: () => number): number {
  const step = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(step / 2 + (r * step) / 2);
}

/** Teams refuses a bot message over about 100 KB counted in UTF-16 (413 MessageSizeTooBig). */
export const MAX_MESSAGE_BYTES = 100 * 1024;
/** Microsoft's advice: stay under 80 KB. Over it Gateway still sends, but says so in the log. */
export const RECOMMENDED_MESSAGE_BYTES = 80 * 1024;

export type SizeCheck = { readonly ok: true; readonly bytes: number; readonly overRecommended: boolean } | { readonly ok: false; readonly bytes: number };

/** JavaScript strings are UTF-16, so the JSON's length in code units × 2 is the size Teams counts. */
export function checkMessageSize(activity: unknown): SizeCheck {
  const bytes = JSON.stringify(activity).length * 2;
  if (bytes > MAX_MESSAGE_BYTES) return { ok: false, bytes };
  return { ok: true, bytes, overRecommended: bytes > RECOMMENDED_MESSAGE_BYTES };
}
