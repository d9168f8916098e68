import type { ProjectDeps } from '../projects/projectDeps';
import type { QuestionnaireRepository } from './questionnaireRepository';
import type { QuestionSet } from './questionTypes';

/**
 * Everything the questionnaire use cases need from outside.
 *
 * Why it extends the project deps: every questionnaire action starts with the
 * project's role check (`loadProjectFor`) and submitting records a milestone
 * through the projects layer, so the composition root hands over the same
 * repositories, clock and ids, plus the answers store and the question set.
 */
export interface QuestionnaireDeps extends ProjectDeps {
  readonly questionnaires: QuestionnaireRepository;
  /** Usually DEFAULT_QUESTION_SET; an organisation's edited set when it has one. */
  readonly questionSet: QuestionSet;
}
