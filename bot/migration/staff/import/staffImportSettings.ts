/**
 * The import's limits, as settings (DOMAIN.md: the quota may have changed since the guide).
 */
export interface StaffImportSettings {
  /** Mailboxes over this many MB are warned about; the guide's 4 GB. */
  readonly quotaMb: number;
  /** Files over this many bytes are refused before they are read. 20 MB holds about 100,000 rows. */
  readonly maxFileBytes: number;
}

export const DEFAULT_STAFF_IMPORT_SETTINGS: StaffImportSettings = { quotaMb: 4 * 1024, maxFileBytes: 20 * 1024 * 1024 };

/** Rejections, warnings and missing people kept on the import's record (the counts are always whole). */
export const REPORT_LIST_LIMIT = 2_000;
export const MISSING_LIST_LIMIT = 20_000;
