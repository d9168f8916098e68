import type { StageNumber } from '../gateways/catalogueTypes';
import type { IsoDate } from '../shared/ukDates';
import type { RiskEntry, RiskHistoryEntry } from './riskEntry';

/** What a decision does to an entry: its next state and the history entries that explain it. */
export interface RiskChange {
  readonly entry: RiskEntry;
  readonly history: readonly RiskHistoryEntry[];
}

/** Conditions on the log, all of which an entry must meet. Applied in the store's query, not after reading. */
export interface RiskFilter {
  /** 'open' covers open and mitigating. Absent: both open and closed. */
  readonly status?: 'open' | 'closed';
  readonly ownerId?: string;
  /** Linked to this gateway, directly or through one of its items. */
  readonly stage?: StageNumber;
  /** Score (likelihood × impact) at least this. */
  readonly minScore?: number;
  /** Review date on or before this date. */
  readonly reviewDueBy?: IsoDate;
}

export interface RiskPageQuery {
  readonly filter: RiskFilter;
  readonly limit: number;
  /** The `next` of the previous page; absent for the first page. */
  readonly after?: string;
}

export interface RiskPage {
  /** In list order (see riskListRank). */
  readonly entries: readonly RiskEntry[];
  /** Pass as `after` for the following page; absent on the last page. */
  readonly next?: string;
}

export type CreateRiskOutcome = 'created' | 'exists';

/**
 * Persistence of a project's risks and issues log: one record per entry, in
 * the project's partition, so the log can grow to hundreds of entries without
 * growing the project record, and two people editing two entries never
 * collide.
 *
 * Why `tryUpdate` makes one attempt: as for projects and gateways, retrying is
 * the use case's rule (`retryOnConflict`); a store only has to notice that the
 * entry was saved by someone between its read and its write.
 */
export interface RiskRepository {
  get(projectId: string, riskId: string): Promise<RiskEntry | undefined>;

  /**
   * Stores a new entry with its first history entries. An entry whose id is
   * taken is not stored ('exists'): that is what adds each questionnaire
   * suggestion once, however many saves race to add it.
   */
  create(entry: RiskEntry, history: readonly RiskHistoryEntry[]): Promise<CreateRiskOutcome>;

  /**
   * Reads the entry, asks `decide`, and saves the result with its history
   * entries in one write, only if nobody saved the entry in between;
   * otherwise throws `ConcurrentModification`. `decide` returning undefined
   * saves nothing; errors from it pass through. Throws NotFound for a missing
   * entry. Returns the entry as it now stands.
   */
  tryUpdate(projectId: string, riskId: string, decide: (current: RiskEntry) => RiskChange | undefined): Promise<RiskEntry>;

  /** One page of the log in list order, filtered in the query. */
  list(projectId: string, query: RiskPageQuery): Promise<RiskPage>;

  /** Every entry of the project without its history, in list order: for the highlight report and the export. */
  all(projectId: string): Promise<readonly RiskEntry[]>;

  /** Every history entry of one entry, oldest first; empty for an unknown entry. */
  history(projectId: string, riskId: string): Promise<readonly RiskHistoryEntry[]>;
}
