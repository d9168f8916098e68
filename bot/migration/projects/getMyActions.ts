import { myActions, type MyAction } from '../gateways/progress';
import { assertCan } from '../gateways/roles';
import { todayInLondon, type IsoDate } from '../shared/ukDates';
import { findMember, type Actor } from './actor';
import { allGateways } from './gatewayRecord';
import { summariseProject, type ProjectSummary } from './project';
import { loadProjectFor } from './projectAccess';
import type { ProjectDeps } from './projectDeps';

export interface MyActions {
  readonly project: ProjectSummary;
  readonly today: IsoDate;
  /** Open items the person owns: dated ones soonest first (overdue at the top), then undated ones. */
  readonly actions: readonly MyAction[];
}

/** What the person asking has to do on this project. Two reads, like the status. */
export async function getMyActions(deps: ProjectDeps, query: { readonly actor: Actor; readonly projectId: string }): Promise<MyActions> {
  const { project, role } = await loadProjectFor(deps, query.actor, query.projectId);
  assertCan(role, 'read');
  const gateways = allGateways(project.projectId, await deps.gateways.list(project.projectId));
  const today = todayInLondon(deps.clock.now());
  // Items are owned by the member's stored user id, which may differ from the one this activity carries.
  const ownerId = findMember(project, query.actor)?.userId ?? query.actor.userId;
  return {
    project: summariseProject(project),
    today,
    actions: myActions(deps.catalogue, gateways.flatMap((g) => g.items), ownerId, today),
  };
}
