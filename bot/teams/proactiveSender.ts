import { randomUUID } from 'node:crypto';
import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Logger } from '../log';
import { isAllowedServiceUrl } from '../security/serviceUrlGuard';
import type { ReferenceKey, StoredReference } from './conversationReferences';
import { toConversationReference } from './conversationReferences';
import {
  BucketMap,
  checkMessageSize,
  SlidingWindow,
  TokenBucket,
  decideAfterAttempt,
  DEFAULT_RETRY_POLICY,
  TEAMS_RATE_LIMITS,
  type GiveUpReason,
  type RateLimits,
  type RetryPolicy,
} from './sendPolicy';

/** Where one proactive message goes. */
export interface ProactiveTarget {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly botId: string;
  readonly conversationType: StoredReference['conversationType'];
  /** The stored record behind it, to mark unreachable when Teams says the bot is gone. */
  readonly referenceKey?: ReferenceKey;
}

/** One HTTP attempt's answer, as the sender needs it. */
export type PostAnswer =
  | { readonly ok: true; readonly activityId: string }
  | { readonly ok: false; readonly status: number | undefined; readonly retryAfter?: string };

/**
 * The network edge: posts one activity, one attempt, no retries of its own. `onWire` is awaited as late as the
 * poster can, right before the request is written (after its own credential and client set-up), so the tenant's
 * per-second cap counts requests as Teams sees them; a poster that cannot call it leaves the sender to call it first.
 */
export interface ProactivePoster {
  post(target: ProactiveTarget, activity: Partial<Activity>, onWire: () => Promise<void>): Promise<PostAnswer>;
}

/**
 * Callbacks around each attempt, so the caller's record (the delivery claim) says `sending` only while an HTTP call
 * is really in flight. Returning false stops the send (the claim was taken by another run).
 */
export interface SendHooks {
  beforeAttempt(attempt: number, sendId: string): Promise<boolean>;
  afterRetryableFailure(attempt: number, retryInMs: number, cause: string, status: number | undefined): Promise<boolean>;
}

export type SendOutcome =
  | { readonly kind: 'delivered'; readonly activityId: string; readonly attempts: number; readonly sendId: string }
  | { readonly kind: 'failed'; readonly reason: GiveUpReason; readonly unreachable: boolean; readonly status?: number; readonly attempts: number }
  /** Stopped without an answer: the hooks said the claim is gone, or the run is shutting down. */
  | { readonly kind: 'abandoned'; readonly attempts: number };

export interface ProactiveSenderDeps {
  readonly poster: ProactivePoster;
  readonly allowedServiceUrlHosts: readonly string[];
  readonly logger: Logger;
  readonly limits?: RateLimits;
  readonly retry?: RetryPolicy;
  readonly now?: () => number;
  /** Resolves after `ms`, or early when `signal` aborts. Tests pass a fake clock's. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
}

/**
 * Posts messages the bot sends by itself, within Teams' limits: a token bucket per tenant (the limit that binds in a
 * fan-out) and per conversation, Retry-After honoured on 429, jittered backoff on 412 and 502/503/504, and a stop on
 * 403/404. The service URL is checked against the allowed hosts before every attempt: a stored record must not be
 * able to send the bot's credentials anywhere else. One instance per process, shared by every job, so all proactive
 * traffic of a tenant is paced together.
 */
export class ProactiveSender {
  private readonly tenants = new Map<string, TenantGate>();
  private readonly windows = new Map<string, SlidingWindow>();
  private readonly limits: RateLimits;
  private readonly conversations: BucketMap;
  private readonly retry: RetryPolicy;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly log: Logger;

  constructor(private readonly deps: ProactiveSenderDeps) {
    const limits = deps.limits ?? TEAMS_RATE_LIMITS;
    this.limits = limits;
    this.conversations = new BucketMap(limits.perConversationPerSecond, limits.perConversationBurst);
    this.retry = deps.retry ?? DEFAULT_RETRY_POLICY;
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? abortableSleep;
    this.random = deps.random ?? Math.random;
    this.log = deps.logger.child({ module: 'proactive-sender' });
  }

