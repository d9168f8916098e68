import type { ProjectRole } from '../gateways/roles';
import type { Actor } from '../projects/actor';
import type { ProjectSummary } from '../projects/project';
import { questionnaireProgress, type QuestionnaireProgress } from './progress';
import { loadQuestionnaireFor, type QuestionnairePermissions } from './questionnaireAccess';
import type { QuestionnaireDeps } from './questionnaireDeps';
import type { QuestionSet } from './questionTypes';

export interface ProgressQuery {
  readonly actor: Actor;
  readonly projectId: unknown;
}

export interface QuestionnaireOverview {
  readonly project: ProjectSummary;
  readonly set: QuestionSet;
  readonly role: ProjectRole;
  /** What the person may do, so the card offers only those buttons. */
  readonly may: QuestionnairePermissions;
  readonly progress: QuestionnaireProgress;
}

/**
 * Where the questionnaire has got to, for anyone in the project: staff being
 * migrated may follow it too, which is why this needs no more than `read`.
 */
export async function getQuestionnaireOverview(deps: QuestionnaireDeps, query: ProgressQuery): Promise<QuestionnaireOverview> {
  const access = await loadQuestionnaireFor(deps, query.actor, query.projectId);
  return {
    project: access.summary,
    set: deps.questionSet,
    role: access.role,
    may: access.may,
    progress: questionnaireProgress(deps.questionSet, access.record),
  };
}
