import type { StageNumber } from '../gateways/catalogueTypes';
import type { ProjectRole } from '../gateways/roles';
import { findMember, type Actor } from '../projects/actor';
import { ValidationFailed } from '../shared/errors';
import { loadRisksFor } from './riskAccess';
import type { RiskDeps } from './riskDeps';
import type { RiskFilter } from './riskRepository';
import { viewRisk, type RiskView } from './riskView';

/** The list's filters as the card offers them; they combine (mine and red: my red entries). */
export interface RiskListFilter {
  /** Entries I own. */
  readonly mine?: boolean;
  /** Entries linked to this gateway (1 to 6), directly or through an item. */
  readonly stage?: unknown;
  /** Open entries rated red. */
  readonly red?: boolean;
  /** Open entries whose review date is today or earlier. */
  readonly dueForReview?: boolean;
  /** Closed entries only. Without it, open entries come first, then closed ones. */
  readonly closed?: boolean;
}

export interface ListRisksQuery {
  readonly actor: Actor;
  readonly projectId: string;
  readonly filter?: RiskListFilter;
  /** The `next` of the page before, from the card. */
  readonly after?: unknown;
}

export interface RiskListPage {
  readonly risks: readonly RiskView[];
  /** For the "More" button; absent on the last page. */
  readonly next?: string;
  readonly viewerRole: ProjectRole;
}

/** Page cursors are opaque to people but come back from cards, so only plausible ones are used. */
const CURSOR_MAX_LENGTH = 200;

/**
 * One page of the log: open entries first, highest score first, then closed
 * ones. Filtered and paged by the store's query, so a log of 300 entries costs
 * one page's worth of reading and fits a card.
 */
export async function listRisks(deps: RiskDeps, query: ListRisksQuery): Promise<RiskListPage> {
  const { project, role, settings, today } = await loadRisksFor(deps, query.actor, query.projectId, 'read-risks');
  const filter = query.filter ?? {};
  const stage = readStage(filter.stage);
  const after = query.after === undefined || query.after === '' ? undefined : query.after;
  if (after !== undefined && (typeof after !== 'string' || after.length > CURSOR_MAX_LENGTH)) {
    throw new ValidationFailed([{ field: 'after', message: 'This list is out of date. Please open the log again.' }]);
  }
  const me = findMember(project, query.actor)?.userId ?? query.actor.userId;
  const storeFilter: RiskFilter = {
    ...(filter.closed === true ? { status: 'closed' as const } : filter.red === true || filter.dueForReview === true ? { status: 'open' as const } : {}),
    ...(filter.mine === true ? { ownerId: me } : {}),
    ...(stage !== undefined ? { stage } : {}),
    ...(filter.red === true ? { minScore: settings.redScore } : {}),
    ...(filter.dueForReview === true ? { reviewDueBy: today } : {}),
  };
  const page = await deps.risks.list(project.projectId, { filter: storeFilter, limit: settings.pageSize, ...(after !== undefined ? { after } : {}) });
  return {
    risks: page.entries.map((e) => viewRisk(e, settings, today)),
    ...(page.next !== undefined ? { next: page.next } : {}),
    viewerRole: role,
  };
}

function readStage(value: unknown): StageNumber | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const stage = typeof value === 'number' ? value : Number(value);
  if (Number.isInteger(stage) && stage >= 1 && stage <= 6) return stage as StageNumber;
  throw new ValidationFailed([{ field: 'stage', message: 'Please choose a gateway from 1 to 6.' }]);
}
