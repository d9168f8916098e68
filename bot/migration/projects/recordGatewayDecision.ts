import type { GatewayOutcome, GatewayState } from '../gateways/gatewayState';
import { assertCan } from '../gateways/roles';
import * as signOff from '../gateways/signOff';
import { personOf, type Actor } from './actor';
import { retryOnConflict } from './conflictRetry';
import { allGateways } from './gatewayRecord';
import { loadProjectFor } from './projectAccess';
import type { ProjectDeps } from './projectDeps';
import { parseStage } from './stageInput';

export interface RecordGatewayDecisionCommand {
  readonly actor: Actor;
  readonly projectId: string;
  readonly stage: number;
  readonly outcome: GatewayOutcome;
  /** Required for a no-go: what needs to change. */
  readonly comment?: string;
}

/**
 * Records a go or no-go on a gateway, with its audit entry in the same save.
 * A go is judged against the gateway's items as saved: if someone changes an
 * item meanwhile, the two saves collide and the go is judged again.
 * Throws PermissionDenied, ValidationFailed, InvalidState or SignOffBlocked.
 */
export async function recordGatewayDecision(deps: ProjectDeps, command: RecordGatewayDecisionCommand): Promise<GatewayState> {
  const stage = parseStage(command.stage);
  const { project, role } = await loadProjectFor(deps, command.actor, command.projectId);
  assertCan(role, 'sign-off-gateway');
  // Earlier gateways are read once: a later change to them is equivalent to it happening just after this decision.
  const gateways = allGateways(project.projectId, await deps.gateways.list(project.projectId));
  const by = personOf(command.actor);
  const at = deps.clock.now().toISOString();

  const saved = await retryOnConflict(() =>
    deps.gateways.tryUpdate(project.projectId, stage, (current) => {
      const others = gateways.filter((g) => g.stage !== stage).map((g) => g.state);
      const state = signOff.recordGatewayDecision(
        deps.catalogue,
        { items: current.items, gateways: [...others, current.state] },
        { stage, outcome: command.outcome, comment: command.comment, by, role, at },
      );
      return {
        record: { ...current, state },
        audit: [{ kind: 'gateway-decided', at, by, stage, outcome: command.outcome, comment: state.decision?.comment ?? '' }],
      };
    }),
    deps.conflictBackoff,
  );
  return saved.state;
}
