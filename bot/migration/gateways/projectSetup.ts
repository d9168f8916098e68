import type { FieldError } from '../shared/errors';
import { isIsoDate, type IsoDate } from '../shared/ukDates';
import { DEFAULT_CATALOGUE_SETTINGS, type CatalogueSettings } from './catalogueSettings';
import { classifyOdsCode, describeOdsCode, hasNonAsciiLetters, isValidOdsCode, normaliseOdsCode, type OdsCodeKind } from './odsCode';

/**
 * Validation of the project set-up form.
 *
 * Why collect everything: the form arrives in one submit from a card, so the
 * person should see every problem at once rather than fix them one by one.
 * Why hints: some answers are valid but worth a second look (an unusual ODS
 * code, lots of new accounts); those never stop the set-up.
 */

export const MIGRATION_METHODS = ['self-migration', 'managed-service', 'third-party'] as const;
export type MigrationMethod = (typeof MIGRATION_METHODS)[number];

export const PHASINGS = ['big-bang', 'phased'] as const;
export type Phasing = (typeof PHASINGS)[number];

export const ORGANISATION_NAME_MAX_LENGTH = 200;

/** As submitted: card inputs arrive as strings (or are missing), so nothing is trusted. */
export interface ProjectSetupInput {
  readonly organisationName?: unknown;
  readonly odsCode?: unknown;
  readonly migrationMethod?: unknown;
  readonly approximateUsers?: unknown;
  readonly newAccounts?: unknown;
  readonly phasing?: unknown;
  readonly plannedStart?: unknown;
  readonly cutover?: unknown;
}

export interface ProjectSetup {
  readonly organisationName: string;
  readonly odsCode: string;
  readonly odsCodeKind: OdsCodeKind;
  readonly migrationMethod: MigrationMethod;
  readonly approximateUsers: number;
  readonly newAccounts: number;
  readonly phasing: Phasing;
  readonly plannedStart: IsoDate;
  readonly cutover: IsoDate;
}

export type ProjectSetupField = keyof ProjectSetupInput;

/** Worth a second look, never blocking. */
export interface SetupHint {
  readonly field: ProjectSetupField;
  readonly message: string;
  /**
   * Worth stopping for: a code that matches no known pattern, a site code where the trust's is usual, or enough
   * new accounts to need NHS Digital's approval. A plain "looks like an NHS trust code" is only worth showing.
   */
  readonly confirm: boolean;
}

/** ODS code kinds that are allowed but often a mistake, so set-up asks before saving. */
const DOUBTFUL_ODS_KINDS: ReadonlySet<string> = new Set(['unknown', 'nhs-trust-site']);

export type ProjectSetupResult =
  | { readonly ok: true; readonly value: ProjectSetup; readonly hints: readonly SetupHint[] }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

type ApprovalSettings = Pick<CatalogueSettings, 'newAccountApprovalThreshold' | 'extraApprovalDays'>;

/**
 * `today` (London) is what a cutover must not be before: a project is set up for a migration still to come. Without
 * it only the dates' shape and order are checked (a form re-shown before saving); the use case always passes it.
 */
export function validateProjectSetup(
  input: ProjectSetupInput,
  settings: ApprovalSettings = DEFAULT_CATALOGUE_SETTINGS,
  today?: IsoDate,
): ProjectSetupResult {
  const errors: FieldError[] = [];
  const hints: SetupHint[] = [];
  const fail = (field: ProjectSetupField, message: string): undefined => {
    errors.push({ field, message });
    return undefined;
  };

  const organisationName = text(input.organisationName);
  if (organisationName.length === 0) fail('organisationName', "Please enter your organisation's name.");
  else if (organisationName.length > ORGANISATION_NAME_MAX_LENGTH) {
    fail('organisationName', `Please keep the organisation name to ${ORGANISATION_NAME_MAX_LENGTH} characters or fewer.`);
  }

  const odsCode = normaliseOdsCode(text(input.odsCode));
  if (odsCode.length === 0) fail('odsCode', "Please enter your organisation's ODS code.");
  else if (hasNonAsciiLetters(odsCode)) {
    fail('odsCode', 'An ODS code uses only the letters A to Z and the numbers 0 to 9 (no accents or letters from other alphabets), for example RH8.');
  } else if (!isValidOdsCode(odsCode)) {
    fail('odsCode', 'An ODS code is 3 to 9 letters and numbers, for example RH8 or A81001.');
  } else {
    hints.push({ field: 'odsCode', message: describeOdsCode(odsCode), confirm: DOUBTFUL_ODS_KINDS.has(classifyOdsCode(odsCode)) });
  }

  const migrationMethod = oneOf(input.migrationMethod, MIGRATION_METHODS);
  if (!migrationMethod) fail('migrationMethod', 'Please choose self-migration, a managed migration service or a third party.');

  const approximateUsers = wholeNumber(input.approximateUsers);
  if (approximateUsers === undefined || approximateUsers < 1) {
    fail('approximateUsers', 'Please enter roughly how many people will move to NHSmail, as a whole number of at least 1.');
  }

  const newAccounts = wholeNumber(input.newAccounts);
  if (newAccounts === undefined) {
    fail('newAccounts', 'Please enter how many new NHSmail accounts you need, as a whole number (0 if none).');
  } else if (newAccounts > settings.newAccountApprovalThreshold) {
    hints.push({
      field: 'newAccounts',
      message: `You need more than ${settings.newAccountApprovalThreshold} new accounts, so allow an extra ${settings.extraApprovalDays} days for NHS Digital to approve them. Approval is only given after a successful pilot.`,
      confirm: true,
    });
  }

  const phasing = oneOf(input.phasing, PHASINGS);
  if (!phasing) fail('phasing', 'Please choose a big-bang or a phased migration.');

  const plannedStart = isoDate(input.plannedStart);
  if (!plannedStart) fail('plannedStart', 'Please give the planned start as a date, for example 2026-11-25.');
  const cutover = isoDate(input.cutover);
  if (!cutover) fail('cutover', 'Please give the cutover date as a date, for example 2027-03-01.');
  else if (today !== undefined && cutover < today) fail('cutover', 'The cutover date has already passed. Please choose today or a later date.');
  else if (plannedStart && cutover <= plannedStart) fail('cutover', 'The cutover date needs to be after the planned start.');

  if (errors.length > 0 || !migrationMethod || !phasing || !plannedStart || !cutover || approximateUsers === undefined || newAccounts === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      organisationName,
      odsCode,
      odsCodeKind: classifyOdsCode(odsCode),
      migrationMethod,
      approximateUsers,
      newAccounts,
      phasing,
      plannedStart,
      cutover,
    },
    hints,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function oneOf<T extends string>(value: unknown, options: readonly T[]): T | undefined {
  const candidate = text(value);
  return options.find((o) => o === candidate);
}

/** A non-negative whole number, from a number or a string like "5,000". */
function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const digits = text(value).replace(/,/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const parsed = Number(digits);
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}

function isoDate(value: unknown): IsoDate | undefined {
  const candidate = text(value);
  return isIsoDate(candidate) ? candidate : undefined;
}
