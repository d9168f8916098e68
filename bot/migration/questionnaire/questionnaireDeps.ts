import type { ProjectDeps } from '../projects/projectDeps';
import type { RiskRepository } from '../risks/riskRepository';
import type { RiskSettings } from '../risks/riskSettings';
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
  /**
   * The risks and issues log, where the questionnaire's suggested risks go (once each, owned by the PM). Without it
   * nothing is suggested: the risks are no longer written as checklist notes.
   */
  readonly risks?: RiskRepository;
  readonly riskSettings?: RiskSettings;
}