  async send(target: ProactiveTarget, activity: Partial<Activity>, hooks: SendHooks, signal?: AbortSignal): Promise<SendOutcome> {
    const size = checkMessageSize(activity);
    if (!size.ok) {
      this.log.warn({ bytes: size.bytes, tenantId: target.tenantId }, 'proactive message over the Teams size limit refused');
      return { kind: 'failed', reason: 'too-large', unreachable: false, attempts: 0 };
    }
    if (size.overRecommended) this.log.warn({ bytes: size.bytes }, 'proactive message over the recommended 80 KB');

    for (let attempt = 1; ; attempt += 1) {
      if (!isAllowedServiceUrl(target.serviceUrl, this.deps.allowedServiceUrlHosts)) {
        this.log.warn({ tenantId: target.tenantId }, 'stored service URL is not an allowed host: not sent');
        return { kind: 'failed', reason: 'service-url-not-allowed', unreachable: false, attempts: attempt - 1 };
      }
      await this.waitForTurn(target, signal);
      if (signal?.aborted) return this.abandon(target, attempt - 1);
      const sendId = randomUUID();
      if (!(await hooks.beforeAttempt(attempt, sendId))) return this.abandon(target, attempt - 1);
      // The claim write can take long or finish in a bunch with others; the cap is checked after it, as the request
      // goes out. A wait there is short (under a second) and rare, the one moment a claim waits in `sending`.
      let admitted = false;
      const window = this.windowFor(target.tenantId);
      const onWire = async (): Promise<void> => {
        if (admitted) return;
        admitted = true;
        await window.admit();
      };
      const answer = await this.deps.poster.post(target, activity, onWire);
      if (!admitted) this.log.warn('proactive poster did not pass the per-second cap');
      if (answer.ok) return { kind: 'delivered', activityId: answer.activityId, attempts: attempt, sendId };

      const decision = decideAfterAttempt({ status: answer.status, retryAfter: answer.retryAfter }, attempt, this.retry, this.random, this.now());
      if (decision.kind === 'delivered') return { kind: 'delivered', activityId: '', attempts: attempt, sendId };
      if (decision.kind === 'give-up') {
        this.log.info({ status: answer.status, reason: decision.reason, attempts: attempt }, 'proactive message given up');
        return { kind: 'failed', reason: decision.reason, unreachable: decision.unreachable, ...(answer.status === undefined ? {} : { status: answer.status }), attempts: attempt };
      }
      this.log.debug({ status: answer.status, cause: decision.cause, retryInMs: decision.delayMs, attempt }, 'proactive message will be retried');
      if (!(await hooks.afterRetryableFailure(attempt, decision.delayMs, decision.cause, answer.status))) return { kind: 'abandoned', attempts: attempt };
      await this.sleep(decision.delayMs, signal);
      if (signal?.aborted) return { kind: 'abandoned', attempts: attempt };
    }
  }

  /** The conversation's slot first (rarely a wait), then the tenant's, so a busy thread does not hold tenant slots. */
  private async waitForTurn(target: ProactiveTarget, signal: AbortSignal | undefined): Promise<void> {
    const conversationWait = this.conversations.reserve(target.conversationId, this.now());
    if (conversationWait > 0) await this.sleep(conversationWait, signal);
    await this.gateFor(target.tenantId).acquire(signal);
  }

  private windowFor(tenantId: string): { admit(): Promise<void> } {
    let window = this.windows.get(tenantId);
    if (!window) {
      window = new SlidingWindow(this.limits.perTenantInAnySecond ?? this.limits.perTenantPerSecond);
      this.windows.set(tenantId, window);
    }
    const admitting = window;
    return {
      admit: async () => {
        for (let wait = admitting.tryAdmit(this.now()); wait > 0; wait = admitting.tryAdmit(this.now())) await this.sleep(wait);
      },
    };
  }

  private gateFor(tenantId: string): TenantGate {
    let gate = this.tenants.get(tenantId);
    if (!gate) {
      gate = new TenantGate(new TokenBucket(this.limits.perTenantPerSecond, this.limits.perTenantBurst, this.now()), this.now, this.sleep);
      this.tenants.set(tenantId, gate);
    }
    return gate;
  }

