import type { PlannedChange } from '../../migration/staff/import/importPlan';
import type { StaffImportRecord } from '../../migration/staff/import/staffImportStore';
import type { StaffDocument, STAFF_SCHEMA_VERSION } from './staffDocuments';

/**
 * An import's documents in the project's partition: its record (state and
 * report), one staged row per change (type `staff-import-row`, which no list
 * query reads), and the project's one `staff-import-current` lock naming the
 * import under way.
 */

export const IMPORT_RECORD_TYPE = 'staff-import';
export const IMPORT_ROW_TYPE = 'staff-import-row';
export const IMPORT_LOCK_TYPE = 'staff-import-current';
export const IMPORT_LOCK_ID = 'staff-import-current';

export interface ImportRecordDocument {
  readonly id: string;
  readonly projectId: string;
  readonly type: typeof IMPORT_RECORD_TYPE;
  readonly schemaVersion: typeof STAFF_SCHEMA_VERSION;
  readonly record: StaffImportRecord;
}

export interface ImportRowDocument {
  readonly id: string;
  readonly projectId: string;
  readonly type: typeof IMPORT_ROW_TYPE;
  readonly schemaVersion: typeof STAFF_SCHEMA_VERSION;
  readonly importId: string;
  readonly localId: string;
  readonly change: PlannedChange;
  /**
   * The person's document as this change makes it, and the eTag of the one it replaces, when the record read for
   * the plan was at hand at staging: then applying is one write. Without them (or when the record changed since:
   * 412), applying reads the record and rebases the change on it.
   */
  readonly next?: StaffDocument;
  readonly ifMatch?: string;
}

export interface ImportLockDocument {
  readonly id: typeof IMPORT_LOCK_ID;
  readonly projectId: string;
  readonly type: typeof IMPORT_LOCK_TYPE;
  readonly schemaVersion: typeof STAFF_SCHEMA_VERSION;
  readonly importId: string;
}

export function importRecordId(importId: string): string {
  return `staff-import:${importId}`;
}

export function importRowId(importId: string, localId: string): string {
  return `staff-import:${importId}:${localId}`;
}
