import type { Actor } from '../projects/actor';
import { findMember } from '../projects/actor';
import type { Project } from '../projects/project';
import type { ProjectRepository } from '../projects/projectRepository';

/**
 * Which project a member of staff belongs to, from the staff list: staff are not project members, so only the list
 * knows. The staff answers fill it; without it, only project members and people asking in a project's team are
 * placed. Answers a project id, or undefined when the person is not on any list.
 */
export type ProjectOfPerson = (actor: Actor) => Promise<string | undefined>;

export interface AskerProjectDeps {
  readonly projects: Pick<ProjectRepository, 'findByTeam' | 'findByMember' | 'get'>;
  readonly projectOfPerson?: ProjectOfPerson;
}

export type AskerProject = { readonly kind: 'found'; readonly project: Project } | { readonly kind: 'several'; readonly projects: readonly Project[] } | { readonly kind: 'none' };

/**
 * The project a question is about: the team's own, when asked in a project's team; the person's project when they are
 * a member of exactly one; otherwise the one the staff list places them in.
 */
export async function projectOfAsker(deps: AskerProjectDeps, actor: Actor, teamId: string | undefined): Promise<AskerProject> {
  if (teamId !== undefined) {
    const project = await deps.projects.findByTeam(actor.tenantId, teamId);
    if (project && project.tenantId === actor.tenantId) return { kind: 'found', project };
  }
  const mine = (await deps.projects.findByMember(actor.tenantId, actor.userId)).filter((p) => p.tenantId === actor.tenantId && findMember(p, actor) !== undefined);
  const [only] = mine;
  if (only !== undefined) return mine.length === 1 ? { kind: 'found', project: only } : { kind: 'several', projects: mine };
  const projectId = await deps.projectOfPerson?.(actor);
  if (projectId === undefined) return { kind: 'none' };
  const project = await deps.projects.get(projectId);
  return project && project.tenantId === actor.tenantId ? { kind: 'found', project } : { kind: 'none' };
}
