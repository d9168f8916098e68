import type { StaffMember } from '../../staff/staffMember';
import { linkByIdentity, type MyRecordDeps, type TeamsPerson } from './findMyRecord';
import { addressesOf, distinctAddresses, normaliseAddress, type TeamsIdentity } from './identityMatch';
import type { RememberedRecord, StaffLink } from './personalPorts';

/**
 * People the app was installed for (by themselves, or by an administrator for everyone) whom no list had yet.
 *
 * Why keep them: an administrator usually installs Gateway for the whole organisation once, often before the project
 * imports its staff list, and nobody has to write to the bot for the install to reach it. Without a note of who
 * installed, a person added to the list afterwards could be reminded only once they asked Gateway something. The
 * note holds only what matching needs (their Teams ids and the addresses the roster gave) and goes once they are
 * matched: the staff link takes its place.
 */
export interface InstalledPerson extends TeamsPerson {
  readonly identity: TeamsIdentity;
  readonly installedAt: string;
}

/** Kept by address in the tenant's partition, so a record finds its person with a point read per address. */
export interface InstalledPeople {
  keep(person: InstalledPerson): Promise<void>;
  byAddress(tenantId: string, address: string): Promise<InstalledPerson | undefined>;
  forget(person: InstalledPerson): Promise<void>;
}

export interface InstallLinkDeps {
  readonly records: Omit<MyRecordDeps, 'staff'>;
  readonly installed: InstalledPeople;
}

export type InstallLink =
  /** Matched to their record and linked; the edge remembers it in their turn state. */
  | { readonly kind: 'linked'; readonly remember: RememberedRecord }
  /** On no list (or on two equally): kept for a later import. */
  | { readonly kind: 'kept' }
  /** Teams' roster did not say who they are: nothing written, the next contact tries again. */
  | { readonly kind: 'no-identity' };

/**
 * The app was installed in someone's personal scope: match them as first contact does, and when no list has them
 * yet, keep a note so a later import's reminders can still find them.
 */
export async function linkOnInstall(deps: InstallLinkDeps, person: TeamsPerson, identity: () => Promise<TeamsIdentity | undefined>): Promise<InstallLink> {
  const said = await identity();
  const record = await linkByIdentity(deps.records, person, said);
  if (record.kind === 'no-identity' || said === undefined) return { kind: 'no-identity' };
  if (record.kind === 'found' && record.remember !== undefined) return { kind: 'linked', remember: record.remember };
  await deps.installed.keep({ ...person, identity: normalisedIdentity(said), installedAt: deps.records.clock.now().toISOString() });
  return { kind: 'kept' };
}

/**
 * For a job that needs to reach a record nobody has linked yet: the person the app was installed for under one of the
 * record's addresses, matched by the same rules as first contact (so a record they do not own is never theirs).
 * Undefined when nobody installed under those addresses, or the match picks another record.
 */
export async function linkInstalledMember(deps: InstallLinkDeps, tenantId: string, member: StaffMember): Promise<Pick<StaffLink, 'userId'> | undefined> {
  const addresses = distinctAddresses([member.nhsmailAddress, member.currentEmail]);
  const found = await Promise.all(addresses.map((address) => deps.installed.byAddress(tenantId, address)));
  const people = [...new Map(found.filter((p): p is InstalledPerson => p !== undefined && p.tenantId === tenantId).map((p) => [p.userId, p])).values()];
  for (const person of people) {
    const record = await linkByIdentity(deps.records, person, person.identity);
    if (record.kind !== 'found') continue;
    await deps.installed.forget(person);
    if (record.member.projectId === member.projectId && record.member.localId === member.localId) return { userId: person.userId };
  }
  return undefined;
}

function normalisedIdentity(identity: TeamsIdentity): TeamsIdentity {
  const userPrincipalName = normaliseAddress(identity.userPrincipalName);
  const email = normaliseAddress(identity.email);
  return { ...(userPrincipalName === undefined ? {} : { userPrincipalName }), ...(email === undefined ? {} : { email }) };
}

/** The addresses a kept install is found under. */
export function installedAddresses(person: InstalledPerson): readonly string[] {
  return addressesOf(person.identity);
}
