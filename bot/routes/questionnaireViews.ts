import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import { questionnaireExportCardJson } from '../../cards/questionnaireExportCard';
import { questionnaireProgressCardJson } from '../../cards/questionnaireProgressCard';
import { questionnaireSectionCardJson, sectionViewAfterSave } from '../../cards/questionnaireSectionCard';
import type { Banner } from '../../cards/questionnaireText';
import type { ExportLinks } from '../http/exportLinks';
import type { Actor } from '../migration/projects/actor';
import { EXPORT_FORMATS, prepareQuestionnaireExport } from '../migration/questionnaire/questionnaireExport';
import type { QuestionnaireDeps } from '../migration/questionnaire/questionnaireDeps';
import { openQuestionnaireSection } from '../migration/questionnaire/questionnaireOpenSection';
import { getQuestionnaireOverview } from '../migration/questionnaire/questionnaireProgressView';
import { saveQuestionnaireSection } from '../migration/questionnaire/questionnaireSaveSection';
import { submitProjectQuestionnaire } from '../migration/questionnaire/questionnaireSubmit';
import { InvalidState, ValidationFailed } from '../migration/shared/errors';
import { formatUkDate, formatUkDateTime } from '../migration/shared/ukDates';

/**
 * One use case call and one card each: what the questionnaire's typed
 * commands and buttons show. Shared by both, so typing `questionnaire 3` and
 * pressing "Open section 3" give the same card.
 */

export interface QuestionnaireRouteDeps extends QuestionnaireDeps {
  readonly exportLinks: ExportLinks;
}

export type CardJson = AdaptiveCardJson;

export async function progressCard(deps: QuestionnaireRouteDeps, actor: Actor, projectId: unknown, banner?: Banner): Promise<CardJson> {
  const overview = await getQuestionnaireOverview(deps, { actor, projectId });
  return questionnaireProgressCardJson({ ...overview, ...(banner ? { banner } : {}) });
}

export async function sectionCard(deps: QuestionnaireRouteDeps, actor: Actor, projectId: unknown, section: unknown): Promise<CardJson> {
  return questionnaireSectionCardJson(await openQuestionnaireSection(deps, { actor, projectId, section }));
}

/** Card data holds the ids and the edit base beside the inputs; the use case reads only the section's questions. */
export async function saveCard(deps: QuestionnaireRouteDeps, actor: Actor, data: Record<string, unknown>): Promise<CardJson> {
  const result = await saveQuestionnaireSection(deps, { actor, projectId: data.projectId, sectionId: data.sectionId, inputs: data, base: data.base });
  return questionnaireSectionCardJson(sectionViewAfterSave(result));
}

/**
 * Submitting answers with the overview either way: on success with the date
 * recorded; when refused because questions are open or nothing changed, with
 * the reason on top of the card that shows what is missing.
 */
export async function submitCard(deps: QuestionnaireRouteDeps, actor: Actor, projectId: unknown): Promise<CardJson> {
  try {
    const submitted = await submitProjectQuestionnaire(deps, { actor, projectId });
    return await progressCard(deps, actor, projectId, {
      text: `Submitted to the pipeline team. ${formatUkDate(submitted.submission.date)} is recorded as the project's “questionnaire submitted” milestone.`,
      style: 'good',
    });
  } catch (error) {
    if (error instanceof ValidationFailed) {
      const n = error.fieldErrors.length;
      return progressCard(deps, actor, projectId, {
        text: `Not submitted: ${n === 1 ? '1 required question is' : `${n} required questions are`} still open. Each section below says which.`,
        style: 'attention',
      });
    }
    if (error instanceof InvalidState) return progressCard(deps, actor, projectId, { text: `Not submitted: ${error.message}`, style: 'warning' });
    throw error;
  }
}

/** Download links only in a personal chat: anyone holding one can open it for 15 minutes. */
export async function exportCard(deps: QuestionnaireRouteDeps, actor: Actor, projectId: unknown, personalChat: boolean): Promise<CardJson> {
  const summary = await prepareQuestionnaireExport(deps, { actor, projectId });
  if (!personalChat) return questionnaireExportCardJson({ summary, links: [] });
  const issued = EXPORT_FORMATS.map((format) => ({ format, ...deps.exportLinks.issue(summary.project.projectId, format) }));
  const expiresAt = issued[0]?.expiresAt;
  return questionnaireExportCardJson({
    summary,
    links: issued.map(({ format, url }) => ({ format, url })),
    ...(expiresAt ? { linksExpire: formatUkDateTime(expiresAt) } : {}),
  });
}
