import { personOf, type Actor } from '../../projects/actor';
import { retryOnConflict } from '../../projects/conflictRetry';
import { NotFound, StaleEdit, ValidationFailed } from '../../shared/errors';
import type { StaffFilter } from '../staffRepository';
import { isLocalId, MIGRATION_STATUSES, type MigrationStatus, type StaffHistoryEntry, type StaffMember } from '../staffMember';
import { loadGroup, loadRolloutFor } from './rolloutAccess';
import type { RolloutDeps } from './rolloutDeps';

/**
 * Moving people between groups and setting their status: one record per person, each saved with its history entry
 * in one write (StaffRepository.tryUpdate), so a person's record never says one thing and their history another.
 *
 * Why per person rather than one bulk write: an LA setting one person while the PM moves their department both
 * land, each on the record as it is. A whole department or group is walked a page at a time, a few people in
 * flight at once.
 */

/** How many records are saved at once when a department or group is changed together. */
const IN_FLIGHT = 8;
const PAGE = 200;
/** A pasted list of local IDs is capped so one press cannot run past the turn's time. */
export const MAX_LISTED_IDS = 1_000;

export interface BulkOutcome {
  /** Records changed. */
  readonly changed: number;
  /** Already as asked: nothing written. */
  readonly unchanged: number;
  /** Local IDs asked for that are not on the list (only for a pasted list). */
  readonly notFound: readonly string[];
}

type Decide = (member: StaffMember) => { readonly member: StaffMember; readonly entry: StaffHistoryEntry } | undefined;

async function applyTo(deps: RolloutDeps, projectId: string, localIds: readonly string[], decide: Decide): Promise<BulkOutcome> {
  let changed = 0;
  let unchanged = 0;
  const notFound: string[] = [];
  for (let i = 0; i < localIds.length; i += IN_FLIGHT) {
    await Promise.all(
      localIds.slice(i, i + IN_FLIGHT).map(async (localId) => {
        let wrote = false;
        try {
          await retryOnConflict(
            () =>
              deps.staff.tryUpdate(projectId, localId, (current) => {
                const decided = decide(current);
                wrote = decided !== undefined;
                return decided === undefined ? undefined : { member: decided.member, history: [decided.entry] };
              }),
            deps.backoff,
          );
        } catch (err) {
          if (err instanceof NotFound) {
            notFound.push(localId);
            return;
          }
          throw err;
        }
        if (wrote) changed += 1;
        else unchanged += 1;
      }),
    );
  }
  return { changed, unchanged, notFound };
}

/** Everyone matching `filter`, read a page at a time. */
export async function everyoneMatching(deps: RolloutDeps, projectId: string, filter: StaffFilter): Promise<StaffMember[]> {
  const members: StaffMember[] = [];
  let after: string | undefined;
  do {
    const page = await deps.staff.list(projectId, { filter, limit: PAGE, ...(after === undefined ? {} : { after }) });
    members.push(...page.members);
    after = page.next;
  } while (after !== undefined);
  return members;
}

const idsOf = (members: readonly StaffMember[]): string[] => members.map((m) => m.localId);

function moveTo(actor: Actor, at: string, groupId: string | undefined, how: StaffHistoryEntry['how']): Decide {
  return (member) => {
    if (member.groupId === groupId) return undefined;
    const { groupId: from, ...rest } = member;
    return {
      member: { ...rest, ...(groupId === undefined ? {} : { groupId }), updatedAt: at, version: member.version + 1 },
      entry: { at, by: personOf(actor), field: 'group', ...(from === undefined ? {} : { from }), ...(groupId === undefined ? {} : { to: groupId }), how },
    };
  };
}

function statusTo(actor: Actor, at: string, status: MigrationStatus, how: StaffHistoryEntry['how']): Decide {
  return (member) => {
    if (member.status === status) return undefined;
    return {
      member: { ...member, status, updatedAt: at, version: member.version + 1 },
      entry: { at, by: personOf(actor), field: 'status', from: member.status, to: status, how },
    };
  };
}

/** Everyone whose department (work area) is `department` goes to the group. */
export async function assignDepartment(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown; readonly department: string; readonly groupId: unknown }): Promise<BulkOutcome> {
  const { project } = await loadRolloutFor(deps, command.actor, command.projectId, 'change-rollout');
  const group = await loadGroup(deps, project.projectId, command.groupId);
  const department = command.department.trim();
  if (department === '') throw new ValidationFailed([{ field: 'department', message: 'Please give the department or work area, as it is written in the staff list.' }]);
  const ids = idsOf(await everyoneMatching(deps, project.projectId, { department }));
  return applyTo(deps, project.projectId, ids, moveTo(command.actor, deps.clock.now().toISOString(), group.groupId, 'group'));
}

/** Splits a pasted list of local IDs (commas, spaces, semicolons or new lines between them). */
export function parseLocalIds(text: string): { readonly ids: readonly string[]; readonly bad: readonly string[] } {
  const words = text.split(/[\s,;]+/).filter((w) => w !== '');
  const ids = [...new Set(words.filter(isLocalId))];
  const bad = words.filter((w) => !isLocalId(w));
  return { ids, bad };
}

