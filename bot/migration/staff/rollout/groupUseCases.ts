import { can } from '../../gateways/roles';
import type { Actor } from '../../projects/actor';
import { ConcurrentModification, retryOnConflict } from '../../projects/conflictRetry';
import { InvalidState, NotFound, StaleEdit, ValidationFailed, type FieldError } from '../../shared/errors';
import type { RolloutGroup } from '../rolloutGroup';
import type { StaffMember } from '../staffMember';
import { checkCutover, checkName, defaultGroupName, findGroup, groupIdFor, inRolloutOrder, nextGroupSlot } from './groupRules';
import { assertGroupCurrent, loadGroup, loadRolloutFor } from './rolloutAccess';
import type { RolloutDeps } from './rolloutDeps';

/** A group with how many people are in it, for the `groups` card. */
export interface GroupSummary {
  readonly group: RolloutGroup;
  readonly size: number;
}

export interface GroupsOverview {
  readonly groups: readonly GroupSummary[];
  /** People (and mailboxes) in no group yet. */
  readonly ungrouped: number;
  readonly canChange: boolean;
}

/** The groups in roll-out order with their sizes: one count query per group, never the members themselves. */
export async function listGroups(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown }): Promise<GroupsOverview> {
  const { project, role } = await loadRolloutFor(deps, command.actor, command.projectId, 'read-rollout');
  const groups = inRolloutOrder(await deps.groups.all(project.projectId));
  const sizes = await Promise.all(groups.map((group) => deps.staff.count(project.projectId, { groupId: group.groupId })));
  const ungrouped = await deps.staff.count(project.projectId, { ungrouped: true });
  return {
    groups: groups.map((group, i) => ({ group, size: sizes[i] ?? 0 })),
    ungrouped,
    canChange: can(role, 'change-rollout'),
  };
}

export interface GroupPage {
  readonly group: RolloutGroup;
  /** Every group in roll-out order, for the card's "move to" choices. */
  readonly groups: readonly RolloutGroup[];
  readonly size: number;
  readonly members: readonly StaffMember[];
  readonly next?: string;
  readonly canChange: boolean;
  readonly canSetStatus: boolean;
}

export const GROUP_PAGE_SIZE = 20;

/** One group and a page of its people, by last name. */
export async function getGroupPage(
  deps: RolloutDeps,
  command: { readonly actor: Actor; readonly projectId: unknown; readonly groupId: unknown; readonly after?: string; readonly limit?: number },
): Promise<GroupPage> {
  const { project, role } = await loadRolloutFor(deps, command.actor, command.projectId, 'read-rollout');
  const group = await loadGroup(deps, project.projectId, command.groupId);
  const [page, size, groups] = await Promise.all([
    deps.staff.list(project.projectId, { filter: { groupId: group.groupId }, limit: command.limit ?? GROUP_PAGE_SIZE, ...(command.after ? { after: command.after } : {}) }),
    deps.staff.count(project.projectId, { groupId: group.groupId }),
    deps.groups.all(project.projectId),
  ]);
  return {
    group,
    groups: inRolloutOrder(groups),
    size,
    members: page.members,
    ...(page.next === undefined ? {} : { next: page.next }),
    canChange: can(role, 'change-rollout'),
    canSetStatus: can(role, 'set-staff-status'),
  };
}

export interface CreateGroupCommand {
  readonly actor: Actor;
  readonly projectId: unknown;
  readonly kind: RolloutGroup['kind'];
  /** Defaults to "Pilot" or "Phase n". */
  readonly name?: string;
  readonly cutoverDate?: string;
}

/** Makes the pilot or the next phase, checking its name and date against the others. */
export async function createGroup(deps: RolloutDeps, command: CreateGroupCommand): Promise<RolloutGroup> {
  const { project, today } = await loadRolloutFor(deps, command.actor, command.projectId, 'change-rollout');
  return retryOnConflict(async () => {
    const groups = await deps.groups.all(project.projectId);
    const slot = nextGroupSlot(groups, command.kind);
    if ('field' in slot) throw new ValidationFailed([slot]);
    const groupId = groupIdFor(command.kind, slot.order);
    const name = (command.name ?? '').trim() === '' ? defaultGroupName(command.kind, slot.order) : (command.name ?? '').trim().replace(/\s+/g, ' ');
    const date = (command.cutoverDate ?? '').trim();
    const problems: FieldError[] = [];
    const nameProblem = checkName(name, groups);
    if (nameProblem) problems.push(nameProblem);
    const dateProblem = date === '' ? undefined : checkCutover(date, { groupId, kind: command.kind, order: slot.order }, groups, today);
    if (dateProblem) problems.push(dateProblem);
    if (problems.length > 0) throw new ValidationFailed(problems);
    const group: RolloutGroup = {
      projectId: project.projectId,
      groupId,
      name,
      kind: command.kind,
      order: slot.order,
      ...(date === '' ? {} : { cutoverDate: date }),
      updatedAt: deps.clock.now().toISOString(),
      version: 1,
    };
    // Someone made the same group at the same moment: read again and take the next number.
    if ((await deps.groups.create(group)) === 'exists') throw new ConcurrentModification('roll-out groups');
    return group;
  }, deps.backoff);
}

