import { assertCan } from '../gateways/roles';
import { InvalidState } from '../shared/errors';
import type { Actor } from './actor';
import { loadProjectFor } from './projectAccess';
import type { ProjectRepository } from './projectRepository';

/**
 * Erases every record of one project: its own partition (the project, gateways, questionnaire, risks, staff, groups,
 * imports, links, claims, questions) and the lookups that point to it from the tenant's partition (the team link,
 * member links, staff people's links). The storage decides how; the domain only asks it once the PM confirmed.
 */
export interface ProjectEraser {
  /** How many documents were deleted. Safe to call again after a crash: what is gone stays gone. */
  erase(tenantId: string, projectId: string): Promise<number>;
}

export interface DeleteProjectDeps {
  readonly projects: ProjectRepository;
  readonly eraser: ProjectEraser;
}

/** What the confirmation card names, so the PM sees which project goes. */
export async function projectToDelete(deps: Pick<DeleteProjectDeps, 'projects'>, input: { readonly actor: Actor; readonly projectId: unknown }) {
  const access = await loadProjectFor(deps, input.actor, input.projectId);
  assertCan(access.role, 'delete-project');
  return access.project;
}

/**
 * Deletes the project once the PM confirmed on a card naming it. The card carries the ODS code it named: a card
 * confirmed after the project's details changed that way is refused, so nobody deletes something other than what
 * they read.
 */
export async function deleteProject(deps: DeleteProjectDeps, input: { readonly actor: Actor; readonly projectId: unknown; readonly odsCode: string }): Promise<{ readonly name: string; readonly documents: number }> {
  const project = await projectToDelete(deps, input);
  if (project.odsCode !== input.odsCode) throw new InvalidState('The project has changed since that card was shown, so nothing was deleted. Type delete project again.');
  const documents = await deps.eraser.erase(project.tenantId, project.projectId);
  return { name: `${project.organisationName} (${project.odsCode})`, documents };
}
