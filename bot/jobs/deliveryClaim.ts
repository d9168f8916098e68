/**
 * The claim that makes a post go out once: a document per project and period (e.g. `highlight:2026-W19`), created
 * before anything is sent. Creating it is the lock (Cosmos answers 409 to the second creator); every later change is
 * a replace on its eTag, so two runs can never both move it forward.
 *
 * States and what they mean after a crash:
 * - `claimed`: a run has it and has not yet started the HTTP call. Nothing went out. Once `expiresAt` has passed
 *   (its run died) another run takes it over and sends.
 * - `sending`: written (with a fresh `sendId`) immediately before the HTTP call. If it is still `sending` after
 *   `expiresAt`, the run died between the call and recording its answer. Teams offers no way to ask whether a
 *   message arrived (no idempotency key, no read-back of channel posts for a bot), so the claim becomes
 *   `uncertain` and is NOT sent again: a duplicate report cannot be taken back, while an uncertain one is shown to
 *   the project manager (`highlight` says so and `post highlight now` sends it). The window is kept to a single
 *   HTTP call: waiting for rate-limit tokens and Retry-After happens in `claimed`, never in `sending`.
 * - `sent` (with the Teams activity id), `failed` (with its reason), `uncertain`: final for the period, except a
 *   `failed` that is `retryable` (e.g. Teams kept answering 503), which a later run of the same period may take over.
 */

export const CLAIM_STATES = ['claimed', 'sending', 'sent', 'failed', 'uncertain'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export interface ClaimEvent {
  readonly at: string;
  readonly state: ClaimState;
  readonly runId: string;
  readonly note?: string;
}

export interface DeliveryClaim {
  /** `<kind>:<period>`, unique within the project's partition. */
  readonly claimId: string;
  readonly projectId: string;
  readonly kind: string;
  readonly period: string;
  readonly state: ClaimState;
  /** The run holding it (meaningful while `claimed` or `sending`). */
  readonly runId: string;
  /** ISO instant after which a `claimed` or `sending` claim counts as abandoned. */
  readonly expiresAt: string;
  readonly attempts: number;
  /** Client-generated id of the HTTP attempt in flight, logged with it, so a `sending` claim can be traced. */
  readonly sendId?: string;
  readonly activityId?: string;
  readonly reason?: string;
  readonly retryable?: boolean;
  readonly takeovers: number;
  /** Times a run ended this claim failed: the first is told to the project manager, later retries that fail are not. */
  readonly failures?: number;
  /** Newest last, capped so a claim retried all week stays small. */
  readonly history: readonly ClaimEvent[];
}

export const MAX_CLAIM_HISTORY = 20;

export type ExistingClaimDecision =
  | { readonly kind: 'done'; readonly state: ClaimState }
  | { readonly kind: 'held'; readonly until: number }
  | { readonly kind: 'take-over' }
  | { readonly kind: 'mark-uncertain' };

/** What a run does on finding a claim already there. */
export function decideOnExistingClaim(claim: DeliveryClaim, now: number): ExistingClaimDecision {
  switch (claim.state) {
    case 'sent':
    case 'uncertain':
      return { kind: 'done', state: claim.state };
    case 'failed':
      return claim.retryable === true ? { kind: 'take-over' } : { kind: 'done', state: 'failed' };
    case 'claimed':
    case 'sending': {
      const until = Date.parse(claim.expiresAt);
      if (Number.isFinite(until) && until > now) return { kind: 'held', until };
      return claim.state === 'claimed' ? { kind: 'take-over' } : { kind: 'mark-uncertain' };
    }
  }
}

/** The claim moved to `state` by `runId`, with the event appended (history capped). */
export function advanceClaim(
  claim: DeliveryClaim,
  change: Partial<Omit<DeliveryClaim, 'claimId' | 'projectId' | 'kind' | 'period' | 'history'>> & { readonly state: ClaimState },
  event: { readonly at: Date; readonly runId: string; readonly note?: string },
): DeliveryClaim {
  const entry: ClaimEvent = { at: event.at.toISOString(), state: change.state, runId: event.runId, ...(event.note === undefined ? {} : { note: event.note }) };
  return { ...claim, ...change, history: [...claim.history, entry].slice(-MAX_CLAIM_HISTORY) };
}

export function newClaim(input: { readonly projectId: string; readonly kind: string; readonly period: string; readonly runId: string; readonly now: Date; readonly leaseMs: number }): DeliveryClaim {
  return {
    claimId: `${input.kind}:${input.period}`,
    projectId: input.projectId,
    kind: input.kind,
    period: input.period,
    state: 'claimed',
    runId: input.runId,
    expiresAt: new Date(input.now.getTime() + input.leaseMs).toISOString(),
    attempts: 0,
    takeovers: 0,
    history: [{ at: input.now.toISOString(), state: 'claimed', runId: input.runId }],
  };
}
