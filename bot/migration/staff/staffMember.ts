import type { IsoTimestamp, PersonRef } from '../gateways/gatewayState';

/**
 * One person (or mailbox) on a project's staff reconciliation list (guide 4.3).
 *
 * Why each is its own record, keyed by the organisation's local ID: a trust's
 * list runs to tens of thousands of rows, each person's status moves on its
 * own (LAs update them one by one during roll-out), and a later export from
 * the HR or directory system updates people by that same local ID (the
 * Portal matches on it too: DOMAIN.md, "Local Unique Identifier"). A staff
 * record is personal data: it holds only what the migration needs.
 */

export const ACCOUNT_TYPES = ['person', 'shared', 'resource', 'system'] as const;
/** A person's own mailbox, a shared mailbox, a room or equipment mailbox, or a system (service) account. */
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/**
 * Where a person stands in the migration. In the order they normally pass
 * through; `not-needed` is for people who already hold an NHSmail account, who
 * need no new account and are counted apart in the registrations.
 */
export const MIGRATION_STATUSES = ['not-started', 'account-requested', 'created', 'activated', 'migrated', 'not-needed'] as const;
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number];

export const MIGRATION_STATUS_LABELS: Readonly<Record<MigrationStatus, string>> = {
  'not-started': 'Not started',
  'account-requested': 'Account requested',
  created: 'Created (pending)',
  activated: 'Activated',
  migrated: 'Migrated',
  'not-needed': 'Not needed: already on NHSmail',
};

export interface StaffMember {
  readonly projectId: string;
  /** The organisation's own unique id for the person (payroll, ESR or directory id). The key: never changes. */
  readonly localId: string;
  readonly firstName: string;
  readonly lastName: string;
  /** Their email today, on the organisation's own system; lower-cased. */
  readonly currentEmail?: string;
  /** Their NHSmail address (or user principal name) if they already hold one; lower-cased. */
  readonly nhsmailAddress?: string;
  readonly department?: string;
  readonly jobRole?: string;
  /** Mailbox size in megabytes (the file may say MB or GB; converted on import). */
  readonly mailboxMb?: number;
  readonly accountType: AccountType;
  /** For a shared mailbox: the local ID of the person who owns it. */
  readonly ownerLocalId?: string;
  /** Local IDs of the people who use this mailbox or share its calendar: they should move together (guide 4.2, 5.2.3). */
  readonly delegateLocalIds: readonly string[];
  /** The roll-out group they are in; absent until assigned. */
  readonly groupId?: string;
  readonly status: MigrationStatus;
  readonly updatedAt: IsoTimestamp;
  /** Bumped on every change, so an out-of-date card cannot undo someone's edit. */
  readonly version: number;
}

/** One change to a person's record, kept so an LA can see who moved a status and when. */
export interface StaffHistoryEntry {
  readonly at: IsoTimestamp;
  readonly by: PersonRef;
  /** Which part changed. */
  readonly field: 'status' | 'group' | 'details' | 'removed';
  readonly from?: string;
  readonly to?: string;
  /** 'import', 'group', 'one' (by hand), or 'request' (removed at the person's request). */
  readonly how: 'import' | 'group' | 'one' | 'request';
}

/** Local IDs come from other systems: letters, digits and a few separators, so they make safe document ids. */
export const LOCAL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isLocalId(value: unknown): value is string {
  return typeof value === 'string' && LOCAL_ID_PATTERN.test(value);
}

export function fullName(member: Pick<StaffMember, 'firstName' | 'lastName'>): string {
  return `${member.firstName} ${member.lastName}`.trim();
}

/** People who already hold an NHSmail account need no new one: left out of the Portal files and the plan. */
export function holdsNhsmailAccount(member: Pick<StaffMember, 'nhsmailAddress' | 'status'>): boolean {
  return member.nhsmailAddress !== undefined || member.status === 'not-needed';
}
