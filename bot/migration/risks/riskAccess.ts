import type { ProjectRole } from '../gateways/roles';
import type { Actor } from '../projects/actor';
import type { Project } from '../projects/project';
import { loadProjectFor } from '../projects/projectAccess';
import { NotFound, StaleEdit, ValidationFailed } from '../shared/errors';
import { todayInLondon, type IsoDate } from '../shared/ukDates';
import type { RiskDeps } from './riskDeps';
import { isRiskId, type RiskEntry } from './riskEntry';
import { assertCanOnRisks, type RiskAction } from './riskPermissions';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './riskSettings';

export interface RiskAccess {
  readonly project: Project;
  readonly role: ProjectRole;
  readonly settings: RiskSettings;
  /** Today in London, for review dates. */
  readonly today: IsoDate;
}

/**
 * Loads the project for someone and checks they may do `action` on its log.
 * A project of another tenant answers like a missing one (loadProjectFor).
 */
export async function loadRisksFor(deps: RiskDeps, actor: Actor, projectId: unknown, action: RiskAction): Promise<RiskAccess> {
  const { project, role } = await loadProjectFor(deps, actor, projectId);
  assertCanOnRisks(role, action);
  return { project, role, settings: deps.riskSettings ?? DEFAULT_RISK_SETTINGS, today: todayInLondon(deps.clock.now()) };
}

export function riskNotFound(riskId: string): NotFound {
  return new NotFound('risk or issue', riskId, 'It may have been removed from the log. Open the log again.');
}

/** Risk ids come from cards: anything malformed is simply not found. */
export function assertRiskId(riskId: unknown): asserts riskId is string {
  if (!isRiskId(riskId)) throw riskNotFound(String(riskId));
}

/** Card versions are checked before anything is read, so a tampered card changes nothing. */
export function assertVersion(expectedVersion: unknown): asserts expectedVersion is number {
  if (typeof expectedVersion !== 'number' || !Number.isSafeInteger(expectedVersion) || expectedVersion < 1) {
    throw new ValidationFailed([{ field: 'expectedVersion', message: 'This card is out of date. Please open the log again.' }]);
  }
}

/** Refuses a change made from a card showing an older version of the entry. */
export function assertCurrent(entry: RiskEntry, expectedVersion: number): void {
  if (entry.version !== expectedVersion) throw new StaleEdit(expectedVersion, entry.version);
}

export const RISK_REASON_MAX_LENGTH = 500;

/** Closing, reopening and escalation decisions need a reason, for the history and for senior management. */
export function readReason(reason: unknown, what: string): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length === 0) throw new ValidationFailed([{ field: 'reason', message: `Please give a reason for ${what}.` }]);
  if (text.length > RISK_REASON_MAX_LENGTH) {
    throw new ValidationFailed([{ field: 'reason', message: `Please keep the reason to ${RISK_REASON_MAX_LENGTH} characters or fewer.` }]);
  }
  return text;
}
