import type { ProjectRole } from '../gateways/roles';
import { NotFound } from '../shared/errors';
import { assertActor, roleOf, type Actor } from './actor';
import { isProjectId, type Project } from './project';
import type { ProjectDeps } from './projectDeps';

export interface ProjectAccess {
  readonly project: Project;
  readonly role: ProjectRole;
}

/**
 * Loads a project for someone and works out their role. A project of another
 * tenant answers exactly like a missing one: a tampered card must not learn
 * that it exists.
 */
export async function loadProjectFor(deps: Pick<ProjectDeps, 'projects'>, actor: Actor, projectId: unknown): Promise<ProjectAccess> {
  assertActor(actor);
  if (!isProjectId(projectId)) throw projectNotFound(String(projectId));
  const project = await deps.projects.get(projectId);
  if (!project || project.tenantId !== actor.tenantId) throw projectNotFound(projectId);
  return { project, role: roleOf(project, actor) };
}

export function projectNotFound(projectId: string): NotFound {
  return new NotFound('migration project', projectId, 'It may have been set up in another team. Ask your project manager.');
}
