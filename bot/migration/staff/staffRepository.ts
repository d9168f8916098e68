import type { AccountType, MigrationStatus, StaffHistoryEntry, StaffMember } from './staffMember';
import type { RolloutGroup } from './rolloutGroup';

/** Conditions on the staff list, applied in the store's query (the list may hold 50,000 people). */
export interface StaffFilter {
  readonly groupId?: string;
  /** Only people in no group. */
  readonly ungrouped?: boolean;
  readonly status?: MigrationStatus;
  readonly department?: string;
  /** Only this kind of account (the roll-out's co-existence check reads the shared mailboxes). */
  readonly accountType?: AccountType;
}

export interface StaffPageQuery {
  readonly filter: StaffFilter;
  readonly limit: number;
  /** The `next` of the previous page; absent for the first page. */
  readonly after?: string;
}

export interface StaffPage {
  /** By last name, then first name, then local ID. */
  readonly members: readonly StaffMember[];
  readonly next?: string;
}

export interface StaffChange {
  readonly member: StaffMember;
  readonly history: readonly StaffHistoryEntry[];
}

/**
 * Persistence of a project's staff list: one record per person in the
 * project's partition, read in pages, so nothing grows the project record.
 * Bulk import has its own port (the import issue's), because it must be
 * never half visible; this one serves everything after.
 *
 * Why `tryUpdate` makes one attempt: as for risks, retrying is the use case's
 * rule (`retryOnConflict`).
 */
export interface StaffRepository {
  /** One point read. */
  get(projectId: string, localId: string): Promise<StaffMember | undefined>;
  list(projectId: string, query: StaffPageQuery): Promise<StaffPage>;
  /** How many people match, without reading them. */
  count(projectId: string, filter: StaffFilter): Promise<number>;
  /**
   * Reads the record, asks `decide`, saves the result with its history in
   * one write only if nobody saved it in between (else ConcurrentModification).
   * `decide` returning undefined saves nothing. NotFound for a missing record.
   */
  tryUpdate(projectId: string, localId: string, decide: (current: StaffMember) => StaffChange | undefined): Promise<StaffMember>;
  /** Removes a person and their history (a data protection request). False when there was nobody to remove. */
  remove(projectId: string, localId: string): Promise<boolean>;
  /** Removes every staff record of a project: part of deleting the project. */
  removeAll(projectId: string): Promise<number>;
}

/** The project's roll-out groups: a handful of small records. */
export interface RolloutGroupRepository {
  all(projectId: string): Promise<readonly RolloutGroup[]>;
  get(projectId: string, groupId: string): Promise<RolloutGroup | undefined>;
  /** 'exists' when the id is taken. */
  create(group: RolloutGroup): Promise<'created' | 'exists'>;
  /** Saves only if `expectedVersion` is still the stored one, else ConcurrentModification. */
  replace(group: RolloutGroup, expectedVersion: number): Promise<RolloutGroup>;
  /** Only an empty group can be removed; the use case checks. */
  remove(projectId: string, groupId: string): Promise<boolean>;
}
