import type { Activity } from 'botbuilder';
import type { Logger } from '../log';
import type { ReferenceStore } from '../teams/conversationReferences';
import type { ProactiveTarget, SendHooks, SendOutcome } from '../teams/proactiveSender';
import { advanceClaim, decideOnExistingClaim, newClaim, type ClaimState, type DeliveryClaim } from './deliveryClaim';
import type { ClaimStore } from './ports';

/** The sender as the job sees it (ProactiveSender implements it). */
export interface Sender {
  send(target: ProactiveTarget, activity: Partial<Activity>, hooks: SendHooks, signal?: AbortSignal): Promise<SendOutcome>;
}

export interface DeliverOnceDeps {
  readonly claims: ClaimStore;
  readonly references: ReferenceStore;
  readonly sender: Sender;
  readonly now: () => Date;
  /** How long a claim stays ours without another write; every write renews it. */
  readonly leaseMs: number;
  readonly runId: string;
  readonly logger: Logger;
}

/** One message to deliver once for a project and period. */
export interface Delivery {
  readonly projectId: string;
  /** `highlight` and so on: with the period, the claim's id. */
  readonly kind: string;
  readonly period: string;
  readonly target: () => Promise<{ readonly ok: true; readonly target: ProactiveTarget } | { readonly ok: false; readonly reason: string }>;
  /** The message; undefined when there is nothing to post (e.g. the project was deleted meanwhile). */
  readonly compose: () => Promise<Partial<Activity> | undefined>;
}

export type DeliveryResult =
  | { readonly outcome: 'sent'; readonly activityId: string; readonly recorded: boolean }
  | { readonly outcome: 'already-done'; readonly state: ClaimState }
  | { readonly outcome: 'held'; readonly until: number }
  /** `firstFailure`: no run had ended this claim failed before, so this is the one to tell people about. */
  | { readonly outcome: 'failed'; readonly reason: string; readonly retryable: boolean; readonly firstFailure: boolean }
  | { readonly outcome: 'uncertain' }
  | { readonly outcome: 'abandoned' };

/**
 * Sends a delivery at most once and, unless Teams refuses or a run dies mid-call, exactly once. The claim is created
 * (or taken over by eTag) first; it says `sending` only for the length of one HTTP call; the answer is recorded on
 * it. See deliveryClaim.ts for what each state means after a crash.
 */
export async function deliverOnce(deps: DeliverOnceDeps, delivery: Delivery, signal?: AbortSignal): Promise<DeliveryResult> {
  const log = deps.logger.child({ projectId: delivery.projectId, period: delivery.period, kind: delivery.kind });
  const claimed = await claim(deps, delivery);
  if ('outcome' in claimed) return claimed;
  let { claim: current, etag } = claimed;

  /** Moves the claim on our eTag, renewing the lease; false when another run moved it first. */
  const move = async (change: Partial<DeliveryClaim> & { readonly state: ClaimState }, note?: string, extraLeaseMs = 0): Promise<boolean> => {
    const now = deps.now();
    const next = advanceClaim(current, { expiresAt: new Date(now.getTime() + deps.leaseMs + extraLeaseMs).toISOString(), ...change }, { at: now, runId: deps.runId, ...(note === undefined ? {} : { note }) });
    const result = await deps.claims.replace(next, etag);
    if (!result.replaced) return false;
    current = next;
    etag = result.etag;
    return true;
  };
  const fail = async (reason: string, retryable: boolean): Promise<DeliveryResult> => {
    const failures = current.failures ?? 0;
    await move({ state: 'failed', reason, retryable, failures: failures + 1 }, reason);
    log.info({ reason, retryable }, 'delivery failed');
    return { outcome: 'failed', reason, retryable, firstFailure: failures === 0 };
  };

  const resolved = await delivery.target();
  if (!resolved.ok) return fail(resolved.reason, false);
  let activity: Partial<Activity> | undefined;
  try {
    activity = await delivery.compose();
  } catch (err: unknown) {
    log.warn({ err: err instanceof Error ? err.name : typeof err }, 'composing the message failed');
    return fail('compose-error', true);
  }
  if (activity === undefined) return fail('nothing-to-post', false);

  const hooks: SendHooks = {
    beforeAttempt: (attempt, sendId) => move({ state: 'sending', attempts: attempt, sendId }, `attempt ${attempt}`),
    afterRetryableFailure: (attempt, retryInMs, cause, status) =>
      move({ state: 'claimed', attempts: attempt }, `${cause}${status === undefined ? '' : ` ${status}`}, retry in ${retryInMs} ms`, retryInMs),
  };
  const outcome = await deps.sender.send(resolved.target, activity, hooks, signal);

  switch (outcome.kind) {
    case 'delivered': {
      const recorded = await recordSent(deps, delivery, () => ({ current, etag }), outcome.activityId);
      if (!recorded) log.error({ sendId: outcome.sendId }, 'delivered but not recorded: the claim will read as uncertain');
      return { outcome: 'sent', activityId: outcome.activityId, recorded };
    }
    case 'failed': {
      if (outcome.unreachable && resolved.target.referenceKey !== undefined) {
        await deps.references.markUnreachable(resolved.target.tenantId, resolved.target.referenceKey, outcome.reason === 'forbidden' ? 'forbidden' : 'not-found', deps.now());
      }
      const retryable = outcome.reason === 'retries-exhausted';
      return fail(outcome.reason, retryable);
    }
    case 'abandoned':
      // Left `claimed` (never `sending`: the hooks write that only with a request going out), for take-over.
      return { outcome: 'abandoned' };
  }
}

