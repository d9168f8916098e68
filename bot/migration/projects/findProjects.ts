import type { ProjectRole } from '../gateways/roles';
import { assertActor, findMember, roleOf, type Actor } from './actor';
import { summariseProject, type ProjectSummary } from './project';
import type { ProjectDeps } from './projectDeps';

export interface FoundProject {
  readonly project: ProjectSummary;
  readonly role: ProjectRole;
}

/**
 * The project of the team a message came from, if any. Anyone in the team's
 * tenant may see it exists: the team itself is the boundary.
 */
export async function findTeamProject(
  deps: Pick<ProjectDeps, 'projects'>,
  query: { readonly actor: Actor; readonly teamId: string },
): Promise<FoundProject | undefined> {
  assertActor(query.actor);
  const project = await deps.projects.findByTeam(query.actor.tenantId, query.teamId);
  return project && project.tenantId === query.actor.tenantId ? { project: summariseProject(project), role: roleOf(project, query.actor) } : undefined;
}

/**
 * Projects the person is a member of, for a personal chat, where there is no
 * team to say which project is meant. Several means the route should ask.
 */
export async function findMyProjects(deps: Pick<ProjectDeps, 'projects'>, query: { readonly actor: Actor }): Promise<readonly FoundProject[]> {
  assertActor(query.actor);
  const projects = await deps.projects.findByMember(query.actor.tenantId, query.actor.userId);
  // The lookup is an index that can lag behind a role change; the project record has the last word.
  return projects
    .filter((project) => project.tenantId === query.actor.tenantId && findMember(project, query.actor) !== undefined)
    .map((project) => ({ project: summariseProject(project), role: roleOf(project, query.actor) }))
    .sort((a, b) => a.project.organisationName.localeCompare(b.project.organisationName));
}
