import { personOf, type Actor } from '../projects/actor';
import type { QuestionnaireOverlaps } from '../questionnaire/overlaps';
import type { QuestionSet } from '../questionnaire/questionTypes';
import { addDays } from '../shared/ukDates';
import { loadRisksFor } from './riskAccess';
import { newRiskEntry } from './riskChanges';
import type { RiskDeps } from './riskDeps';
import type { RiskFields } from './riskInput';
import { describeRiskLink } from './riskLinks';
import { findItem } from '../gateways/catalogue';
import { questionnaireRiskSuggestions } from './questionnaireRisks';

/** The entry id a suggestion always gets, which is what makes adding it idempotent. */
export function suggestionRiskId(key: string): string {
  return `q-${key}`;
}

/**
 * Puts the questionnaire's suggested risks into the log, once each, marked as
 * suggested by the questionnaire and owned by the project manager (who
 * decides whether they stand). A suggestion already in the log, open or
 * closed, is left alone: closing one is the team's answer to it. Runs after a
 * questionnaire save by a team member; returns the titles added.
 */
export async function addQuestionnaireRisks(
  deps: RiskDeps,
  command: { readonly actor: Actor; readonly projectId: string; readonly questionSet: QuestionSet; readonly overlaps: QuestionnaireOverlaps },
): Promise<readonly string[]> {
  const { project, settings, today } = await loadRisksFor(deps, command.actor, command.projectId, 'add-risk');
  const pm = project.members.find((m) => m.role === 'project-manager');
  if (!pm) return [];
  const by = personOf(command.actor);
  const at = deps.clock.now().toISOString();
  const added: string[] = [];
  for (const suggestion of questionnaireRiskSuggestions(command.questionSet, command.overlaps)) {
    const riskId = suggestionRiskId(suggestion.key);
    if (await deps.risks.get(project.projectId, riskId)) continue;
    const item = suggestion.itemId !== undefined ? safeItem(deps, suggestion.itemId) : undefined;
    const fields: RiskFields = {
      type: suggestion.type,
      title: suggestion.title,
      description: suggestion.description,
      category: suggestion.category,
      likelihood: suggestion.likelihood,
      impact: suggestion.impact,
      owner: { id: pm.userId, name: pm.name },
      mitigation: '',
      actions: '',
      link: item ?? null,
      reviewDate: addDays(today, settings.defaultReviewDays),
      status: 'open',
    };
    const { entry, history } = newRiskEntry(
      { projectId: project.projectId, riskId, source: { kind: 'questionnaire', key: suggestion.key, questionId: suggestion.questionId } },
      fields,
      { by, at, settings, describeLink: (link) => describeRiskLink(deps.catalogue, link) },
    );
    if ((await deps.risks.create(entry, history)) === 'created') added.push(entry.title);
  }
  return added;
}

/** An organisation's catalogue might lack an item the default one has: then the entry is simply not linked. */
function safeItem(deps: RiskDeps, itemId: string): RiskFields['link'] | undefined {
  try {
    return { kind: 'item', stage: findItem(deps.catalogue, itemId).stage.number, itemId };
  } catch {
    return undefined;
  }
}
