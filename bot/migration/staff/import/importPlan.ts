import type { IsoTimestamp, PersonRef } from '../../gateways/gatewayState';
import type { StaffHistoryEntry, StaffMember } from '../staffMember';
import type { CheckedRow, RowRejection, StaffRowFields } from './staffRows';

/**
 * What an import will do, decided before anything is written: each good row
 * compared with the stored list by local ID (added, updated with what
 * changed, or unchanged), the people the file no longer lists (reported, never
 * removed here), and the warnings a project manager should look at. Pure, so
 * importing the same file twice plans nothing the second time.
 */

export const WARNING_KINDS = [
  'duplicate-local-id',
  'duplicate-email',
  'already-on-nhsmail',
  'over-quota',
  'shared-without-owner',
  'owner-not-listed',
  'delegate-not-listed',
  'unknown-group',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const WARNING_LABELS: Readonly<Record<WarningKind, string>> = {
  'duplicate-local-id': 'The same local ID twice',
  'duplicate-email': 'The same email for two people',
  'already-on-nhsmail': 'Already on NHSmail (no new account needed)',
  'over-quota': 'Mailbox over the quota',
  'shared-without-owner': 'Shared mailbox without an owner',
  'owner-not-listed': 'Owner not on the list',
  'delegate-not-listed': 'Delegate not on the list',
  'unknown-group': 'Unknown roll-out group',
};

export interface ImportWarning {
  readonly kind: WarningKind;
  readonly line: number;
  readonly localId: string;
  /** Plain words for the report, naming no more than the file already did. */
  readonly detail: string;
}

export type PlannedChange =
  | { readonly kind: 'added'; readonly member: StaffMember; readonly history: readonly StaffHistoryEntry[] }
  | { readonly kind: 'updated'; readonly member: StaffMember; readonly history: readonly StaffHistoryEntry[]; readonly baseVersion: number; readonly changedFields: readonly string[] };

export interface ImportCounts {
  readonly rows: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly missing: number;
}

export interface ImportPlan {
  readonly counts: ImportCounts;
  readonly changes: readonly PlannedChange[];
  readonly rejections: readonly RowRejection[];
  readonly warnings: readonly ImportWarning[];
  /** Local IDs on the stored list that this file does not have, in order. */
  readonly missing: readonly string[];
}

export interface PlanInput {
  readonly projectId: string;
  readonly rows: readonly CheckedRow[];
  readonly rejections: readonly RowRejection[];
  readonly stored: ReadonlyMap<string, StaffMember>;
  readonly knownGroupIds: ReadonlySet<string>;
  /** The mailbox quota in MB (4 GB by default: DOMAIN.md). */
  readonly quotaMb: number;
  readonly by: PersonRef;
  readonly now: IsoTimestamp;
}

/** The fields a file sets, in the order "what changed" names them. */
const FILE_FIELDS = [
  ['firstName', 'first name'],
  ['lastName', 'last name'],
  ['currentEmail', 'current email'],
  ['nhsmailAddress', 'NHSmail address'],
  ['department', 'department'],
  ['jobRole', 'job role'],
  ['mailboxMb', 'mailbox size'],
  ['accountType', 'account type'],
  ['ownerLocalId', 'owner'],
  ['delegateLocalIds', 'delegates'],
  ['groupId', 'roll-out group'],
] as const satisfies readonly (readonly [keyof StaffRowFields, string])[];

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Which file fields differ between a stored record and a row (labels, for "what changed"). */
export function changedFields(stored: StaffMember, fields: StaffRowFields): string[] {
  return FILE_FIELDS.filter(([key]) => !sameValue(stored[key], fields[key])).map(([, label]) => label);
}

/**
 * A record with the file's fields laid over it. Status is the roll-out's,
 * except that someone who turns out to hold an NHSmail account before any work
 * began needs none: `not-needed`.
 */
export function withFileFields(base: StaffMember | undefined, projectId: string, fields: StaffRowFields, now: IsoTimestamp): StaffMember {
  const status = base?.status ?? 'not-started';
  const nextStatus = fields.nhsmailAddress !== undefined && status === 'not-started' ? 'not-needed' : status;
  return {
    projectId,
    ...fields,
    status: nextStatus,
    updatedAt: now,
    version: (base?.version ?? 0) + 1,
  };
}

export function planImport(input: PlanInput): ImportPlan {
  const { rows, stored, projectId, by, now } = input;
  const rejections: RowRejection[] = [...input.rejections];
  const warnings: ImportWarning[] = [];
  const warn = (kind: WarningKind, row: CheckedRow, detail: string): void => {
    warnings.push({ kind, line: row.line, localId: row.fields.localId, detail });
  };

  // The same local ID twice: the first row counts, the later ones are refused (which one is right is the PM's call).
  const firstLine = new Map<string, number>();
  const kept: CheckedRow[] = [];
  for (const row of rows) {
    const earlier = firstLine.get(row.fields.localId);
    if (earlier !== undefined) {
      rejections.push({ line: row.line, localId: row.fields.localId, reasons: [`the local ID ${row.fields.localId} is also on line ${earlier}; only that row was imported`] });
      warn('duplicate-local-id', row, `also on line ${earlier}`);
      continue;
    }
    firstLine.set(row.fields.localId, row.line);
    kept.push(row);
  }

  const onList = (localId: string): boolean => firstLine.has(localId) || stored.has(localId);
  const emailLine = new Map<string, CheckedRow>();
  for (const row of kept) {
    const f = row.fields;
    for (const email of [f.currentEmail, f.nhsmailAddress]) {
      if (email === undefined) continue;
      const other = emailLine.get(email);
      if (other && other.fields.localId !== f.localId) warn('duplicate-email', row, `${email} is also given for ${other.fields.localId} on line ${other.line}`);
      else emailLine.set(email, row);
    }
    if (f.nhsmailAddress !== undefined) warn('already-on-nhsmail', row, `holds ${f.nhsmailAddress}`);
    if (f.mailboxMb !== undefined && f.mailboxMb > input.quotaMb) warn('over-quota', row, `mailbox ${formatMb(f.mailboxMb)}, over the ${formatMb(input.quotaMb)} quota`);
    if (f.accountType === 'shared' && f.ownerLocalId === undefined) warn('shared-without-owner', row, 'no owner given');
    if (f.ownerLocalId !== undefined && !onList(f.ownerLocalId)) warn('owner-not-listed', row, `owner ${f.ownerLocalId} is not on the list`);
    for (const delegate of f.delegateLocalIds) if (!onList(delegate)) warn('delegate-not-listed', row, `delegate ${delegate} is not on the list`);
    if (f.groupId !== undefined && !input.knownGroupIds.has(f.groupId)) warn('unknown-group', row, `no roll-out group called ${f.groupId} yet`);
  }

  const changes: PlannedChange[] = [];
  let unchanged = 0;
  for (const row of kept) {
    const before = stored.get(row.fields.localId);
    if (!before) {
      const member = withFileFields(undefined, projectId, row.fields, now);
      changes.push({ kind: 'added', member, history: [{ at: now, by, field: 'details', to: 'added from the staff list', how: 'import' }] });
      continue;
    }
    const fields = changedFields(before, row.fields);
    const member = withFileFields(before, projectId, row.fields, now);
    if (fields.length === 0 && member.status === before.status) {
      unchanged += 1;
      continue;
    }
    const history: StaffHistoryEntry[] = [{ at: now, by, field: 'details', to: fields.join(', '), how: 'import' }];
    if (before.groupId !== member.groupId) history.push({ at: now, by, field: 'group', ...(before.groupId ? { from: before.groupId } : {}), ...(member.groupId ? { to: member.groupId } : {}), how: 'import' });
    if (before.status !== member.status) history.push({ at: now, by, field: 'status', from: before.status, to: member.status, how: 'import' });
    changes.push({ kind: 'updated', member, history, baseVersion: before.version, changedFields: fields });
  }

  const missing = [...stored.keys()].filter((id) => !firstLine.has(id)).sort();
  rejections.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line || a.kind.localeCompare(b.kind));
  const added = changes.filter((c) => c.kind === 'added').length;
  return {
    counts: { rows: rows.length + input.rejections.length, added, updated: changes.length - added, unchanged, rejected: rejections.length, missing: missing.length },
    changes,
    rejections,
    warnings,
    missing,
  };
}

export function formatMb(mb: number): string {
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.round(mb)} MB`;
}

/** The part of a record a file sets, so a change staged earlier can be laid again over a record changed since. */
export function fileFieldsOf(member: StaffMember): StaffRowFields {
  const { projectId: _p, status: _s, updatedAt: _u, version: _v, ...fields } = member;
  return fields;
}

/**
 * The record a staged change makes of the record as it is now: the planned one
 * when nobody changed it since the plan, else the file's fields over the
 * current record (a status an LA set meanwhile is kept). Undefined when there
 * is nothing left to change.
 */
export function rebase(change: PlannedChange, current: StaffMember | undefined, now: IsoTimestamp): StaffMember | undefined {
  if (change.kind === 'added') return current ? undefined : change.member;
  if (!current) return undefined; // removed meanwhile (on request): the import does not bring them back
  if (current.version === change.baseVersion) return change.member;
  const fields = fileFieldsOf(change.member);
  const member = withFileFields(current, current.projectId, fields, now);
  return changedFields(current, fields).length === 0 && member.status === current.status ? undefined : member;
}
