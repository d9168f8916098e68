import type { Actor } from '../projects/actor';
import { assertRiskId, loadRisksFor, riskNotFound } from './riskAccess';
import type { RiskDeps } from './riskDeps';
import type { RiskHistoryEntry } from './riskEntry';
import { viewRisk, type RiskView } from './riskView';

export interface RiskHistoryQuery {
  readonly actor: Actor;
  readonly projectId: string;
  readonly riskId: string;
  /** From the card's "Older" button; 0 or absent for the newest. */
  readonly offset?: number;
  readonly limit?: number;
}

export interface RiskHistoryPage {
  readonly risk: RiskView;
  /** Newest first. */
  readonly entries: readonly RiskHistoryEntry[];
  readonly total: number;
  /** Offset of the next, older page; absent on the last. */
  readonly nextOffset?: number;
}

const DEFAULT_HISTORY_PAGE = 20;

/** Who changed what on one entry and when, newest first, a page at a time so a long history still fits a card. */
export async function getRiskHistory(deps: RiskDeps, query: RiskHistoryQuery): Promise<RiskHistoryPage> {
  assertRiskId(query.riskId);
  const { project, settings, today } = await loadRisksFor(deps, query.actor, query.projectId, 'read-risks');
  const entry = await deps.risks.get(project.projectId, query.riskId);
  if (!entry) throw riskNotFound(query.riskId);
  const all = [...(await deps.risks.history(project.projectId, query.riskId))].reverse();
  const offset = Number.isSafeInteger(query.offset) && (query.offset ?? 0) > 0 ? (query.offset ?? 0) : 0;
  const limit = Number.isSafeInteger(query.limit) && (query.limit ?? 0) > 0 ? Math.min(query.limit ?? 0, 50) : DEFAULT_HISTORY_PAGE;
  const entries = all.slice(offset, offset + limit);
  return {
    risk: viewRisk(entry, settings, today),
    entries,
    total: all.length,
    ...(offset + limit < all.length ? { nextOffset: offset + limit } : {}),
  };
}
