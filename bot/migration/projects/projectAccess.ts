import type { ProjectRole } from '../gateways/roles';
import { NotFound } from '../shared/errors';
import { assertActor, findMember, type Actor } from './actor';
import { isProjectId, type Project } from './project';
import type { ProjectDeps } from './projectDeps';

export interface ProjectAccess {
  readonly project: Project;
  readonly role: ProjectRole;
}

/**
 * Loads a project for someone and works out their role. Reading a project needs a place in it:
 *
 * - a role on the project (its stored members), or
 * - membership of the project's Teams team, as the roster says now (then they read as staff and change nothing).
 *
 * Everyone else, in this tenant or another, gets the same "couldn't find" as for a project that does not exist:
 * every card carries its project's id, so an id from a forwarded or edited card must not open another team's plan,
 * nor even tell that it exists. (People being migrated will later read through their own staff record, and then
 * only that record.)
 */
export async function loadProjectFor(deps: Pick<ProjectDeps, 'projects'>, actor: Actor, projectId: unknown): Promise<ProjectAccess> {
  assertActor(actor);
  if (!isProjectId(projectId)) throw projectNotFound(String(projectId));
  const project = await deps.projects.get(projectId);
  if (!project || project.tenantId !== actor.tenantId) throw projectNotFound(projectId);
  const role = await placeIn(project, actor);
  if (role === undefined) throw projectNotFound(projectId);
  return { project, role };
}

/** The person's role in the project, or undefined when they have no place in it. */
export async function placeIn(project: Project, actor: Actor): Promise<ProjectRole | undefined> {
  const member = findMember(project, actor);
  if (member !== undefined) return member.role;
  if (project.teamId !== undefined && actor.teams !== undefined && (await actor.teams.isMember(project.teamId))) return 'staff';
  return undefined;
}

export function projectNotFound(projectId: string): NotFound {
  return new NotFound('migration project', projectId, 'It may have been set up in another team. Ask your project manager.');
}
