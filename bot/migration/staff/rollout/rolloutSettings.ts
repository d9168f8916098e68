import { ValidationFailed, type FieldError } from '../../shared/errors';

/**
 * The roll-out's settings, with the defaults the README documents. The Portal's CSV headings are not public
 * (DOMAIN.md: "make the export's columns and their order configurable"), so they are a setting; so is the size of
 * each file, because the Portal wants several small files sent one at a time.
 */

/** What a Portal file column is filled from. */
export const PORTAL_FIELDS = [
  'portal-id',
  'organisation-code',
  'first-name',
  'last-name',
  'local-id',
  'job-role',
  'work-area',
  'current-email',
  'account-type',
  'blank',
] as const;
export type PortalField = (typeof PORTAL_FIELDS)[number];

export interface PortalColumn {
  /** The heading written in the file, exactly as the Portal's sample file spells it. */
  readonly heading: string;
  readonly field: PortalField;
}

/**
 * The default columns: the Portal's first column `ID` (its own database id, blank for a new user), then the four
 * mandatory fields of the connector era (DOMAIN.md). Job Role and Work Area are optional in the Portal and must come
 * from NHS lists, which a local staff list seldom matches, so they are left out unless configured.
 */
export const DEFAULT_PORTAL_COLUMNS: readonly PortalColumn[] = [
  { heading: 'ID', field: 'portal-id' },
  { heading: 'Organisation Code', field: 'organisation-code' },
  { heading: 'First Name', field: 'first-name' },
  { heading: 'Last Name', field: 'last-name' },
  { heading: 'Local Unique Identifier', field: 'local-id' },
];

export interface RolloutSettings {
  readonly portalColumns: readonly PortalColumn[];
  /** Rows per Portal file (the header not counted). */
  readonly portalFileRows: number;
  /**
   * Registrations are behind plan when, by the end of the last whole month, fewer than this share of the planned
   * new accounts were registered (1 = every planned account).
   */
  readonly behindPlanShare: number;
  /** The reminder that NHS Digital expects the month's figures goes this many working days before the month ends. */
  readonly reminderWorkingDaysBeforeMonthEnd: number;
}

export const DEFAULT_ROLLOUT_SETTINGS: RolloutSettings = {
  portalColumns: DEFAULT_PORTAL_COLUMNS,
  portalFileRows: 250,
  behindPlanShare: 1,
  reminderWorkingDaysBeforeMonthEnd: 3,
};

export const MAX_PORTAL_FILE_ROWS = 5_000;

/**
 * Reads the column setting, as written in an environment variable: `Heading=field` pairs separated by commas, in
 * order (`ID=portal-id,Organisation Code=organisation-code,…`). Returns the problems instead when it cannot be read,
 * so the start can name them.
 */
export function parsePortalColumns(text: string): { readonly ok: true; readonly columns: readonly PortalColumn[] } | { readonly ok: false; readonly problem: string } {
  const columns: PortalColumn[] = [];
  for (const pair of text.split(',')) {
    const [rawHeading = '', rawField = '', ...rest] = pair.split('=');
    const heading = rawHeading.trim();
    const field = rawField.trim();
    if (rest.length > 0 || heading === '' || !(PORTAL_FIELDS as readonly string[]).includes(field)) {
      return { ok: false, problem: `"${pair.trim()}" should be Heading=field, the field one of ${PORTAL_FIELDS.join(', ')}` };
    }
    if (columns.some((c) => c.heading.toLowerCase() === heading.toLowerCase())) return { ok: false, problem: `the heading "${heading}" appears twice` };
    columns.push({ heading, field: field as PortalField });
  }
  if (!columns.some((c) => c.field === 'local-id')) return { ok: false, problem: 'the Portal matches people on their local ID, so one column must be local-id' };
  return { ok: true, columns };
}

/** The columns in the form {@link parsePortalColumns} reads, to show an operator what to write. */
export function formatPortalColumns(columns: readonly PortalColumn[]): string {
  return columns.map((c) => `${c.heading}=${c.field}`).join(',');
}

/** Fills in the defaults and checks the result, reporting every bad setting at once (the start names them all). */
export function resolveRolloutSettings(partial: Partial<RolloutSettings> = {}): RolloutSettings {
  const settings = { ...DEFAULT_ROLLOUT_SETTINGS, ...partial };
  const errors: FieldError[] = [];
  if (!Number.isInteger(settings.portalFileRows) || settings.portalFileRows < 1 || settings.portalFileRows > MAX_PORTAL_FILE_ROWS) {
    errors.push({ field: 'portalFileRows', message: `portalFileRows must be a whole number from 1 to ${MAX_PORTAL_FILE_ROWS} (rows per Portal file).` });
  }
  if (!(settings.behindPlanShare > 0 && settings.behindPlanShare <= 1)) {
    errors.push({ field: 'behindPlanShare', message: 'behindPlanShare must be a share above 0 and at most 1, such as 0.9 (1 is every planned account).' });
  }
  if (!Number.isInteger(settings.reminderWorkingDaysBeforeMonthEnd) || settings.reminderWorkingDaysBeforeMonthEnd < 0 || settings.reminderWorkingDaysBeforeMonthEnd > 15) {
    errors.push({ field: 'reminderWorkingDaysBeforeMonthEnd', message: 'reminderWorkingDaysBeforeMonthEnd must be a whole number from 0 to 15 (working days before the month ends).' });
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  return Object.freeze({ ...settings, portalColumns: Object.freeze([...settings.portalColumns]) });
}
