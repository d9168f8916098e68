import { advanceClaim, newClaim } from './deliveryClaim';
import type { ClaimStore } from './ports';

/**
 * Runs `task` at most once per project, kind and week, by its own claim document (`<kind>:<week>`), so something
 * that rides on the weekly run (the review reminders) keeps its own rhythm whatever happened to the post: an early
 * `post highlight now` takes the post's claim, not this one. Best effort, unlike the post: the claim is taken before
 * the task and marked `sent` after it; a run that dies in between leaves it `claimed`, and once the lease has passed
 * another run takes it over and does the task again (a reminder told twice beats a week without one).
 */
export async function onceAWeek(
  deps: { readonly claims: ClaimStore; readonly now: () => Date; readonly leaseMs: number; readonly runId: string },
  key: { readonly projectId: string; readonly kind: string; readonly week: string },
  task: () => Promise<void>,
): Promise<'done' | 'already-done'> {
  const now = deps.now();
  const fresh = newClaim({ projectId: key.projectId, kind: key.kind, period: key.week, runId: deps.runId, now, leaseMs: deps.leaseMs });
  let claim = fresh;
  let etag: string;
  const created = await deps.claims.create(fresh);
  if (created.created) {
    etag = created.etag;
  } else {
    const existing = await deps.claims.read(key.projectId, fresh.claimId);
    if (!existing || existing.claim.state !== 'claimed' || Date.parse(existing.claim.expiresAt) > now.getTime()) return 'already-done';
    const taken = advanceClaim(existing.claim, { state: 'claimed', runId: deps.runId, expiresAt: new Date(now.getTime() + deps.leaseMs).toISOString(), takeovers: existing.claim.takeovers + 1 }, { at: now, runId: deps.runId, note: 'taken over' });
    const replaced = await deps.claims.replace(taken, existing.etag);
    if (!replaced.replaced) return 'already-done';
    claim = taken;
    etag = replaced.etag;
  }
  await task();
  await deps.claims.replace(advanceClaim(claim, { state: 'sent' }, { at: deps.now(), runId: deps.runId }), etag);
  return 'done';
}