export interface ChangeGroupCommand {
  readonly actor: Actor;
  readonly projectId: unknown;
  readonly groupId: unknown;
  readonly expectedVersion: unknown;
  readonly name?: string;
  /** '' clears the date (the group is not scheduled yet). */
  readonly cutoverDate?: string;
}

/** Renames a group, or moves its cutover date, from a card showing its current version. */
export async function changeGroup(deps: RolloutDeps, command: ChangeGroupCommand): Promise<{ readonly group: RolloutGroup; readonly changed: boolean }> {
  const { project, today } = await loadRolloutFor(deps, command.actor, command.projectId, 'change-rollout');
  const current = await loadGroup(deps, project.projectId, command.groupId);
  assertGroupCurrent(current, command.expectedVersion);
  const groups = await deps.groups.all(project.projectId);
  const problems: FieldError[] = [];
  const name = command.name === undefined ? current.name : command.name.trim().replace(/\s+/g, ' ');
  if (name !== current.name) {
    const problem = checkName(name, groups, current.groupId);
    if (problem) problems.push(problem);
  }
  const date = command.cutoverDate === undefined ? current.cutoverDate : command.cutoverDate.trim() === '' ? undefined : command.cutoverDate.trim();
  if (date !== undefined && date !== current.cutoverDate) {
    const problem = checkCutover(date, current, groups, today);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new ValidationFailed(problems);
  if (name === current.name && date === current.cutoverDate) return { group: current, changed: false };
  const { cutoverDate: _old, ...rest } = current;
  const next: RolloutGroup = { ...rest, name, ...(date === undefined ? {} : { cutoverDate: date }), updatedAt: deps.clock.now().toISOString(), version: current.version + 1 };
  try {
    return { group: await deps.groups.replace(next, current.version), changed: true };
  } catch (err) {
    // Someone changed it between our read and our write: as for an out-of-date card, nothing is saved.
    if (err instanceof ConcurrentModification) throw new StaleEdit(current.version, current.version + 1);
    throw err;
  }
}

/** Removes a group nobody is in (move its people first): a group with people would leave them unscheduled. */
export async function removeGroup(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown; readonly groupId: unknown; readonly expectedVersion: unknown }): Promise<RolloutGroup> {
  const { project } = await loadRolloutFor(deps, command.actor, command.projectId, 'change-rollout');
  const group = await loadGroup(deps, project.projectId, command.groupId);
  assertGroupCurrent(group, command.expectedVersion);
  const size = await deps.staff.count(project.projectId, { groupId: group.groupId });
  if (size > 0) {
    throw new InvalidState(`${group.name} still has ${size} ${size === 1 ? 'person' : 'people'} in it, so it was not removed.`, 'Move them to another group first.');
  }
  await deps.groups.remove(project.projectId, group.groupId);
  return group;
}

/**
 * The group someone typed (`group phase 2`, `group pilot`), checked they may see the roll-out first; a name that
 * matches none is told the names there are.
 */
export async function findGroupByName(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown; readonly typed: string }): Promise<RolloutGroup> {
  const { project } = await loadRolloutFor(deps, command.actor, command.projectId, 'read-rollout');
  const groups = inRolloutOrder(await deps.groups.all(project.projectId));
  const found = findGroup(groups, command.typed);
  if (found) return found;
  const names = groups.map((g) => g.name);
  throw new NotFound(
    'roll-out group',
    command.typed,
    names.length === 0 ? 'The project has no roll-out groups yet: type groups to add the pilot.' : `The groups are: ${names.join(', ')}. Type groups to see them all.`,
  );
}
