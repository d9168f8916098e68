import type { Actor } from '../projects/actor';
import { itemEntries } from '../projects/auditEntries';
import { itemIn } from '../projects/gatewayRecord';
import type { Project } from '../projects/project';
import { updateChecklistItem } from '../projects/updateChecklistItem';
import { addQuestionnaireRisks } from '../risks/addQuestionnaireRisks';
import { findItem } from '../gateways/catalogue';
import { StaleEdit } from '../shared/errors';
import type { QuestionnaireRecord } from './answerRecord';
import { deriveOverlaps } from './overlaps';
import { questionnaireChecklistNotes } from './questionnaireChecklistNotes';
import type { QuestionnaireDeps } from './questionnaireDeps';

/** A colleague may change an item between our read and our write; one more try is enough, the next save heals. */
const ATTEMPTS = 2;

/**
 * Puts what the answers imply onto the checklist (see questionnaireChecklistNotes): each note once, on its item;
 * and the suggested risks into the risks and issues log, once each (addQuestionnaireRisks keys them), owned by the
 * PM and marked as suggested by the questionnaire.
 * The project is the one the caller already loaded, so a save with nothing to note costs nothing more.
 * Notes already there, by their text, are not added again, so every save can call this, and a save whose notes did
 * not land (a clash) gets them on the next save. Returns the notes and risk titles added.
 */
export async function feedChecklistFromQuestionnaire(deps: QuestionnaireDeps, actor: Actor, project: Project, record: QuestionnaireRecord): Promise<readonly string[]> {
  const overlaps = deriveOverlaps(deps.questionSet, record, deps.approvalSettings);
  const byItem = questionnaireChecklistNotes(overlaps, project);
  const added: string[] = [];
  for (const [itemId, wanted] of byItem) added.push(...(await addMissingNotes(deps, actor, project.projectId, itemId, wanted)));
  const { risks } = deps;
  if (risks !== undefined) {
    added.push(...(await addQuestionnaireRisks({ ...deps, risks }, { actor, projectId: project.projectId, questionSet: deps.questionSet, overlaps })));
  }
  return added;
}

async function addMissingNotes(deps: QuestionnaireDeps, actor: Actor, projectId: string, itemId: string, wanted: readonly string[]): Promise<readonly string[]> {
  const { stage } = findItem(deps.catalogue, itemId);
  for (let attempt = 1; ; attempt++) {
    const current = itemIn(await deps.gateways.get(projectId, stage.number), itemId);
    // Older notes have moved from the item to its history: read that only when some have.
    const earlier = (current?.olderNotes ?? 0) > 0 ? itemEntries(await deps.gateways.history(projectId, stage.number), itemId).filter((e) => e.field === 'notes') : [];
    const present = new Set([...(current?.notes ?? []).map((n) => n.text), ...earlier.map((e) => e.after)]);
    const missing = [...new Set(wanted)].filter((text) => !present.has(text));
    if (missing.length === 0) return [];
    try {
      await updateChecklistItem(deps, { actor, projectId, itemId, expectedVersion: current?.version ?? 0, change: missing.map((text) => ({ field: 'note', text })) });
      return missing;
    } catch (err) {
      if (!(err instanceof StaleEdit) || attempt >= ATTEMPTS) throw err;
    }
  }
}
