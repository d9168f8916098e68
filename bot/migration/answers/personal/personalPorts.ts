import type { StaffMember } from '../../staff/staffMember';

/** Which record of which project's staff list a person is. */
export interface StaffRecordRef {
  readonly projectId: string;
  readonly localId: string;
}

/**
 * What a person's match is remembered as in their own turn state (the user scope Teams reads on every turn anyway),
 * so their next question costs one point read for their record whatever the list's size. The tenant is kept so a
 * remembered match is never used for another tenant.
 */
export interface RememberedRecord extends StaffRecordRef {
  readonly tenantId: string;
}

/**
 * The other direction, kept in Cosmos in the project's partition: which Teams person a record belongs to, so a job
 * (the cutover reminders) can reach them without the person asking first. Written once, when they are matched.
 */
export interface StaffLink extends StaffRecordRef {
  readonly tenantId: string;
  /** The Teams user id (`29:…`) their personal chat reference is kept under. */
  readonly userId: string;
  readonly aadObjectId?: string;
  readonly linkedAt: string;
}

/** Finding people on the staff lists by what Teams or a colleague says about them. Cosmos implements it. */
export interface StaffDirectory {
  /**
   * People on the lists of the tenant's projects (and no other tenant's) whose NHSmail address or current email is
   * one of `addresses` (lower-cased). Run once per person, on their first question; after that the match is remembered.
   */
  findByAddresses(tenantId: string, addresses: readonly string[]): Promise<readonly StaffMember[]>;
  /** Up to `limit` people of one project whose address is `who`, or whose name contains it (case ignored). */
  search(projectId: string, who: string, limit: number): Promise<readonly StaffMember[]>;
}

export interface StaffLinkStore {
  get(projectId: string, localId: string): Promise<StaffLink | undefined>;
  /**
   * The record a Teams person was matched to, by their Teams user id (one point read): for ports that know only the
   * actor, such as "ask the team" finding the asker's project.
   */
  recordOf(tenantId: string, userId: string): Promise<StaffRecordRef | undefined>;
  /** Saves the link both ways (writes only when it changed). */
  save(link: StaffLink): Promise<void>;
}
