import { assertCan, isProjectRole, type ProjectRole } from '../gateways/roles';
import { ValidationFailed } from '../shared/errors';
import { findMember, personOf, type Actor } from './actor';
import { retryOnConflict } from './conflictRetry';
import { MAX_PROJECT_MEMBERS, projectManagerCount, type Project, type ProjectMember } from './project';
import { loadProjectFor } from './projectAccess';
import type { ProjectDeps } from './projectDeps';
import { LastProjectManager, ProjectMembersFull } from './projectErrors';

export const MEMBER_NAME_MAX_LENGTH = 200;

export interface AssignRoleCommand {
  readonly actor: Actor;
  readonly projectId: string;
  /** Who gets the role, as the Teams roster gave them. */
  readonly member: { readonly userId: string; readonly aadObjectId?: string; readonly name: string };
  /** The new role, or null to take the person off the project. */
  readonly role: ProjectRole | null;
}

/**
 * Gives someone a role in the project, changes it, or removes them. Only the
 * project manager may; the last project manager cannot be demoted or removed,
 * and a project full at MAX_PROJECT_MEMBERS takes nobody new.
 * Returns the project as saved.
 */
export async function assignRole(deps: ProjectDeps, command: AssignRoleCommand): Promise<Project> {
  const userId = command.member.userId.trim();
  const name = command.member.name.trim();
  const { role } = command;
  const errors = [
    ...(userId === '' ? [{ field: 'member', message: 'Please choose a person.' }] : []),
    ...(name === '' || name.length > MEMBER_NAME_MAX_LENGTH ? [{ field: 'member', message: "Please give the person's name." }] : []),
    ...(role !== null && !isProjectRole(role) ? [{ field: 'role', message: 'Please choose one of the project roles.' }] : []),
  ];
  if (errors.length > 0) throw new ValidationFailed(errors);

  const access = await loadProjectFor(deps, command.actor, command.projectId);
  assertCan(access.role, 'assign-role');
  const at = deps.clock.now().toISOString();
  const by = personOf(command.actor);
  const who = { userId, ...(command.member.aadObjectId !== undefined ? { aadObjectId: command.member.aadObjectId } : {}) };

  return retryOnConflict(() =>
    deps.projects.tryUpdate(access.project.projectId, (current) => {
      // The actor's own role is checked again on the latest record: they may have lost it meanwhile.
      assertCan(findMember(current, command.actor)?.role ?? 'staff', 'assign-role');
      const existing = findMember(current, who);
      const before = existing?.role ?? null;
      if (before === role) return undefined;
      // Checked on the latest record, so people added at the same moment cannot together pass the bound.
      // Changing or removing someone already there is always allowed.
      if (existing === undefined && current.members.length >= MAX_PROJECT_MEMBERS) throw new ProjectMembersFull(MAX_PROJECT_MEMBERS);

      // An existing member keeps their user id: item owners refer to it.
      const memberId = existing?.userId ?? userId;
      const aadObjectId = existing?.aadObjectId ?? who.aadObjectId;
      const others = current.members.filter((m) => m !== existing);
      const members: ProjectMember[] =
        role === null ? others : [...others, { userId: memberId, ...(aadObjectId !== undefined ? { aadObjectId } : {}), name, role }];
      if (projectManagerCount(members) === 0) throw new LastProjectManager();
      return {
        project: { ...current, members: keepOrder(current.members, members) },
        audit: [{ kind: 'role-changed', at, by, member: { id: memberId, name }, before, after: role }],
      };
    }),
    deps.conflictBackoff,
  );
}

/** Members stay in the order they joined, so cards listing them don't shuffle. */
function keepOrder(before: readonly ProjectMember[], after: readonly ProjectMember[]): ProjectMember[] {
  const position = (m: ProjectMember): number => {
    const index = before.findIndex((b) => b.userId === m.userId);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...after].sort((a, b) => position(a) - position(b));
}
