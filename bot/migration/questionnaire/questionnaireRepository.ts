import type { QuestionnaireRecord, QuestionnaireSubmission } from './answerRecord';

/**
 * Persistence of a project's questionnaire answers and submissions.
 *
 * Why saves are per section: several people fill the questionnaire at once,
 * each in the section they know about, so a store must let saves to different
 * sections land without ever colliding, while two saves to the same section
 * collide (one gets `ConcurrentModification`) so the loser can re-read and
 * re-apply its intent with `retryOnConflict`. As with the project stores, a
 * store makes one attempt; retrying is the use case's rule.
 *
 * Why `decide` returns the whole record: the domain's `applyAnswers` and
 * `submitQuestionnaire` work on a `QuestionnaireRecord`, and the store, not
 * the domain, knows how that record is split into documents.
 */
export interface QuestionnaireRepository {
  /** The answers and submissions as one record; an empty record for a project nobody has answered yet. */
  get(projectId: string): Promise<QuestionnaireRecord>;

  /**
   * Reads the record, asks `decide` for the next one, and saves the answers
   * that changed in one write under `sectionId`, only if nobody saved that
   * section in between; otherwise throws `ConcurrentModification`. Saves
   * under other sections never collide with it. `decide` returning undefined
   * saves nothing; errors thrown by `decide` pass through and nothing is
   * saved. `decide` must not change submissions. Returns the record as it now
   * stands.
   */
  trySaveSection(projectId: string, sectionId: string, decide: (current: QuestionnaireRecord) => QuestionnaireRecord | undefined): Promise<QuestionnaireRecord>;

  /**
   * Reads the record, asks `decide` for a submission, and appends it only if
   * no other submission was appended in between (otherwise
   * `ConcurrentModification`); answer saves never collide with it. Returns
   * the record as it now stands.
   */
  trySubmit(projectId: string, decide: (current: QuestionnaireRecord) => QuestionnaireSubmission | undefined): Promise<QuestionnaireRecord>;
}
