import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEAMS_MESSAGE_LIMIT_BYTES, teamsMessageBytes } from '../../cards/teamsMessageSize';
import { sendJson } from './sendJson';

/** One call the bot made to the connector. */
export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string | undefined;
  readonly replyToId: string | undefined;
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown> | undefined;
  /** When it arrived (Date.now()), to check pacing and Retry-After. */
  readonly at: number;
  /** The HTTP status the connector answered. */
  readonly status: number;
  /** The tenant the posted activity names (conversation.tenantId or channelData.tenant.id), if any. */
  readonly tenantId: string | undefined;
  /** Why the connector refused it, when it did: `RateLimit`, `InjectedThrottle`, `InjectedServerError`, … */
  readonly refusal?: string;
}

/**
 * Teams' limits and faults, all off unless asked for, so existing tests see the same connector as before.
 */
export interface FakeConnectorOptions {
  /** Activity posts allowed per tenant in any one-second window; beyond it 429 with Retry-After. */
  readonly perTenantPerSecond?: number;
  /** Retry-After (seconds) on a rate-limit 429. Default 1. */
  readonly rateLimitRetryAfterSeconds?: number;
  /** Random faults on activity posts, decided per request. */
  readonly faults?: {
    readonly random?: () => number;
    /** Share of posts answered 429, with Retry-After drawn from `throttleRetryAfterSeconds` (whole seconds). */
    readonly throttleRate?: number;
    readonly throttleRetryAfterSeconds?: readonly [number, number];
    /** Share of posts answered with one of `serverErrorStatuses` (default 502 and 504). */
    readonly serverErrorRate?: number;
    readonly serverErrorStatuses?: readonly number[];
  };
}

export interface RosterMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
  readonly userPrincipalName?: string;
  readonly email?: string;
}

interface Failure {
  status: number;
  retryAfterSeconds?: number;
  remaining: number;
}

