import { daysBetween, type IsoDate } from '../shared/ukDates';
import type { PersonRef } from '../gateways/gatewayState';
import { isClosed, type RiskEntry } from './riskEntry';

/** One owner's open entries whose review date has passed, most overdue first. */
export interface OwnerOverdueReviews {
  readonly owner: PersonRef;
  readonly entries: readonly { readonly title: string; readonly reviewDate: IsoDate }[];
}

/**
 * Open entries whose review date is before `today`, grouped by owner, so each owner gets one reminder listing all of
 * theirs rather than one per entry. Owners are in the order their first entry appears in the log.
 */
export function overdueReviewsByOwner(entries: readonly RiskEntry[], today: IsoDate): readonly OwnerOverdueReviews[] {
  const byOwner = new Map<string, { owner: PersonRef; entries: { title: string; reviewDate: IsoDate }[] }>();
  for (const entry of entries) {
    if (isClosed(entry) || daysBetween(entry.reviewDate, today) <= 0) continue;
    const group = byOwner.get(entry.owner.id) ?? { owner: entry.owner, entries: [] };
    group.entries.push({ title: entry.title, reviewDate: entry.reviewDate });
    byOwner.set(entry.owner.id, group);
  }
  return [...byOwner.values()].map((g) => ({ owner: g.owner, entries: [...g.entries].sort((a, b) => a.reviewDate.localeCompare(b.reviewDate)) }));
}
