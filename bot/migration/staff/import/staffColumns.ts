/**
 * The staff list's columns and the header names each goes by. Trusts export
 * the list from ESR, HR or the directory, each with its own headings, so a
 * header is matched without regard to case, spaces or punctuation
 * ("Local ID", "local_id", "LOCALID" are one), against every synonym below.
 * The README's column table is written from this list.
 */

export const STAFF_COLUMNS = [
  'localId',
  'firstName',
  'lastName',
  'currentEmail',
  'nhsmailAddress',
  'department',
  'jobRole',
  'mailboxSize',
  'accountType',
  'owner',
  'delegates',
  'group',
] as const;
export type StaffColumn = (typeof STAFF_COLUMNS)[number];

export interface ColumnSpec {
  /** As the report names it. */
  readonly label: string;
  readonly required: boolean;
  /** Header names, as people write them; compared folded (`foldHeader`). */
  readonly synonyms: readonly string[];
}

export const COLUMN_SPECS: Readonly<Record<StaffColumn, ColumnSpec>> = {
  localId: {
    label: 'Local ID',
    required: true,
    synonyms: ['local id', 'local unique identifier', 'unique id', 'employee id', 'employee number', 'staff id', 'staff number', 'assignment number', 'esr number', 'payroll number', 'person id', 'id'],
  },
  firstName: { label: 'First name', required: true, synonyms: ['first name', 'forename', 'forenames', 'given name', 'first'] },
  lastName: { label: 'Last name', required: true, synonyms: ['last name', 'surname', 'family name', 'last'] },
  currentEmail: { label: 'Current email', required: false, synonyms: ['current email', 'email', 'email address', 'e-mail', 'work email', 'mail', 'local email'] },
  nhsmailAddress: {
    label: 'NHSmail address',
    required: false,
    synonyms: ['nhsmail address', 'nhsmail', 'nhsmail email', 'nhs.net address', 'nhs.net email', 'nhsnet', 'user principal name', 'upn'],
  },
  department: { label: 'Department', required: false, synonyms: ['department', 'work area', 'directorate', 'team', 'ward', 'service', 'cost centre'] },
  jobRole: { label: 'Job role', required: false, synonyms: ['job role', 'role', 'job title', 'position'] },
  mailboxSize: {
    label: 'Mailbox size',
    required: false,
    synonyms: ['mailbox size', 'mailbox size mb', 'mailbox size gb', 'mailbox mb', 'mailbox gb', 'size mb', 'size gb', 'mailbox', 'size'],
  },
  accountType: { label: 'Account type', required: false, synonyms: ['account type', 'mailbox type', 'type', 'recipient type'] },
  owner: { label: 'Owner', required: false, synonyms: ['owner', 'owner local id', 'owner id', 'mailbox owner', 'shared mailbox owner'] },
  delegates: {
    label: 'Delegates',
    required: false,
    synonyms: ['delegates', 'delegate', 'delegate local ids', 'delegate ids', 'shared with', 'users', 'calendar shared with', 'access'],
  },
  group: { label: 'Roll-out group', required: false, synonyms: ['roll-out group', 'rollout group', 'group', 'migration group', 'phase', 'wave'] },
};

/** Case, spaces, punctuation and brackets aside: "Mailbox size (MB)" is "mailboxsizemb". */
export function foldHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_FOLDED: ReadonlyMap<string, StaffColumn> = new Map(
  STAFF_COLUMNS.flatMap((column) => COLUMN_SPECS[column].synonyms.map((name) => [foldHeader(name), column] as const)),
);

export interface HeaderMatch {
  /** Which column of the file holds each known column. */
  readonly positions: Partial<Record<StaffColumn, number>>;
  /** The mailbox size column's unit when its header names one ("Mailbox (GB)"). */
  readonly mailboxUnit: 'MB' | 'GB';
  /** Headers that matched nothing: reported, their cells ignored. */
  readonly ignored: readonly string[];
  /** Problems that stop the import: a required column missing, a column given twice. */
  readonly problems: readonly string[];
}

export function matchHeader(header: readonly string[]): HeaderMatch {
  const positions: Partial<Record<StaffColumn, number>> = {};
  const ignored: string[] = [];
  const problems: string[] = [];
  let mailboxUnit: 'MB' | 'GB' = 'MB';
  header.forEach((name, index) => {
    const folded = foldHeader(name);
    const column = BY_FOLDED.get(folded);
    if (column === undefined) {
      if (folded !== '') ignored.push(name.trim());
      return;
    }
    const earlier = positions[column];
    if (earlier !== undefined) {
      problems.push(`Two columns are both ${COLUMN_SPECS[column].label}: "${(header[earlier] ?? '').trim()}" and "${name.trim()}". Keep one.`);
      return;
    }
    positions[column] = index;
    if (column === 'mailboxSize' && folded.endsWith('gb')) mailboxUnit = 'GB';
  });
  for (const column of STAFF_COLUMNS) {
    const spec = COLUMN_SPECS[column];
    if (spec.required && positions[column] === undefined) {
      problems.push(`There is no ${spec.label} column. Name it "${spec.label}" (or ${spec.synonyms.slice(1, 4).map((s) => `"${s}"`).join(', ')}).`);
    }
  }
  return { positions, mailboxUnit, ignored, problems };
}
