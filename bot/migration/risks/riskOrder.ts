import { isClosed, type RiskEntry } from './riskEntry';
import type { RiskFilter } from './riskRepository';
import { riskScore } from './riskScore';

/**
 * The log's order as one sortable string: open (and mitigating) before
 * closed, then highest score first, then oldest first, then by id.
 *
 * Why one string: a store can keep it on the record and sort and page on that
 * single field ("after this rank"), which needs no composite index in Azure
 * Cosmos DB, pages the same way in every store, and never skips or repeats an
 * entry between pages the way numbered offsets do when entries are added.
 * Only digits and a–f appear in it (the time as digits, the id in hex), so
 * ordinal and locale-aware string comparisons agree on its order, whichever a
 * store uses for ORDER BY and for `>`.
 */
export function riskListRank(entry: RiskEntry): string {
  const closed = isClosed(entry) ? '1' : '0';
  const inverseScore = String(25 - riskScore(entry)).padStart(2, '0');
  const added = entry.createdAt.replace(/\D/g, '').padEnd(17, '0');
  const id = [...entry.riskId].map((ch) => ch.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return `${closed}${inverseScore}${added}${id}`;
}

/** The filter as a predicate, for stores that filter in memory and for checking a store's query. */
export function matchesRiskFilter(entry: RiskEntry, filter: RiskFilter): boolean {
  if (filter.status === 'open' && isClosed(entry)) return false;
  if (filter.status === 'closed' && !isClosed(entry)) return false;
  if (filter.ownerId !== undefined && entry.owner.id !== filter.ownerId) return false;
  if (filter.stage !== undefined && entry.link?.stage !== filter.stage) return false;
  if (filter.minScore !== undefined && riskScore(entry) < filter.minScore) return false;
  if (filter.reviewDueBy !== undefined && entry.reviewDate > filter.reviewDueBy) return false;
  return true;
}

/** Highest concern first: escalated, then score, then the list order. For the highlight's top risks. */
export function byConcern(a: RiskEntry, b: RiskEntry): number {
  if (a.escalation.escalated !== b.escalation.escalated) return a.escalation.escalated ? -1 : 1;
  return riskListRank(a).localeCompare(riskListRank(b));
}
