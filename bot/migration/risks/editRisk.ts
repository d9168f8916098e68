import { personOf, type Actor } from '../projects/actor';
import { retryOnConflict } from '../projects/conflictRetry';
import { ValidationFailed } from '../shared/errors';
import { assertCurrent, assertRiskId, assertVersion, loadRisksFor, riskNotFound } from './riskAccess';
import { editRiskEntry } from './riskChanges';
import type { RiskDeps } from './riskDeps';
import { readRiskEdit, type RiskInput } from './riskInput';
import { describeRiskLink } from './riskLinks';
import { viewRisk, type RiskView } from './riskView';

export interface EditRiskCommand {
  readonly actor: Actor;
  readonly projectId: string;
  readonly riskId: string;
  /** The entry version shown on the card the person used. */
  readonly expectedVersion: number;
  /** Only the fields present are changed. */
  readonly input: RiskInput;
}

export interface EditRiskResult {
  readonly risk: RiskView;
  /** False when the edit altered nothing: nothing was saved. */
  readonly changed: boolean;
}

/**
 * Changes an entry's fields and records each change in its history, in one
 * save. A change made from an out-of-date card is refused with StaleEdit,
 * never merged: the person has to see what the other person did first.
 */
export async function editRisk(deps: RiskDeps, command: EditRiskCommand): Promise<EditRiskResult> {
  assertVersion(command.expectedVersion);
  assertRiskId(command.riskId);
  const { project, settings, today } = await loadRisksFor(deps, command.actor, command.projectId, 'edit-risk');
  const current = await deps.risks.get(project.projectId, command.riskId);
  if (!current) throw riskNotFound(command.riskId);
  assertCurrent(current, command.expectedVersion);
  const read = readRiskEdit(command.input, { project, catalogue: deps.catalogue, today, current });
  if (!read.ok) throw new ValidationFailed(read.errors);

  const context = {
    by: personOf(command.actor),
    at: deps.clock.now().toISOString(),
    settings,
    describeLink: (link: Parameters<typeof describeRiskLink>[1]) => describeRiskLink(deps.catalogue, link),
  };
  const saved = await retryOnConflict(() =>
    deps.risks.tryUpdate(project.projectId, command.riskId, (latest) => {
      assertCurrent(latest, command.expectedVersion);
      return editRiskEntry(latest, read.value, context);
    }),
  );
  return { risk: viewRisk(saved, settings, today), changed: saved.version !== command.expectedVersion };
}
