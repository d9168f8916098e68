import { findMember, personOf, type Actor } from '../projects/actor';
import { ValidationFailed } from '../shared/errors';
import { addDays } from '../shared/ukDates';
import { loadRisksFor } from './riskAccess';
import { newRiskEntry } from './riskChanges';
import type { RiskDeps } from './riskDeps';
import { readNewRisk, type RiskInput } from './riskInput';
import { describeRiskLink } from './riskLinks';
import { viewRisk, type RiskView } from './riskView';

export interface AddRiskCommand {
  readonly actor: Actor;
  readonly projectId: string;
  readonly input: RiskInput;
}

/**
 * Adds an entry to the log. Bad input is refused with every field's reason at
 * once and nothing is saved; an entry at or above the escalation score is
 * escalated as it is added.
 */
export async function addRisk(deps: RiskDeps, command: AddRiskCommand): Promise<RiskView> {
  const { project, settings, today } = await loadRisksFor(deps, command.actor, command.projectId, 'add-risk');
  const me = findMember(project, command.actor);
  const read = readNewRisk(command.input, {
    project,
    catalogue: deps.catalogue,
    today,
    defaultOwnerId: me?.userId ?? command.actor.userId,
    defaultReviewDate: addDays(today, settings.defaultReviewDays),
  });
  if (!read.ok) throw new ValidationFailed(read.errors);

  const riskId = `risk-${deps.ids.newId()}`;
  const { entry, history } = newRiskEntry({ projectId: project.projectId, riskId }, read.value, {
    by: personOf(command.actor),
    at: deps.clock.now().toISOString(),
    settings,
    describeLink: (link) => describeRiskLink(deps.catalogue, link),
  });
  if ((await deps.risks.create(entry, history)) === 'exists') throw new Error('The id generator repeated a risk id');
  return viewRisk(entry, settings, today);
}
