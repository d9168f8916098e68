import { ACCOUNT_TYPES, LOCAL_ID_PATTERN, type AccountType, type StaffMember } from '../staffMember';
import { GROUP_ID_PATTERN } from '../rolloutGroup';
import type { HeaderMatch, StaffColumn } from './staffColumns';

/**
 * One row of a staff file checked on its own: what the file says about a
 * person, or why the row cannot be used. Nothing here knows the stored list;
 * the import plan compares with it.
 */

/**
 * What a file row says about a person: the record's own fields, less what only Gateway sets (the project, the
 * status and its version), so the two cannot drift apart.
 */
export type StaffRowFields = Omit<StaffMember, 'projectId' | 'status' | 'updatedAt' | 'version'>;

export interface CheckedRow {
  /** The file's line number where the row starts (the header is line 1). */
  readonly line: number;
  readonly fields: StaffRowFields;
}

export interface RowRejection {
  readonly line: number;
  /** The local ID as written, when there was one. */
  readonly localId?: string;
  readonly reasons: readonly string[];
}

export type RowCheck = { readonly ok: true; readonly row: CheckedRow } | { readonly ok: false; readonly rejection: RowRejection };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT = 200;

const ACCOUNT_TYPE_WORDS: Readonly<Record<string, AccountType>> = {
  person: 'person',
  user: 'person',
  personal: 'person',
  individual: 'person',
  usermailbox: 'person',
  shared: 'shared',
  sharedmailbox: 'shared',
  generic: 'shared',
  genericmailbox: 'shared',
  resource: 'resource',
  room: 'resource',
  roommailbox: 'resource',
  equipment: 'resource',
  system: 'system',
  service: 'system',
  serviceaccount: 'system',
  application: 'system',
  app: 'system',
};

/** "Phase 1" is the group id "phase-1"; "Pilot" is "pilot". */
export function groupIdFromCell(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "1200", "1,200 MB", "1.5GB", "4 gb": megabytes, or undefined when it is not a size. */
export function parseMailboxSize(cell: string, defaultUnit: 'MB' | 'GB'): number | undefined {
  const match = /^(\d+(?:[.,]\d+)*)\s*(mb|gb|tb|kb)?$/i.exec(cell.trim());
  if (!match?.[1]) return undefined;
  const raw = match[1];
  // "1,200" is a thousands separator; "1,5" a decimal comma.
  const number = Number(/,\d{3}(?!\d)/.test(raw) ? raw.replace(/,/g, '') : raw.replace(',', '.'));
  if (!Number.isFinite(number)) return undefined;
  const unit = (match[2] ?? defaultUnit).toUpperCase();
  const factor = unit === 'TB' ? 1024 * 1024 : unit === 'GB' ? 1024 : unit === 'KB' ? 1 / 1024 : 1;
  return Math.round(number * factor * 10) / 10;
}

/** The patterns' own test: the shared type guards narrow a string to never when they fail. */
function isLocalIdText(text: string): boolean {
  return LOCAL_ID_PATTERN.test(text);
}

function splitIds(cell: string): string[] {
  return cell
    .split(/[;,|\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function clean(cell: string | undefined): string {
  return (cell ?? '').replace(/\s+/g, ' ').trim();
}

export function checkRow(line: number, cells: readonly string[], header: HeaderMatch): RowCheck {
  const cell = (column: StaffColumn): string => {
    const at = header.positions[column];
    return at === undefined ? '' : clean(cells[at]);
  };
  const reasons: string[] = [];
  const localId = cell('localId');
  if (localId === '') reasons.push('the local ID is empty');
  else if (!isLocalIdText(localId)) reasons.push(`the local ID "${localId.slice(0, 70)}" may hold only letters, digits, full stops, hyphens and underscores (at most 64)`);

  const typeCell = cell('accountType');
  const accountType: AccountType | undefined = typeCell === '' ? 'person' : ACCOUNT_TYPE_WORDS[typeCell.toLowerCase().replace(/[^a-z]/g, '')];
  if (accountType === undefined) reasons.push(`the account type "${typeCell.slice(0, 40)}" is not one of ${ACCOUNT_TYPES.join(', ')}`);

  let firstName = cell('firstName');
  let lastName = cell('lastName');
  if (accountType === 'person' || accountType === undefined) {
    if (firstName === '') reasons.push('the first name is empty');
    if (lastName === '') reasons.push('the last name is empty');
  } else if (firstName === '' && lastName === '') {
    reasons.push('the mailbox has no name');
  } else if (lastName === '') {
    // A shared or room mailbox often has one name: keep it where the list sorts.
    lastName = firstName;
    firstName = '';
  }
  for (const [label, value] of [['first name', firstName], ['last name', lastName], ['department', cell('department')], ['job role', cell('jobRole')]] as const) {
    if (value.length > MAX_TEXT) reasons.push(`the ${label} is longer than ${MAX_TEXT} characters`);
  }

  const currentEmail = cell('currentEmail').toLowerCase();
  if (currentEmail !== '' && !EMAIL.test(currentEmail)) reasons.push(`the current email "${currentEmail.slice(0, 80)}" is not an email address`);
  const nhsmailAddress = cell('nhsmailAddress').toLowerCase();
  if (nhsmailAddress !== '' && !EMAIL.test(nhsmailAddress)) reasons.push(`the NHSmail address "${nhsmailAddress.slice(0, 80)}" is not an email address`);

  const sizeCell = cell('mailboxSize');
  const mailboxMb = sizeCell === '' ? undefined : parseMailboxSize(sizeCell, header.mailboxUnit);
  if (sizeCell !== '' && mailboxMb === undefined) reasons.push(`the mailbox size "${sizeCell.slice(0, 30)}" is not a size (write 1200, 1200 MB or 1.2 GB)`);

  const owner = cell('owner');
  if (owner !== '' && !isLocalIdText(owner)) reasons.push(`the owner "${owner.slice(0, 70)}" is not a local ID`);
  const delegates = splitIds(cell('delegates'));
  const badDelegate = delegates.find((d) => !isLocalIdText(d));
  if (badDelegate !== undefined) reasons.push(`the delegate "${badDelegate.slice(0, 70)}" is not a local ID`);

  const groupCell = cell('group');
  const groupId = groupCell === '' ? undefined : groupIdFromCell(groupCell);
  if (groupId !== undefined && !GROUP_ID_PATTERN.test(groupId)) reasons.push(`the roll-out group "${groupCell.slice(0, 50)}" is not a group name (letters, digits and spaces, at most 40)`);

  if (reasons.length > 0 || accountType === undefined) {
    return { ok: false, rejection: { line, ...(localId !== '' ? { localId: localId.slice(0, 64) } : {}), reasons } };
  }
  const department = cell('department');
  const jobRole = cell('jobRole');
  return {
    ok: true,
    row: {
      line,
      fields: {
        localId,
        firstName,
        lastName,
        ...(currentEmail !== '' ? { currentEmail } : {}),
        ...(nhsmailAddress !== '' ? { nhsmailAddress } : {}),
        ...(department !== '' ? { department } : {}),
        ...(jobRole !== '' ? { jobRole } : {}),
        ...(mailboxMb !== undefined ? { mailboxMb } : {}),
        accountType,
        ...(owner !== '' ? { ownerLocalId: owner } : {}),
        delegateLocalIds: [...new Set(delegates.filter((d) => d !== localId))],
        ...(groupId !== undefined ? { groupId } : {}),
      },
    },
  };
}