/**
 * A Bot Connector on loopback: records every activity the bot sends, answers roster look-ups, and fails on demand
 * (429 with Retry-After, 5xx, 403/404), so HTTP tests see exactly what Teams would receive. Like Teams, it refuses
 * an activity over 100 KB counted in UTF-16 with 413 `MessageSizeTooBig` (recorded in `refusedAsTooBig`, not in
 * `activities`), which the Agents Playground does not.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Activities refused with 413 because they were over Teams' size limit, with their size as Teams counts it. */
  readonly refusedAsTooBig: { readonly path: string; readonly bytes: number }[] = [];
  private readonly roster = new Map<string, RosterMember>();
  private failure: Failure | undefined;
  private delayMs = 0;
  private waiters: { predicate: (calls: readonly ConnectorCall[]) => boolean; resolve: () => void }[] = [];
  private nextId = 1;
  private readonly refused = new Map<string, number>();
  private readonly memberFailures = new Map<string, number>();
  private readonly recentByTenant = new Map<string, number[]>();

  private constructor(
    private readonly server: Server,
    readonly serviceUrl: string,
    private readonly options: FakeConnectorOptions,
  ) {}

  static async start(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
    // The handler needs the instance, and the instance needs the listening server's port.
    const ref: { connector?: FakeConnector } = {};
    const server = createServer((req, res) => {
      void ref.connector?.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    ref.connector = new FakeConnector(server, `http://127.0.0.1:${port}/`, options);
    return ref.connector;
  }

  /** Activities the bot sent (replies and proactive), in order. */
  get activities(): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path.includes('/activities') && c.body !== undefined).map((c) => c.body as Record<string, unknown>);
  }

  /** What the bot has sent since call number `from` (`calls.length` before a turn), typing indicators left out. */
  postedSince(from: number): ConnectorCall[] {
    return this.calls.slice(from).filter((c) => c.body !== undefined && c.body.type !== 'typing');
  }

  /** Every activity post, accepted or refused, in order of arrival (with its time and answer). */
  get activityPosts(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path.includes('/activities'));
  }

  /** Posts into `conversationId` always get `status` (403: the bot was removed; 404: the conversation is gone). */
  refuseConversation(conversationId: string, status = 403): void {
    this.refused.set(conversationId, status);
  }

  activitiesIn(conversationId: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.method === 'POST' && c.conversationId === conversationId && c.path.includes('/activities') && c.body !== undefined)
      .map((c) => c.body as Record<string, unknown>);
  }

  addMember(member: RosterMember): void {
    this.roster.set(member.id, member);
  }

  /** Roster look-ups of `memberId` answer `status` (403: not allowed; 5xx: Teams struggling), even if they are a member. */
  failMemberLookups(memberId: string, status: number): void {
    this.memberFailures.set(memberId, status);
  }

  /** The next `times` activity posts fail with `status` (and a Retry-After header for 429). */
  failNext(status: number, options: { times?: number; retryAfterSeconds?: number } = {}): void {
    this.failure = { status, retryAfterSeconds: options.retryAfterSeconds, remaining: options.times ?? 1 };
  }

  /** Every later answer waits this long: a slow Teams, to catch a turn in flight. */
  delayReplies(ms: number): void {
    this.delayMs = ms;
  }

  /** Resolves once the recorded calls satisfy `predicate`; rejects after `timeoutMs` with what was seen. */
  async waitFor(predicate: (calls: readonly ConnectorCall[]) => boolean, timeoutMs = 5_000): Promise<void> {
    if (predicate(this.calls)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`FakeConnector: condition not met within ${timeoutMs} ms (${this.calls.length} calls recorded)`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ predicate, resolve: done });
    });
  }

  async waitForActivities(count: number, timeoutMs = 5_000): Promise<Record<string, unknown>[]> {
    await this.waitFor(() => this.activities.length >= count, timeoutMs);
    return this.activities;
  }

  reset(): void {
    this.calls.length = 0;
    this.refusedAsTooBig.length = 0;
    this.refused.clear();
    this.memberFailures.clear();
    this.recentByTenant.clear();
    this.failure = undefined;
    this.delayMs = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    let body: Record<string, unknown> | undefined;
    try {
      body = raw === '' ? undefined : (JSON.parse(raw) as Record<string, unknown>);
    } catch {
      body = undefined;
    }
    const segments = url.pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
    const conversationId = segments[0] === 'v3' && segments[1] === 'conversations' ? segments[2] : undefined;
    const call: ConnectorCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      conversationId,
      replyToId: segments[3] === 'activities' ? segments[4] : undefined,
      authorization: req.headers.authorization,
      body,
      at: Date.now(),
      status: 200,
      tenantId: tenantIn(body),
    };

    if (this.failure && this.failure.remaining > 0 && call.method === 'POST') {
      this.failure.remaining -= 1;
      const headers: Record<string, string> = {};
      if (this.failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(this.failure.retryAfterSeconds);
      sendJson(res, this.failure.status, JSON.stringify({ error: { code: 'Injected', message: 'injected failure' } }), headers);
      this.record({ ...call, body: undefined, status: this.failure.status });
      return;
    }

    const isActivityWrite = (call.method === 'POST' || call.method === 'PUT') && segments[3] === 'activities';
    const bytes = body === undefined ? 0 : teamsMessageBytes(body);
    if (isActivityWrite && bytes > TEAMS_MESSAGE_LIMIT_BYTES) {
      this.refusedAsTooBig.push({ path: call.path, bytes });
      sendJson(res, 413, JSON.stringify({ error: { code: 'MessageSizeTooBig', message: 'Message size too big' } }));
      this.record({ ...call, body: undefined, status: 413, refusal: 'MessageSizeTooBig' });
      return;
    }

    if (call.method === 'POST' && segments[3] === 'activities') {
      const refusal = this.refusalFor(call);
      if (refusal) {
        const headers: Record<string, string> = refusal.retryAfterSeconds === undefined ? {} : { 'retry-after': String(refusal.retryAfterSeconds) };
        sendJson(res, refusal.status, JSON.stringify({ error: { code: refusal.code, message: 'refused by the fake connector' } }), headers);
        this.record({ ...call, body: undefined, status: refusal.status, refusal: refusal.code });
        return;
      }
    }

    this.record(call);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (segments[3] === 'members' && segments[4] !== undefined) {
      const failure = this.memberFailures.get(segments[4]);
      if (failure !== undefined) return void sendJson(res, failure, JSON.stringify({ error: { code: 'InjectedMemberFailure' } }));
      const member = this.roster.get(segments[4]);
      if (!member) return void sendJson(res, 404, JSON.stringify({ error: { code: 'MemberNotFoundInConversation' } }));
      return void sendJson(res, 200, JSON.stringify(member));
    }
    if (segments[3] === 'members' || segments[3] === 'pagedmembers') {
      const members = [...this.roster.values()];
      const payload = segments[3] === 'members' ? members : { members };
      return void sendJson(res, 200, JSON.stringify(payload));
    }
    if (call.method === 'POST' && segments.length === 2 && segments[1] === 'conversations') {
      return void sendJson(res, 200, JSON.stringify({ id: `conv-${this.nextId++}` }));
    }
    sendJson(res, 200, JSON.stringify({ id: `activity-${this.nextId++}` }));
  }

  /** The limits and faults of `options`, in the order Teams would apply them: removal, rate limit, chance. */
  private refusalFor(call: ConnectorCall): { status: number; code: string; retryAfterSeconds?: number } | undefined {
    const refusedStatus = call.conversationId === undefined ? undefined : this.refused.get(call.conversationId);
    if (refusedStatus !== undefined) return { status: refusedStatus, code: refusedStatus === 403 ? 'BotNotInConversationRoster' : 'ConversationNotFound' };

    const limit = this.options.perTenantPerSecond;
    if (limit !== undefined) {
      const key = call.tenantId ?? '';
      const recent = (this.recentByTenant.get(key) ?? []).filter((t) => t > call.at - 1000);
      recent.push(call.at);
      this.recentByTenant.set(key, recent);
      if (recent.length > limit) return { status: 429, code: 'RateLimit', retryAfterSeconds: this.options.rateLimitRetryAfterSeconds ?? 1 };
    }

    const faults = this.options.faults;
    if (faults) {
      const random = faults.random ?? Math.random;
      const roll = random();
      const throttleRate = faults.throttleRate ?? 0;
      if (roll < throttleRate) {
        const [min, max] = faults.throttleRetryAfterSeconds ?? [1, 5];
        return { status: 429, code: 'InjectedThrottle', retryAfterSeconds: min + Math.floor(random() * (max - min + 1)) };
      }
      if (roll < throttleRate + (faults.serverErrorRate ?? 0)) {
        const statuses = faults.serverErrorStatuses ?? [502, 504];
        return { status: statuses[Math.floor(random() * statuses.length)] ?? 502, code: 'InjectedServerError' };
      }
    }
    return undefined;
  }

  private record(call: ConnectorCall): void {
    this.calls.push(call);
    const ready = this.waiters.filter((w) => w.predicate(this.calls));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }
}

function tenantIn(body: Record<string, unknown> | undefined): string | undefined {
  const conversation = body?.conversation;
  if (typeof conversation === 'object' && conversation !== null && 'tenantId' in conversation && typeof conversation.tenantId === 'string') return conversation.tenantId;
  const channelData = body?.channelData;
  if (typeof channelData === 'object' && channelData !== null && 'tenant' in channelData) {
    const tenant: unknown = channelData.tenant;
    if (typeof tenant === 'object' && tenant !== null && 'id' in tenant && typeof tenant.id === 'string') return tenant.id;
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

