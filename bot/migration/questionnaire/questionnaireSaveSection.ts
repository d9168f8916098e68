import { personOf, type Actor } from '../projects/actor';
import { retryOnConflict } from '../projects/conflictRetry';
import { summariseProject, type Project, type ProjectSummary } from '../projects/project';
import { loadProjectFor } from '../projects/projectAccess';
import { refusalOf } from '../shared/errors';
import { answerFingerprint } from './answerFingerprint';
import type { QuestionnaireRecord } from './answerRecord';
import { applyAnswers, editBaseFor, parseEditBase, type AnswerChange, type EditBase } from './answers';
import { assertCanAnswer } from './permissions';
import { readCardInputs } from './questionnaireCardValues';
import type { QuestionnaireDeps } from './questionnaireDeps';
import { feedChecklistFromQuestionnaire } from './questionnaireFeeds';
import { resolveSection } from './questionnaireOpenSection';
import type { NumberedSection } from './questionnaireSectionLookup';
import type { QuestionSet } from './questionTypes';
import { StaleAnswers, type AnswerConflict } from './staleAnswers';
import { validateSection, type SectionErrors, type SectionValidation } from './validateSection';

export interface SaveSectionCommand {
  readonly actor: Actor;
  readonly projectId: unknown;
  readonly sectionId: unknown;
  /** Everything the card sent (inputs, verb, ids): only the section's questions are read. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** The edit base the card carried, untrusted. */
  readonly base: unknown;
}

interface SectionAfterSave {
  readonly project: ProjectSummary;
  readonly set: QuestionSet;
  readonly section: NumberedSection;
  /** The answers as they now stand, with everyone's saves. */
  readonly record: QuestionnaireRecord;
  /** A fresh base for the card drawn from `record`. */
  readonly base: EditBase;
  /** Fields that were not valid: shown with their message and the value as typed. */
  readonly errors: readonly SectionErrors[];
  /** Raw values to show again instead of the stored answers, keyed by question id. */
  readonly keep: Readonly<Record<string, unknown>>;
}

export type SaveSectionResult =
  | (SectionAfterSave & { readonly outcome: 'saved'; readonly changes: readonly AnswerChange[] })
  /** Someone else changed an answer this person changed too: nothing was saved. */
  | (SectionAfterSave & { readonly outcome: 'stale'; readonly conflicts: readonly AnswerConflict[] });

/**
 * Saves what a section card sent.
 *
 * The story: check the person may answer; read the card's inputs; validate
 * them; save the valid part (answers and clearings) with the card's edit base,
 * retrying when another save to the same section lands first; return the
 * answers as they now stand with the invalid fields to show again.
 *
 * Why the valid part is saved even when another field is wrong: people fill a
 * section over days, and retyping ten answers because one email address had a
 * typo is how forms get abandoned. Nothing invalid is ever stored.
 *
 * Why a stale card is an outcome and not an error: the person's typing must
 * not be lost either. Nothing is saved (a save is never half applied), but
 * the card comes back with the newer answers where they clashed and the
 * person's own values everywhere else, ready to save again.
 */
export async function saveQuestionnaireSection(deps: QuestionnaireDeps, command: SaveSectionCommand): Promise<SaveSectionResult> {
  const set = deps.questionSet;
  const section = resolveSection(set, command.sectionId);
  const sectionId = section.section.id;
  // Only the project is read up front: the answers are read inside the save, so a save costs one query, not two.
  const { project, role } = await loadProjectFor(deps, command.actor, command.projectId);
  assertCanAnswer(role);
  const summary = summariseProject(project);

  const validation = validateSection(set, sectionId, readCardInputs(set, sectionId, command.inputs));
  const rejected = pick(command.inputs, validation.errors.map((e) => e.questionId));
  const base = parseEditBase(command.base);
  const by = personOf(command.actor);
  const at = deps.clock.now().toISOString();
  const projectId = project.projectId;

  let record: QuestionnaireRecord | undefined;
  let changes: readonly AnswerChange[] = [];
  if (Object.keys(validation.valid).length > 0 || validation.cleared.length > 0) {
    try {
      record = await retryOnConflict(() =>
        deps.questionnaires.trySaveSection(projectId, sectionId, (current) => {
          const applied = applyAnswers(set, current, validation, by, at, base);
          changes = applied.changes;
          return applied.changes.length > 0 ? applied.record : undefined;
        }),
        deps.conflictBackoff,
      );
    } catch (error) {
      if (!(error instanceof StaleAnswers)) throw error;
      const latest = await deps.questionnaires.get(projectId);
      const clashing = new Set(error.conflicts.map((c) => c.questionId));
      const theirs = [...changedFromCard(validation, base), ...validation.errors.map((e) => e.questionId)].filter((id) => !clashing.has(id));
      return {
        outcome: 'stale',
        conflicts: error.conflicts,
        ...after(summary, set, section, latest, validation.errors, pick(command.inputs, theirs)),
      };
    }
  }
  record ??= await deps.questionnaires.get(projectId);
  if (changes.length > 0) await feedQuietly(deps, command.actor, project, record);
  return { outcome: 'saved', changes, ...after(summary, set, section, record, validation.errors, rejected) };
}

/**
 * The answers are saved by now; a clash or refusal while noting them on the checklist must not make the save look
 * failed. Nothing is lost: the feed is idempotent, so the next save adds whatever did not land this time.
 */
async function feedQuietly(deps: QuestionnaireDeps, actor: Actor, project: Project, record: QuestionnaireRecord): Promise<void> {
  await refusalOf(() => feedChecklistFromQuestionnaire(deps, actor, project, record));
}

function after(
  project: ProjectSummary,
  set: QuestionSet,
  section: NumberedSection,
  record: QuestionnaireRecord,
  errors: readonly SectionErrors[],
  keep: Readonly<Record<string, unknown>>,
): SectionAfterSave {
  return { project, set, section, record, base: editBaseFor(set, record, section.section.id), errors, keep };
}

/**
 * Questions whose submitted answer differs from what the card showed: the
 * person's own changes. Only those are put back on a stale card; a field they
 * left alone shows the newest answer, or saving again would revert it.
 */
function changedFromCard(validation: SectionValidation, base: EditBase): string[] {
  const shown = (id: string): string => (Object.hasOwn(base, id) ? (base[id]?.fingerprint ?? '') : '');
  return [
    ...Object.entries(validation.valid).filter(([id, answer]) => answerFingerprint(answer) !== shown(id)).map(([id]) => id),
    ...validation.cleared.filter((id) => shown(id) !== ''),
  ];
}

function pick(inputs: Readonly<Record<string, unknown>>, ids: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const id of ids) if (Object.hasOwn(inputs, id) && inputs[id] !== undefined) picked[id] = inputs[id];
  return picked;
}
