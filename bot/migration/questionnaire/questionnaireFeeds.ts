import { findItem } from '../gateways/catalogue';
import { NOTE_MAX_LENGTH } from '../gateways/itemUpdates';
import type { Actor } from '../projects/actor';
import { itemIn } from '../projects/gatewayRecord';
import { updateChecklistItem } from '../projects/updateChecklistItem';
import { StaleEdit } from '../shared/errors';
import type { QuestionnaireRecord } from './answerRecord';
import { deriveOverlaps } from './overlaps';
import type { QuestionnaireDeps } from './questionnaireDeps';

/**
 * Where questionnaire findings land on the checklist: the guide's "integrated applications review" (stage 1), which
 * is exactly the work a flagged application creates. Until the risks log exists, risks land here too, marked as such.
 */
export const FEED_ITEM_ID = 'g1-integrated-apps-review';

/** A colleague may change the item between our read and our write; one more try is enough, the next save heals. */
const ATTEMPTS = 2;

/**
 * Puts what the answers imply onto the checklist: each flagged application and each suggested note becomes a note on
 * the integrated-applications item, once. Notes already there (by their text) are not added again, so every save can
 * call this and a save whose notes failed to land (a clash) gets them on the next save. Returns the notes added.
 */
export async function feedChecklistFromQuestionnaire(deps: QuestionnaireDeps, actor: Actor, projectId: string, record: QuestionnaireRecord): Promise<readonly string[]> {
  const overlaps = deriveOverlaps(deps.questionSet, record, deps.approvalSettings);
  const wanted = [
    ...new Set(
      overlaps.notes.map((n) =>
        (n.kind === 'risk' ? `Risk from the discovery questionnaire: ${n.text}` : `From the discovery questionnaire: ${n.text}`).slice(0, NOTE_MAX_LENGTH),
      ),
    ),
  ];
  if (wanted.length === 0) return [];
  const { stage } = findItem(deps.catalogue, FEED_ITEM_ID);

  for (let attempt = 1; ; attempt++) {
    const current = itemIn(await deps.gateways.get(projectId, stage.number), FEED_ITEM_ID);
    const present = new Set((current?.notes ?? []).map((n) => n.text));
    const missing = wanted.filter((text) => !present.has(text));
    if (missing.length === 0) return [];
    try {
      await updateChecklistItem(deps, {
        actor,
        projectId,
        itemId: FEED_ITEM_ID,
        expectedVersion: current?.version ?? 0,
        change: missing.map((text) => ({ field: 'note', text })),
      });
      return missing;
    } catch (err) {
      if (!(err instanceof StaleEdit) || attempt >= ATTEMPTS) throw err;
    }
  }
}