  private abandon(target: ProactiveTarget, attempts: number): SendOutcome {
    // The slot was reserved but no request went out: hand it back so the tenant's pace is not lost.
    this.tenants.get(target.tenantId)?.refund();
    return { kind: 'abandoned', attempts };
  }
}

/**
 * One tenant's pace: callers queue in order and a single pump hands out tokens as the bucket refills, so however
 * many sends wait, and however long the process stalls, no more than the burst go out at once.
 */
class TenantGate {
  private readonly waiting: (() => void)[] = [];
  private pumping = false;

  constructor(
    private readonly bucket: TokenBucket,
    private readonly now: () => number,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ) {}

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.resolve();
    const turn = new Promise<void>((resolve) => this.waiting.push(resolve));
    if (!this.pumping) void this.pump();
    return turn;
  }

  refund(): void {
    this.bucket.refund(this.now());
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.waiting.length > 0) {
        const wait = this.bucket.tryTake(this.now());
        if (wait > 0) await this.sleep(wait);
        else this.waiting.shift()?.();
      }
    } finally {
      this.pumping = false;
    }
  }
}

/**
 * Posts through botbuilder's CloudAdapter (`continueConversationAsync`, so credentials and the connector client are
 * the bot's own), as a new message in the conversation (`sendToConversation`: in a channel, a new thread).
 *
 * The connector client's pipeline retries 429 and 5xx by itself (three times, hidden from the caller). That would
 * bypass the tenant's token bucket and keep a claim in `sending` across waits, so the retry policy is taken out of
 * this one client (it is created per call); the sender above does the retrying.
 */
export function cloudAdapterPoster(adapter: Pick<CloudAdapter, 'continueConversationAsync' | 'ConnectorClientKey'>, botAppId: string): ProactivePoster {
  return {
    async post(target, activity, onWire) {
      const reference = toConversationReference(target) as ConversationReference;
      let answer: PostAnswer = { ok: false, status: undefined };
      try {
        await adapter.continueConversationAsync(botAppId, reference, async (context) => {
          const client = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
          withoutSdkRetries(client);
          const outgoing = TurnContext.applyConversationReference({ type: 'message', ...activity }, reference);
          delete outgoing.replyToId;
          // Caught here rather than outside: an adapter-level turn error handler would otherwise swallow it.
          try {
            await onWire();
            const response = await client.conversations.sendToConversation(target.conversationId, outgoing);
            answer = { ok: true, activityId: response.id };
          } catch (err: unknown) {
            answer = failedAnswer(err);
          }
        });
      } catch (err: unknown) {
        answer = failedAnswer(err);
      }
      return answer;
    },
  };
}

interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
  getOrderedPolicies(): readonly { name: string }[];
}

/** Fails loudly if a botbuilder upgrade moves the pipeline: silently double-retrying would break the rate limits. */
function withoutSdkRetries(client: ConnectorClient): void {
  const inner: unknown = (client as unknown as { client?: unknown }).client;
  const pipeline: unknown = typeof inner === 'object' && inner !== null && 'pipeline' in inner ? inner.pipeline : undefined;
  if (!isPipeline(pipeline)) throw new Error('botbuilder connector client has no pipeline to remove retries from');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  if (pipeline.getOrderedPolicies().some((p) => /retry/i.test(p.name))) throw new Error('botbuilder connector client still has a retry policy');
}

function isPipeline(value: unknown): value is PipelineLike {
  return typeof value === 'object' && value !== null && 'removePolicy' in value && typeof value.removePolicy === 'function' && 'getOrderedPolicies' in value;
}

function failedAnswer(err: unknown): PostAnswer {
  if (typeof err !== 'object' || err === null) return { ok: false, status: undefined };
  const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : undefined;
  let retryAfter: string | undefined;
  const response: unknown = 'response' in err ? err.response : undefined;
  if (typeof response === 'object' && response !== null && 'headers' in response) {
    const headers: unknown = response.headers;
    if (typeof headers === 'object' && headers !== null && 'get' in headers && typeof headers.get === 'function') {
      const value: unknown = (headers.get as (name: string) => unknown).call(headers, 'retry-after');
      if (typeof value === 'string') retryAfter = value;
    }
  }
  return { ok: false, status, ...(retryAfter === undefined ? {} : { retryAfter }) };
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
