import { getStage } from '../gateways/catalogue';
import type { GatewayCatalogue, StageNumber } from '../gateways/catalogueTypes';
import { isPassed, type GatewayDecision, type GatewayState, type ItemState, type Milestone } from '../gateways/gatewayState';
import { daysToCutover, gatewayProgress, overdueItems, type GatewayProgress, type OverdueItem } from '../gateways/progress';
import { signOffBlockers, type SignOffBlocker } from '../gateways/readiness';
import { assertCan, type ProjectRole } from '../gateways/roles';
import { todayInLondon, type IsoDate } from '../shared/ukDates';
import type { Actor } from './actor';
import { allGateways } from './gatewayRecord';
import { summariseProject, type ProjectSummary } from './project';
import { loadProjectFor } from './projectAccess';
import type { ProjectDeps } from './projectDeps';

export interface GatewayStatus {
  readonly stage: StageNumber;
  readonly title: string;
  readonly progress: GatewayProgress;
  readonly passed: boolean;
  /** The latest go / no-go; absent while undecided or since reopened. */
  readonly decision?: GatewayDecision;
  /** How many things stop a go right now (0: ready to sign off, unless already passed). */
  readonly blockerCount: number;
  /** What they are, so a card can say "4 required items open, gateway 3 not passed" rather than a bare count. */
  readonly blockers: readonly SignOffBlocker[];
}

export interface ProjectStatus {
  readonly project: ProjectSummary;
  readonly viewerRole: ProjectRole;
  /** Today in London, which every day count below is measured from. */
  readonly today: IsoDate;
  /** 0 on the day, negative once it has passed. */
  readonly daysToCutover: number;
  readonly gateways: readonly GatewayStatus[];
  /** Most overdue first, with their owners. */
  readonly overdue: readonly OverdueItem[];
  /** Milestones dated today or later, soonest first. */
  readonly upcomingMilestones: readonly Milestone[];
}

/**
 * The project at a glance. Costs two reads whatever the size of the project:
 * the project record and one query for its gateways.
 */
export async function getStatus(deps: ProjectDeps, query: { readonly actor: Actor; readonly projectId: string }): Promise<ProjectStatus> {
  const { project, role } = await loadProjectFor(deps, query.actor, query.projectId);
  assertCan(role, 'read');
  const gateways = allGateways(project.projectId, await deps.gateways.list(project.projectId));
  const today = todayInLondon(deps.clock.now());

  const items = gateways.flatMap((g) => g.items);
  const states = gateways.map((g) => g.state);
  return {
    project: summariseProject(project),
    viewerRole: role,
    today,
    daysToCutover: daysToCutover(today, project.plannedCutover),
    gateways: gateways.map((g) => gatewayStatusOf(deps.catalogue, g.state, g.items, states)),
    overdue: overdueItems(deps.catalogue, items, today),
    upcomingMilestones: project.milestones.filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** One gateway's line on the status view, from its state, its items and every gateway's state (for the order rule). */
export function gatewayStatusOf(catalogue: GatewayCatalogue, state: GatewayState, items: readonly ItemState[], states: readonly GatewayState[]): GatewayStatus {
  const blockers = signOffBlockers(catalogue, state.stage, items, states);
  return {
    stage: state.stage,
    title: getStage(catalogue, state.stage).title,
    progress: gatewayProgress(catalogue, state.stage, items),
    passed: isPassed(state),
    ...(state.decision ? { decision: state.decision } : {}),
    blockerCount: blockers.length,
    blockers,
  };
}
