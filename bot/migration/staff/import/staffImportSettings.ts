import { DEFAULT_CATALOGUE_SETTINGS, type CatalogueSettings } from '../../gateways/catalogueSettings';
import { ValidationFailed } from '../../shared/errors';

/**
 * The import's limits, as settings (DOMAIN.md: the quota may have changed since the guide).
 */
export interface StaffImportSettings {
  /**
   * Mailboxes over this many MB are warned about. Always the catalogue's `mailboxQuotaGb` (see
   * {@link resolveStaffImportSettings}), so the import's warnings, the checklist and the answers quote one quota.
   */
  readonly quotaMb: number;
  /** Files over this many bytes are refused before they are read. 20 MB holds about 100,000 rows. */
  readonly maxFileBytes: number;
}

export const DEFAULT_STAFF_IMPORT_MAX_FILE_MB = 20;
/**
 * A file is read as a stream, but its rows are all held while they are checked and staged, so the limit is what
 * bounds the import's memory: 100 MB is about half a million rows, ten times a large trust's staff list.
 */
export const MAX_STAFF_IMPORT_FILE_MB = 100;

/**
 * The import's settings from the file size limit (whole MB) and the catalogue settings. The quota is not a setting
 * of its own: a second one could tell a member of staff their mailbox fits while the import warns it does not.
 */
export function resolveStaffImportSettings(
  limits: { readonly maxFileMb?: number } = {},
  catalogue: Pick<CatalogueSettings, 'mailboxQuotaGb'> = DEFAULT_CATALOGUE_SETTINGS,
): StaffImportSettings {
  const maxFileMb = limits.maxFileMb ?? DEFAULT_STAFF_IMPORT_MAX_FILE_MB;
  if (!Number.isInteger(maxFileMb) || maxFileMb < 1 || maxFileMb > MAX_STAFF_IMPORT_FILE_MB) {
    throw new ValidationFailed([{ field: 'maxFileMb', message: `maxFileMb must be a whole number of MB from 1 to ${MAX_STAFF_IMPORT_FILE_MB}.` }]);
  }
  return Object.freeze({ quotaMb: catalogue.mailboxQuotaGb * 1024, maxFileBytes: maxFileMb * 1024 * 1024 });
}

export const DEFAULT_STAFF_IMPORT_SETTINGS: StaffImportSettings = resolveStaffImportSettings();

/** Rejections, warnings and missing people kept on the import's record (the counts are always whole). */
export const REPORT_LIST_LIMIT = 2_000;
export const MISSING_LIST_LIMIT = 20_000;
