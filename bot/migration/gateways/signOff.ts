import { InvalidState, ValidationFailed } from '../shared/errors';
import { getStage } from './catalogue';
import type { GatewayCatalogue, StageNumber } from './catalogueTypes';
import {
  isPassed,
  newGatewayState,
  type GatewayOutcome,
  type GatewayState,
  type IsoTimestamp,
  type ItemState,
  type PersonRef,
} from './gatewayState';
import { SignOffBlocked, signOffBlockers } from './readiness';
import { assertCan, type ProjectRole } from './roles';

/**
 * Gateway decisions: go / no-go, and reopening a passed gateway.
 *
 * Why these rules: a 'go' tells NHS Digital the stage is complete and unlocks
 * the next ones, so it is refused while anything mandatory is outstanding. A
 * 'no-go' is always allowed (saying "not yet" must never be blocked) but must
 * say what needs to change. Reopening keeps the undone decision in history.
 */

export const DECISION_COMMENT_MAX_LENGTH = 1000;

export interface GatewayDecisionRequest {
  readonly stage: StageNumber;
  readonly outcome: GatewayOutcome;
  readonly comment?: string;
  readonly by: PersonRef;
  readonly role: ProjectRole;
  readonly at: IsoTimestamp;
}

/** The project's current records the decision is judged against. */
export interface ProjectRecords {
  readonly items: readonly ItemState[];
  readonly gateways: readonly GatewayState[];
}

/**
 * Records a go or no-go on a gateway and returns its new state. Throws
 * PermissionDenied, ValidationFailed, InvalidState (already passed) or
 * SignOffBlocked (a go with blockers, listing them).
 */
export function recordGatewayDecision(
  catalogue: GatewayCatalogue,
  records: ProjectRecords,
  request: GatewayDecisionRequest,
): GatewayState {
  assertCan(request.role, 'sign-off-gateway');
  getStage(catalogue, request.stage);
  if (request.outcome !== 'go' && request.outcome !== 'no-go') {
    throw new ValidationFailed([{ field: 'outcome', message: 'Please choose go or no-go.' }]);
  }
  const comment = (request.comment ?? '').trim();
  if (request.outcome === 'no-go' && comment.length === 0) {
    throw new ValidationFailed([{ field: 'comment', message: 'Please say why this is a no-go and what needs to change.' }]);
  }
  if (comment.length > DECISION_COMMENT_MAX_LENGTH) {
    throw new ValidationFailed([
      { field: 'comment', message: `Please keep the comment to ${DECISION_COMMENT_MAX_LENGTH} characters or fewer.` },
    ]);
  }

  const current = records.gateways.find((g) => g.stage === request.stage) ?? newGatewayState(request.stage);
  if (isPassed(current)) {
    throw new InvalidState(
      `Gateway ${request.stage} has already been signed off as a go.`,
      'If something has changed, reopen the gateway first and give a reason.',
    );
  }
  if (request.outcome === 'go') {
    const blockers = signOffBlockers(catalogue, request.stage, records.items, records.gateways);
    if (blockers.length > 0) throw new SignOffBlocked(request.stage, blockers);
  }
  return { ...current, decision: { outcome: request.outcome, by: request.by, at: request.at, comment } };
}

export interface GatewayReopenRequest {
  readonly reason: string;
  readonly by: PersonRef;
  readonly role: ProjectRole;
  readonly at: IsoTimestamp;
}

/** Reopens a passed gateway: the go is undone and kept in `reopened` with the reason. */
export function reopenGateway(gateway: GatewayState, request: GatewayReopenRequest): GatewayState {
  assertCan(request.role, 'reopen-gateway');
  if (!isPassed(gateway) || !gateway.decision) {
    throw new InvalidState(`Gateway ${gateway.stage} hasn't been passed, so there is nothing to reopen.`);
  }
  const reason = request.reason.trim();
  if (reason.length === 0) {
    throw new ValidationFailed([{ field: 'reason', message: 'Please say why the gateway is being reopened.' }]);
  }
  if (reason.length > DECISION_COMMENT_MAX_LENGTH) {
    throw new ValidationFailed([
      { field: 'reason', message: `Please keep the reason to ${DECISION_COMMENT_MAX_LENGTH} characters or fewer.` },
    ]);
  }
  return {
    stage: gateway.stage,
    reopened: [...gateway.reopened, { by: request.by, at: request.at, reason, previousDecision: gateway.decision }],
  };
}
