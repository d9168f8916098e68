import type { PersonRef } from '../gateways/gatewayState';
import { personOf, type Actor } from '../projects/actor';
import { retryOnConflict } from '../projects/conflictRetry';
import { assertCurrent, assertRiskId, assertVersion, loadRisksFor, readReason } from './riskAccess';
import { closeRiskEntry, reopenRiskEntry, setRiskEscalation } from './riskChanges';
import type { RiskDeps } from './riskDeps';
import type { RiskEntry } from './riskEntry';
import type { RiskAction } from './riskPermissions';
import type { RiskChange } from './riskRepository';
import { viewRisk, type RiskView } from './riskView';

/**
 * The decisions only the project manager or SRO make on an entry: closing it,
 * reopening it, and escalating it to senior management or taking that back.
 * Each needs a reason, which goes into the entry's history.
 */

export interface RiskDecisionCommand {
  readonly actor: Actor;
  readonly projectId: string;
  readonly riskId: string;
  readonly expectedVersion: number;
  readonly reason: string;
}

export function closeRisk(deps: RiskDeps, command: RiskDecisionCommand): Promise<RiskView> {
  return decide(deps, command, 'close-risk', 'closing it', (current, reason, context) => closeRiskEntry(current, reason, context));
}

export function reopenRisk(deps: RiskDeps, command: RiskDecisionCommand): Promise<RiskView> {
  return decide(deps, command, 'reopen-risk', 'reopening it', (current, reason, context) => reopenRiskEntry(current, reason, context));
}

/** Escalates (`escalated: true`) or takes the escalation back; asking for what already stands saves nothing. */
export function escalateRisk(deps: RiskDeps, command: RiskDecisionCommand & { readonly escalated: boolean }): Promise<RiskView> {
  const what = command.escalated ? 'escalating it to senior management' : 'taking it back from senior management';
  return decide(deps, command, 'escalate-risk', what, (current, reason, context) => setRiskEscalation(current, command.escalated, reason, context));
}

async function decide(
  deps: RiskDeps,
  command: RiskDecisionCommand,
  action: RiskAction,
  what: string,
  change: (current: RiskEntry, reason: string, context: { readonly by: PersonRef; readonly at: string }) => RiskChange | undefined,
): Promise<RiskView> {
  assertVersion(command.expectedVersion);
  assertRiskId(command.riskId);
  const { project, settings, today } = await loadRisksFor(deps, command.actor, command.projectId, action);
  const reason = readReason(command.reason, what);
  const context = { by: personOf(command.actor), at: deps.clock.now().toISOString() };
  const saved = await retryOnConflict(() =>
    deps.risks.tryUpdate(project.projectId, command.riskId, (current) => {
      assertCurrent(current, command.expectedVersion);
      return change(current, reason, context);
    }),
  );
  return viewRisk(saved, settings, today);
}
