import { can } from '../../gateways/roles';
import type { Actor } from '../../projects/actor';
import { InvalidState } from '../../shared/errors';
import type { RolloutGroup } from '../rolloutGroup';
import { fullName, isLocalId, type StaffMember } from '../staffMember';
import { inRolloutOrder } from './groupRules';
import { loadGroup, loadRolloutFor } from './rolloutAccess';
import type { RolloutDeps } from './rolloutDeps';
import { everyoneMatching, moveOneTo, personNotFound } from './staffChanges';

/**
 * Co-existence (guide 4.2 and 5.2.3): people who share a mailbox or a calendar should move together, because once
 * migrated they cannot share calendars with colleagues still on the old service. So every shared mailbox whose
 * owner or delegates sit in different groups, or in none, is flagged, with the one move that puts them together.
 *
 * The suggested group is the one already holding most of them (fewest people moved); on a tie, the earliest, so
 * nobody waits longer than they would have. When none of them is in a group, there is no move to offer: they are
 * listed so the team can place them.
 */

export interface CoexistencePerson {
  readonly localId: string;
  readonly name: string;
  readonly role: 'mailbox' | 'owner' | 'delegate';
  readonly groupId?: string;
}

export interface CoexistenceWarning {
  readonly mailbox: StaffMember;
  readonly people: readonly CoexistencePerson[];
  /** Owner or delegate local IDs the list does not hold: they cannot be moved. */
  readonly notOnList: readonly string[];
  /** The group that would put them together, and who would move; absent when nobody is in a group. */
  readonly fix?: { readonly group: RolloutGroup; readonly moves: readonly CoexistencePerson[] };
}

/** The warning for one mailbox, or undefined when the mailbox and everyone using it are in one group. Pure. */
export function coexistenceOf(mailbox: StaffMember, people: ReadonlyMap<string, StaffMember>, groups: readonly RolloutGroup[]): CoexistenceWarning | undefined {
  const involved: CoexistencePerson[] = [entry(mailbox, 'mailbox')];
  const notOnList: string[] = [];
  const seen = new Set([mailbox.localId]);
  const named: [string | undefined, CoexistencePerson['role']][] = [[mailbox.ownerLocalId, 'owner'], ...mailbox.delegateLocalIds.map((id): [string, 'delegate'] => [id, 'delegate'])];
  for (const [localId, role] of named) {
    if (localId === undefined || seen.has(localId)) continue;
    seen.add(localId);
    const person = people.get(localId);
    if (person === undefined) notOnList.push(localId);
    else involved.push(entry(person, role));
  }
  if (involved.length < 2) return undefined;
  const groupIds = new Set(involved.map((p) => p.groupId));
  if (groupIds.size === 1 && !groupIds.has(undefined)) return undefined;

  const ordered = inRolloutOrder(groups);
  let best: RolloutGroup | undefined;
  let bestCount = 0;
  for (const group of ordered) {
    const count = involved.filter((p) => p.groupId === group.groupId).length;
    if (count > bestCount) {
      best = group;
      bestCount = count;
    }
  }
  const warning = { mailbox, people: involved, notOnList };
  if (best === undefined) return warning;
  const target = best;
  return { ...warning, fix: { group: target, moves: involved.filter((p) => p.groupId !== target.groupId) } };
}

function entry(member: StaffMember, role: CoexistencePerson['role']): CoexistencePerson {
  return { localId: member.localId, name: fullName(member), role, ...(member.groupId === undefined ? {} : { groupId: member.groupId }) };
}

export interface CoexistenceReport {
  readonly warnings: readonly CoexistenceWarning[];
  readonly mailboxesChecked: number;
  readonly groups: readonly RolloutGroup[];
  readonly canChange: boolean;
}

/** Every shared mailbox checked against its owner's and delegates' groups. */
export async function checkCoexistence(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown }): Promise<CoexistenceReport> {
  const { project, role } = await loadRolloutFor(deps, command.actor, command.projectId, 'read-rollout');
  const groups = await deps.groups.all(project.projectId);
  const mailboxes = await everyoneMatching(deps, project.projectId, { accountType: 'shared' });
  const cache = new Map<string, StaffMember | undefined>(mailboxes.map((m) => [m.localId, m]));
  const read = async (localId: string) => {
    if (!cache.has(localId)) cache.set(localId, isLocalId(localId) ? await deps.staff.get(project.projectId, localId) : undefined);
    return cache.get(localId);
  };
  const warnings: CoexistenceWarning[] = [];
  for (const mailbox of mailboxes) {
    const people = await peopleOf(mailbox, read);
    const warning = coexistenceOf(mailbox, people, groups);
    if (warning) warnings.push(warning);
  }
  return { warnings, mailboxesChecked: mailboxes.length, groups: inRolloutOrder(groups), canChange: can(role, 'change-rollout') };
}

async function peopleOf(mailbox: StaffMember, read: (localId: string) => Promise<StaffMember | undefined>): Promise<Map<string, StaffMember>> {
  const people = new Map<string, StaffMember>();
  for (const localId of [mailbox.ownerLocalId, ...mailbox.delegateLocalIds]) {
    if (localId === undefined) continue;
    const person = await read(localId);
    if (person) people.set(localId, person);
  }
  return people;
}

/**
 * One press: the mailbox, its owner and its delegates all into `groupId`, worked out again from the records as they
 * are now (so a card drawn before someone else's move applies what is true now). Returns how many moved.
 */
export async function fixCoexistence(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown; readonly mailboxId: unknown; readonly groupId: unknown }): Promise<{ readonly moved: number; readonly group: RolloutGroup }> {
  const { project } = await loadRolloutFor(deps, command.actor, command.projectId, 'change-rollout');
  const group = await loadGroup(deps, project.projectId, command.groupId);
  if (!isLocalId(command.mailboxId)) throw personNotFound(String(command.mailboxId));
  const mailbox = await deps.staff.get(project.projectId, command.mailboxId);
  if (mailbox === undefined) throw personNotFound(command.mailboxId);
  if (mailbox.accountType !== 'shared') throw new InvalidState('That is not a shared mailbox, so there is nothing to put together.');
  const people = await peopleOf(mailbox, (id) => (isLocalId(id) ? deps.staff.get(project.projectId, id) : Promise.resolve(undefined)));
  const everyone = [mailbox, ...people.values()];
  let moved = 0;
  for (const person of everyone) {
    if (person.groupId === group.groupId) continue;
    await moveOneTo(deps, project.projectId, command.actor, person.localId, group.groupId);
    moved += 1;
  }
  return { moved, group };
}
