import type { RolloutGroup } from '../../migration/staff/rolloutGroup';
import type { StaffHistoryEntry, StaffMember } from '../../migration/staff/staffMember';
import type { Sequenced } from '../auditPages';

/**
 * The staff list's documents in the `projects` container, in the project's own
 * partition, beside its project, gateway and risk documents.
 *
 * One `staff-member` document per person, keyed by their local ID: the record,
 * its newest history lines, and copies of the fields the list filters and sorts
 * on (`sortKey`, `groupId`, `status`, `departmentKey`) and the two addresses a
 * person is found by, kept at the top level so queries use them without
 * reaching into `member`. They are derived from the record on every write,
 * never edited on their own. Older history lines move to `staff-history-page`
 * documents (as risks' do), so a record kept through a long roll-out stays
 * small. One `rollout-group` document per group.
 *
 * `schemaVersion` is the staff list's own, so it can change shape without the
 * project documents.
 */

export const STAFF_SCHEMA_VERSION = 1;

export const STAFF_MEMBER_TYPE = 'staff-member';
export const STAFF_HISTORY_PAGE_TYPE = 'staff-history-page';
export const ROLLOUT_GROUP_TYPE = 'rollout-group';

export interface StaffDocument {
  readonly id: string;
  readonly projectId: string;
  readonly type: typeof STAFF_MEMBER_TYPE;
  readonly schemaVersion: typeof STAFF_SCHEMA_VERSION;
  readonly localId: string;
  readonly member: StaffMember;
  /** Last name, first name (folded) and local ID: the list's order and its paging rank. */
  readonly sortKey: string;
  /** null rather than absent, so `c.groupId = null` and `= @groupId` never meet an undefined. */
  readonly groupId: string | null;
  readonly status: StaffMember['status'];
  readonly departmentKey: string | null;
  readonly currentEmail: string | null;
  readonly nhsmailAddress: string | null;
  readonly history: readonly Sequenced<StaffHistoryEntry>[];
  readonly nextHistorySeq: number;
  readonly historyArchived: boolean;
  /** The import that last wrote this record, so re-applying that import after a crash is recognised and skipped. */
  readonly lastImportId?: string;
}

export interface StaffHistoryPageDocument {
  readonly id: string;
  readonly projectId: string;
  readonly type: typeof STAFF_HISTORY_PAGE_TYPE;
  readonly schemaVersion: typeof STAFF_SCHEMA_VERSION;
  readonly localId: string;
  readonly entries: readonly Sequenced<StaffHistoryEntry>[];
}

export interface RolloutGroupDocument {
  readonly id: string;
  readonly projectId: string;
  readonly type: typeof ROLLOUT_GROUP_TYPE;
  readonly schemaVersion: typeof STAFF_SCHEMA_VERSION;
  readonly groupId: string;
  readonly order: number;
  readonly group: RolloutGroup;
}

/** Local IDs are letters, digits and `._-` (isLocalId), so they need no escaping. */
export function staffDocumentId(localId: string): string {
  return `staff:${localId}`;
}

/** Named after its first line, so archiving the same lines twice (after a crash) hits the same id. */
export function staffHistoryPageId(localId: string, firstSeq: number): string {
  return `staff:${localId}:history:${String(firstSeq).padStart(8, '0')}`;
}

export function rolloutGroupDocumentId(groupId: string): string {
  return `rollout-group:${groupId}`;
}

/** Case, accents and spacing do not change where a name sorts ("de Souza" beside "De Souza", "Élise" beside "Elise"). */
export function foldForSort(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The separator sorts below every printable character, so "Smith" comes before "Smithson". */
const SORT_SEPARATOR = '\u0001';

export function staffSortKey(member: Pick<StaffMember, 'lastName' | 'firstName' | 'localId'>): string {
  return [foldForSort(member.lastName), foldForSort(member.firstName), member.localId].join(SORT_SEPARATOR);
}

/** Departments are matched as people type them: case and spacing aside. */
export function departmentKey(department: string | undefined): string | null {
  if (department === undefined) return null;
  const key = department.toLowerCase().replace(/\s+/g, ' ').trim();
  return key === '' ? null : key;
}

/** The query fields, always recomputed from the record. */
export function staffQueryFields(
  member: StaffMember,
): Pick<StaffDocument, 'sortKey' | 'groupId' | 'status' | 'departmentKey' | 'currentEmail' | 'nhsmailAddress'> {
  return {
    sortKey: staffSortKey(member),
    groupId: member.groupId ?? null,
    status: member.status,
    departmentKey: departmentKey(member.department),
    currentEmail: member.currentEmail ?? null,
    nhsmailAddress: member.nhsmailAddress ?? null,
  };
}

export function toStaffDocument(
  member: StaffMember,
  history: readonly Sequenced<StaffHistoryEntry>[],
  nextHistorySeq: number,
  historyArchived: boolean,
  lastImportId?: string,
): StaffDocument {
  return {
    id: staffDocumentId(member.localId),
    projectId: member.projectId,
    type: STAFF_MEMBER_TYPE,
    schemaVersion: STAFF_SCHEMA_VERSION,
    localId: member.localId,
    member,
    ...staffQueryFields(member),
    history,
    nextHistorySeq,
    historyArchived,
    ...(lastImportId !== undefined ? { lastImportId } : {}),
  };
}

export function assertStaffSchema(document: { readonly schemaVersion?: unknown; readonly id?: unknown }): void {
  if (document.schemaVersion !== STAFF_SCHEMA_VERSION) {
    throw new Error(`Staff document ${String(document.id)} has schema version ${String(document.schemaVersion)}, expected ${STAFF_SCHEMA_VERSION}`);
  }
}
