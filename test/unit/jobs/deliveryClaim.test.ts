import { describe, expect, it } from 'vitest';
import { advanceClaim, decideOnExistingClaim, MAX_CLAIM_HISTORY, newClaim, type DeliveryClaim } from '../../../bot/jobs/deliveryClaim';
import { isoWeekOf, isoWeekOfDate, mondayOfIsoWeek } from '../../../bot/jobs/isoWeek';

const now = new Date('2026-05-04T08:00:00Z');
const base = newClaim({ projectId: 'p1', kind: 'highlight', period: '2026-W19', runId: 'run-a', now, leaseMs: 60_000 });
const at = (state: DeliveryClaim['state'], expiresInMs: number, extra: Partial<DeliveryClaim> = {}): DeliveryClaim => ({
  ...base,
  state,
  expiresAt: new Date(now.getTime() + expiresInMs).toISOString(),
  ...extra,
});

describe('decideOnExistingClaim', () => {
  it('when the claim is sent or uncertain, then the week is done for it', () => {
    expect(decideOnExistingClaim(at('sent', -1), now.getTime())).toEqual({ kind: 'done', state: 'sent' });
    expect(decideOnExistingClaim(at('uncertain', -1), now.getTime())).toEqual({ kind: 'done', state: 'uncertain' });
  });

  it('when another run holds it and its lease has not run out, then it is held until then', () => {
    expect(decideOnExistingClaim(at('claimed', 5_000), now.getTime())).toEqual({ kind: 'held', until: now.getTime() + 5_000 });
    expect(decideOnExistingClaim(at('sending', 5_000), now.getTime())).toEqual({ kind: 'held', until: now.getTime() + 5_000 });
  });

  it('when a claimed claim expired, then it is taken over; when a sending one expired, it is uncertain and not resent', () => {
    expect(decideOnExistingClaim(at('claimed', -1), now.getTime())).toEqual({ kind: 'take-over' });
    expect(decideOnExistingClaim(at('sending', -1), now.getTime())).toEqual({ kind: 'mark-uncertain' });
  });

  it('when a failure is retryable, then a later run takes it over; otherwise it stays failed for the week', () => {
    expect(decideOnExistingClaim(at('failed', -1, { retryable: true }), now.getTime())).toEqual({ kind: 'take-over' });
    expect(decideOnExistingClaim(at('failed', -1, { retryable: false, reason: 'forbidden' }), now.getTime())).toEqual({ kind: 'done', state: 'failed' });
  });

  it('when a claim is moved many times, then its history keeps the newest entries only', () => {
    let claim = base;
    for (let i = 0; i < 50; i += 1) claim = advanceClaim(claim, { state: 'claimed', attempts: i }, { at: now, runId: 'run-a', note: `n${i}` });
    expect(claim.history).toHaveLength(MAX_CLAIM_HISTORY);
    expect(claim.history.at(-1)?.note).toBe('n49');
  });
});

describe('isoWeek', () => {
  it('when dates sit at year ends, then the ISO week follows the Thursday rule', () => {
    expect(isoWeekOfDate('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOfDate('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOfDate('2026-05-04')).toBe('2026-W19');
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(mondayOfIsoWeek('2026-W19')).toBe('2026-05-04');
  });

  it('when it is late Sunday evening in summer, then the week is still London’s Sunday week', () => {
    // 23:30 BST on Sunday 10 May is 22:30 UTC: still week 19 in London.
    expect(isoWeekOf(new Date('2026-05-10T22:30:00Z'))).toBe('2026-W19');
    // 00:30 BST on Monday 11 May is 23:30 UTC on Sunday: already week 20 in London.
    expect(isoWeekOf(new Date('2026-05-10T23:30:00Z'))).toBe('2026-W20');
  });
});
