import type { RiskEntry, RiskHistoryEntry } from '../../migration/risks/riskEntry';
import { riskListRank } from '../../migration/risks/riskOrder';
import { riskScore } from '../../migration/risks/riskScore';
import type { Sequenced } from '../auditPages';

/**
 * The risks log's documents in the `projects` container, in the project's
 * own partition (`/projectId` = the project id), beside its project and
 * gateway documents.
 *
 * One `risk-entry` document per entry: the entry, its newest history lines,
 * and copies of the fields the list filters and sorts on (`rank`, `closed`,
 * `ownerId`, `stage`, `score`, `reviewDate`), kept at the top level so the
 * query can use them without reaching into `entry`. They are derived from the
 * entry on every write, never edited on their own. Older history lines move to
 * `risk-history-page` documents, so an entry kept for years stays small.
 *
 * `schemaVersion` is the log's own, apart from the project documents', so
 * either can change shape without the other.
 */

export const RISK_SCHEMA_VERSION = 1;

export interface RiskDocument {
  readonly id: string;
  readonly projectId: string;
  readonly type: 'risk-entry';
  readonly schemaVersion: typeof RISK_SCHEMA_VERSION;
  readonly riskId: string;
  readonly entry: RiskEntry;
  readonly rank: string;
  readonly closed: boolean;
  readonly ownerId: string;
  /** The linked gateway, or null; null rather than absent so `c.stage = @stage` never meets an undefined. */
  readonly stage: number | null;
  readonly score: number;
  readonly reviewDate: string;
  readonly history: readonly Sequenced<RiskHistoryEntry>[];
  readonly nextHistorySeq: number;
  /** True once a history page exists, so history reads only query pages when there are some. */
  readonly historyArchived: boolean;
}

export interface RiskHistoryPageDocument {
  readonly id: string;
  readonly projectId: string;
  readonly type: 'risk-history-page';
  readonly schemaVersion: typeof RISK_SCHEMA_VERSION;
  readonly riskId: string;
  readonly entries: readonly Sequenced<RiskHistoryEntry>[];
}

/** Risk ids are letters, digits, '-' and '_' (isRiskId), so they need no escaping. */
export function riskDocumentId(riskId: string): string {
  return `risk:${riskId}`;
}

/** Named after its first line, so archiving the same lines twice (after a crash) hits the same id. */
export function riskHistoryPageId(riskId: string, firstSeq: number): string {
  return `risk:${riskId}:history:${String(firstSeq).padStart(8, '0')}`;
}

/** The query fields, always recomputed from the entry. */
export function riskQueryFields(entry: RiskEntry): Pick<RiskDocument, 'rank' | 'closed' | 'ownerId' | 'stage' | 'score' | 'reviewDate'> {
  return {
    rank: riskListRank(entry),
    closed: entry.status === 'closed',
    ownerId: entry.owner.id,
    stage: entry.link?.stage ?? null,
    score: riskScore(entry),
    reviewDate: entry.reviewDate,
  };
}

export function assertRiskSchema(document: { readonly schemaVersion?: unknown; readonly id?: unknown }): void {
  if (document.schemaVersion !== RISK_SCHEMA_VERSION) {
    throw new Error(`Risk document ${String(document.id)} has schema version ${String(document.schemaVersion)}, expected ${RISK_SCHEMA_VERSION}`);
  }
}
