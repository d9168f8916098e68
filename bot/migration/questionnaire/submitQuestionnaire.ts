import type { IsoTimestamp, Milestone, PersonRef } from '../gateways/gatewayState';
import { InvalidState, ValidationFailed } from '../shared/errors';
import { formatUkDate, todayInLondon } from '../shared/ukDates';
import type { QuestionnaireRecord, QuestionnaireSubmission } from './answerRecord';
import { questionnaireProgress } from './progress';
import type { QuestionSet } from './questionTypes';

/**
 * Marking the questionnaire as sent to NHS Digital's pipeline team.
 *
 * Why refuse with the open questions listed: the pipeline team plans the
 * organisation's slot from these answers, so a gap costs a round trip; the
 * person sees exactly what is left. Submitting again is allowed (answers
 * change as the project learns) but only when something did change.
 */

export interface SubmittedQuestionnaire {
  readonly record: QuestionnaireRecord;
  readonly submission: QuestionnaireSubmission;
  /** For the gateway's milestones; the caller gives it an id. */
  readonly milestone: Omit<Milestone, 'id'>;
}

export function submitQuestionnaire(set: QuestionSet, record: QuestionnaireRecord, by: PersonRef, at: IsoTimestamp): SubmittedQuestionnaire {
  const progress = questionnaireProgress(set, record);
  if (progress.requiredOpen.length > 0) {
    throw new ValidationFailed(
      progress.requiredOpen.map((q) => ({ field: q.questionId, message: `"${q.text}" still needs an answer.` })),
      'Answer these questions, then submit again.',
    );
  }
  const last = progress.lastSubmission;
  if (last && !progress.changedSinceSubmission) {
    throw new InvalidState(`These answers were already submitted on ${formatUkDate(last.date)} and nothing has changed since.`);
  }

  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a valid timestamp: ${at}`);
  const date = todayInLondon(instant);
  const submission: QuestionnaireSubmission = { by, at, date, questionSetVersion: set.version, revision: record.revision };
  return {
    record: { ...record, submissions: [...record.submissions, submission] },
    submission,
    milestone: {
      kind: 'questionnaire-submitted',
      date,
      note: last ? 'Discovery questionnaire submitted again with updated answers.' : 'Discovery questionnaire submitted to the pipeline team.',
      recordedBy: by,
    },
  };
}
