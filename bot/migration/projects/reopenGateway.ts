import type { GatewayState } from '../gateways/gatewayState';
import { assertCan } from '../gateways/roles';
import * as signOff from '../gateways/signOff';
import { personOf, type Actor } from './actor';
import { retryOnConflict } from './conflictRetry';
import { loadProjectFor } from './projectAccess';
import type { ProjectDeps } from './projectDeps';
import { parseStage } from './stageInput';

export interface ReopenGatewayCommand {
  readonly actor: Actor;
  readonly projectId: string;
  readonly stage: number;
  readonly reason: string;
}

/**
 * Undoes a go on a gateway, keeping the undone decision and the reason in its
 * history and the audit log. Throws PermissionDenied, ValidationFailed or
 * InvalidState (the gateway had not passed).
 */
export async function reopenGateway(deps: ProjectDeps, command: ReopenGatewayCommand): Promise<GatewayState> {
  const stage = parseStage(command.stage);
  const { project, role } = await loadProjectFor(deps, command.actor, command.projectId);
  assertCan(role, 'reopen-gateway');
  const by = personOf(command.actor);
  const at = deps.clock.now().toISOString();

  const saved = await retryOnConflict(() =>
    deps.gateways.tryUpdate(project.projectId, stage, (current) => {
      const state = signOff.reopenGateway(current.state, { reason: command.reason, by, role, at });
      const reason = state.reopened.at(-1)?.reason ?? command.reason.trim();
      return { record: { ...current, state }, audit: [{ kind: 'gateway-reopened', at, by, stage, reason }] };
    }),
    deps.conflictBackoff,
  );
  return saved.state;
}
