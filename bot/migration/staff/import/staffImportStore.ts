import type { IsoTimestamp, PersonRef } from '../../gateways/gatewayState';
import type { StaffMember } from '../staffMember';
import type { FileEncoding } from './fileEncoding';
import type { ImportCounts, ImportWarning, PlannedChange } from './importPlan';
import type { RowRejection } from './staffRows';

/**
 * The import's own storage port: a whole file becomes visible at once or not
 * at all, which the staff repository's one-record-at-a-time writes cannot do.
 *
 * The rule (README, "The staff list"): changes are first *staged* beside the
 * list, invisible to every reader; then one write to the import's record
 * *commits* them; then they are *applied* to the people's records. An import
 * stopped before its commit is rolled back (its staged rows deleted, nothing
 * visible ever changed); one stopped after it is rolled forward (the apply
 * runs again: every step of it can be repeated without changing the outcome).
 * One import per project at a time.
 */

export type ImportState = 'staging' | 'committed' | 'done' | 'rolled-back';

/** The report as kept: lists are capped (`kept` says how many were kept of how many). */
export interface ImportReport {
  readonly counts: ImportCounts;
  readonly rejections: readonly RowRejection[];
  readonly warnings: readonly ImportWarning[];
  readonly missing: readonly string[];
  /** How many of each list the report holds; the counts give the totals. */
  readonly kept: { readonly rejections: number; readonly warnings: number; readonly missing: number; readonly warningsTotal: number };
  readonly encoding: FileEncoding;
  readonly ignoredColumns: readonly string[];
}

export interface StaffImportRecord {
  readonly projectId: string;
  readonly importId: string;
  readonly fileName: string;
  readonly by: PersonRef;
  readonly startedAt: IsoTimestamp;
  readonly state: ImportState;
  readonly report?: ImportReport;
  /** Applied so far, of the changes staged. */
  readonly applied: number;
  readonly toApply: number;
  readonly finishedAt?: IsoTimestamp;
  /** Set once the PM confirmed removing the people this file no longer lists. */
  readonly missingRemovedAt?: IsoTimestamp;
}

export interface StaffImportStore {
  /** The stored list, by local ID (one query, read in pages by the store). */
  storedMembers(projectId: string): Promise<ReadonlyMap<string, StaffMember>>;
  /** Starts an import in `staging`; 'busy' while another import of the project is unfinished. */
  begin(record: StaffImportRecord): Promise<'begun' | 'busy'>;
  /** Writes changes beside the list, invisible to readers; may be called many times. */
  stage(projectId: string, importId: string, changes: readonly PlannedChange[]): Promise<void>;
  /** The commit point: one write. From here on the import is rolled forward, never back. */
  commit(projectId: string, importId: string, report: ImportReport, toApply: number): Promise<void>;
  /** Applies the staged changes (again, after a crash) and marks the import done. */
  apply(projectId: string, importId: string, progress?: (applied: number, total: number) => void): Promise<void>;
  /** Deletes the staged changes of an import that was not committed, and marks it rolled back. */
  rollBack(projectId: string, importId: string): Promise<void>;
  get(projectId: string, importId: string): Promise<StaffImportRecord | undefined>;
  /** Imports stopped midway, in every project (looked for at start). */
  unfinished(): Promise<readonly StaffImportRecord[]>;
  /** Records that the PM confirmed the missing people's removal. */
  markMissingRemoved(projectId: string, importId: string, at: IsoTimestamp): Promise<void>;
}
