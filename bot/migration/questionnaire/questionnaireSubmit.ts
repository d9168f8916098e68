import type { Milestone } from '../gateways/gatewayState';
import { personOf, type Actor } from '../projects/actor';
import { retryOnConflict } from '../projects/conflictRetry';
import type { Project, ProjectSummary } from '../projects/project';
import { recordMilestone } from '../projects/recordMilestone';
import type { QuestionnaireRecord, QuestionnaireSubmission } from './answerRecord';
import { assertCanSubmit } from './permissions';
import { questionnaireProgress, type QuestionnaireProgress } from './progress';
import { loadQuestionnaireFor } from './questionnaireAccess';
import type { QuestionnaireDeps } from './questionnaireDeps';
import { submitQuestionnaire, type SubmittedQuestionnaire } from './submitQuestionnaire';

export interface SubmitCommand {
  readonly actor: Actor;
  readonly projectId: unknown;
}

export interface QuestionnaireSubmitted {
  readonly project: ProjectSummary;
  readonly submission: QuestionnaireSubmission;
  readonly milestone: Milestone;
  readonly progress: QuestionnaireProgress;
}

/**
 * Marks the questionnaire as sent to the pipeline team and records the date
 * as a gateway milestone.
 *
 * Why in this order, with a milestone id derived from the submission: the
 * submission (in the questionnaire's documents) and the milestone (on the
 * project) are two writes, and the store has no transactions. The submission
 * is the truth and is saved first; the milestone's id is
 * `questionnaire-submission-<n>`, and `recordMilestone` skips an id it already
 * holds. So if the milestone write fails, the next press of Submit (even one
 * refused because nothing changed) records the missing milestone, and it can
 * never be recorded twice.
 */
export async function submitProjectQuestionnaire(deps: QuestionnaireDeps, command: SubmitCommand): Promise<QuestionnaireSubmitted> {
  const access = await loadQuestionnaireFor(deps, command.actor, command.projectId);
  assertCanSubmit(access.role);
  await recordMissingMilestone(deps, command.actor, access.project, access.record);

  const by = personOf(command.actor);
  const at = deps.clock.now().toISOString();
  let decided: SubmittedQuestionnaire | undefined;
  const record = await retryOnConflict(() =>
    deps.questionnaires.trySubmit(access.project.projectId, (current) => {
      decided = submitQuestionnaire(deps.questionSet, current, by, at);
      return decided.submission;
    }),
    deps.conflictBackoff,
  );
  if (!decided) throw new Error('The questionnaire store saved a submission without deciding one');
  const milestone = await recordSubmissionMilestone(deps, command.actor, access.project, record.submissions.length, decided);
  return { project: access.summary, submission: decided.submission, milestone, progress: questionnaireProgress(deps.questionSet, record) };
}

export function submissionMilestoneId(submissionNumber: number): string {
  return `questionnaire-submission-${submissionNumber}`;
}

/** Repairs a submission whose milestone write failed earlier. */
async function recordMissingMilestone(deps: QuestionnaireDeps, actor: Actor, project: Project, record: QuestionnaireRecord): Promise<void> {
  const count = record.submissions.length;
  const last = record.submissions[count - 1];
  if (!last || project.milestones.some((m) => m.id === submissionMilestoneId(count))) return;
  const previous = count > 1;
  await recordMilestone(
    { ...deps, ids: { newId: () => submissionMilestoneId(count) } },
    {
      actor,
      projectId: project.projectId,
      kind: 'questionnaire-submitted',
      date: last.date,
      note: previous ? 'Discovery questionnaire submitted again with updated answers.' : 'Discovery questionnaire submitted to the pipeline team.',
    },
  );
}

async function recordSubmissionMilestone(
  deps: QuestionnaireDeps,
  actor: Actor,
  project: Project,
  submissionNumber: number,
  decided: SubmittedQuestionnaire,
): Promise<Milestone> {
  return recordMilestone(
    { ...deps, ids: { newId: () => submissionMilestoneId(submissionNumber) } },
    { actor, projectId: project.projectId, kind: decided.milestone.kind, date: decided.milestone.date, note: decided.milestone.note },
  );
}