async function claim(
  deps: DeliverOnceDeps,
  delivery: Delivery,
): Promise<{ readonly claim: DeliveryClaim; readonly etag: string } | DeliveryResult> {
  const now = deps.now();
  const fresh = newClaim({ projectId: delivery.projectId, kind: delivery.kind, period: delivery.period, runId: deps.runId, now, leaseMs: deps.leaseMs });
  const created = await deps.claims.create(fresh);
  if (created.created) return { claim: fresh, etag: created.etag };

  const existing = await deps.claims.read(delivery.projectId, fresh.claimId);
  if (!existing) return { outcome: 'held', until: now.getTime() }; // Deleted between the 409 and the read: try again later.
  const decision = decideOnExistingClaim(existing.claim, now.getTime());
  switch (decision.kind) {
    case 'done':
      return { outcome: 'already-done', state: decision.state };
    case 'held':
      return { outcome: 'held', until: decision.until };
    case 'take-over': {
      const taken = advanceClaim(
        existing.claim,
        { state: 'claimed', runId: deps.runId, expiresAt: new Date(now.getTime() + deps.leaseMs).toISOString(), takeovers: existing.claim.takeovers + 1 },
        { at: now, runId: deps.runId, note: `taken over from ${existing.claim.state}` },
      );
      const replaced = await deps.claims.replace(taken, existing.etag);
      if (!replaced.replaced) return { outcome: 'held', until: now.getTime() };
      deps.logger.info({ projectId: delivery.projectId, period: delivery.period }, 'abandoned claim taken over');
      return { claim: taken, etag: replaced.etag };
    }
    case 'mark-uncertain': {
      const marked = advanceClaim(
        existing.claim,
        { state: 'uncertain', reason: 'interrupted-while-sending', retryable: false },
        { at: now, runId: deps.runId, note: `run ${existing.claim.runId} stopped during send ${existing.claim.sendId ?? '?'}` },
      );
      const replaced = await deps.claims.replace(marked, existing.etag);
      if (!replaced.replaced) return { outcome: 'held', until: now.getTime() };
      deps.logger.warn({ projectId: delivery.projectId, period: delivery.period, sendId: existing.claim.sendId }, 'claim interrupted while sending marked uncertain, not re-sent');
      return { outcome: 'uncertain' };
    }
  }
}

/**
 * Records the activity id. If our lease ran out during the call and another run has since marked the claim
 * `uncertain`, the delivered fact still wins: it is what happened.
 */
async function recordSent(
  deps: DeliverOnceDeps,
  delivery: Delivery,
  latest: () => { readonly current: DeliveryClaim; readonly etag: string },
  activityId: string,
): Promise<boolean> {
  const now = deps.now();
  let { current, etag } = latest();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const next = advanceClaim(current, { state: 'sent', activityId }, { at: now, runId: deps.runId });
      const result = await deps.claims.replace(next, etag);
      if (result.replaced) return true;
      const reread = await deps.claims.read(delivery.projectId, current.claimId);
      if (!reread || (reread.claim.state !== 'sending' && reread.claim.state !== 'uncertain')) return false;
      current = reread.claim;
      etag = reread.etag;
    } catch (err: unknown) {
      deps.logger.warn({ err: err instanceof Error ? err.name : typeof err, projectId: delivery.projectId }, 'recording a delivery failed; retrying');
    }
  }
  return false;
}