/** The people named by local ID go to the group; IDs not on the list are named back. */
export async function assignListed(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown; readonly localIds: string; readonly groupId: unknown }): Promise<BulkOutcome> {
  const { project } = await loadRolloutFor(deps, command.actor, command.projectId, 'change-rollout');
  const group = await loadGroup(deps, project.projectId, command.groupId);
  const { ids, bad } = parseLocalIds(command.localIds);
  const problems = [];
  if (ids.length === 0 && bad.length === 0) problems.push({ field: 'localIds', message: 'Please give at least one local ID.' });
  if (bad.length > 0) problems.push({ field: 'localIds', message: `${bad.length === 1 ? 'This is not a local ID' : 'These are not local IDs'}: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ' …' : ''}. Nobody was moved.` });
  if (ids.length > MAX_LISTED_IDS) problems.push({ field: 'localIds', message: `Please give up to ${MAX_LISTED_IDS} local IDs at a time, or move a whole department.` });
  if (problems.length > 0) throw new ValidationFailed(problems);
  return applyTo(deps, project.projectId, ids, moveTo(command.actor, deps.clock.now().toISOString(), group.groupId, 'group'));
}

/**
 * One person to a group ('' takes them out of every group), from their card or a co-existence fix. With
 * `expectedVersion`, refused if their record changed since the card was drawn.
 */
export async function movePerson(
  deps: RolloutDeps,
  command: { readonly actor: Actor; readonly projectId: unknown; readonly localId: unknown; readonly groupId: unknown; readonly expectedVersion?: number },
): Promise<StaffMember> {
  const { project } = await loadRolloutFor(deps, command.actor, command.projectId, 'change-rollout');
  const groupId = command.groupId === '' ? undefined : (await loadGroup(deps, project.projectId, command.groupId)).groupId;
  return moveOneTo(deps, project.projectId, command.actor, command.localId, groupId, command.expectedVersion);
}

/** {@link movePerson}'s write, for a caller that has already loaded the project and the group (and checked the role). */
export function moveOneTo(deps: RolloutDeps, projectId: string, actor: Actor, localId: unknown, groupId: string | undefined, expectedVersion?: number): Promise<StaffMember> {
  return updateOne(deps, projectId, localId, expectedVersion, moveTo(actor, deps.clock.now().toISOString(), groupId, 'one'));
}

export function isMigrationStatus(value: unknown): value is MigrationStatus {
  return typeof value === 'string' && (MIGRATION_STATUSES as readonly string[]).includes(value);
}

function checkStatus(status: unknown): asserts status is MigrationStatus {
  if (!isMigrationStatus(status)) throw new ValidationFailed([{ field: 'status', message: 'Please choose one of the statuses on the card.' }]);
}

/** One person's status, by an LA or the PM, kept in their history. */
export async function setPersonStatus(
  deps: RolloutDeps,
  command: { readonly actor: Actor; readonly projectId: unknown; readonly localId: unknown; readonly status: unknown; readonly expectedVersion?: number },
): Promise<StaffMember> {
  const { project } = await loadRolloutFor(deps, command.actor, command.projectId, 'set-staff-status');
  checkStatus(command.status);
  return updateOne(deps, project.projectId, command.localId, command.expectedVersion, statusTo(command.actor, deps.clock.now().toISOString(), command.status, 'one'));
}

/**
 * Everyone in a group to one status at once ("phase 1's accounts are created"). People who already hold an
 * NHSmail account (`not-needed`) keep that status: they are never given an account.
 */
export async function setGroupStatus(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown; readonly groupId: unknown; readonly status: unknown }): Promise<BulkOutcome> {
  const { project } = await loadRolloutFor(deps, command.actor, command.projectId, 'set-staff-status');
  checkStatus(command.status);
  const group = await loadGroup(deps, project.projectId, command.groupId);
  const ids = idsOf(await everyoneMatching(deps, project.projectId, { groupId: group.groupId }));
  const to = statusTo(command.actor, deps.clock.now().toISOString(), command.status, 'group');
  return applyTo(deps, project.projectId, ids, (member) => (member.status === 'not-needed' && command.status !== 'not-needed' ? undefined : to(member)));
}

async function updateOne(deps: RolloutDeps, projectId: string, localId: unknown, expectedVersion: number | undefined, decide: Decide): Promise<StaffMember> {
  if (!isLocalId(localId)) throw personNotFound(String(localId));
  try {
    return await retryOnConflict(
      () =>
        deps.staff.tryUpdate(projectId, localId, (current) => {
          if (expectedVersion !== undefined && current.version !== expectedVersion) throw new StaleEdit(expectedVersion, current.version);
          const decided = decide(current);
          return decided === undefined ? undefined : { member: decided.member, history: [decided.entry] };
        }),
      deps.backoff,
    );
  } catch (err) {
    if (err instanceof NotFound) throw personNotFound(localId);
    throw err;
  }
}

export function personNotFound(localId: string): NotFound {
  return new NotFound('person on the staff list', localId, 'They may have been removed from the list. Open the group again.');
}

