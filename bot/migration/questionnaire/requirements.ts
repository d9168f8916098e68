import { liveAnswer, type QuestionnaireRecord } from './answerRecord';
import { findQuestion } from './questionLookup';
import type { Question, QuestionSet } from './questionTypes';

/**
 * Whether a question must be answered, given the answers so far.
 *
 * Why conditional: "Which systems are they?" only needs an answer after
 * "yes, systems send email"; demanding it otherwise would make people type
 * "none" to be allowed to submit.
 */
export function isRequired(set: QuestionSet, record: QuestionnaireRecord, question: Question): boolean {
  if (question.required) return true;
  const condition = question.requiredWhen;
  if (!condition) return false;
  const target = findQuestion(set, condition.questionId);
  const answer = target ? liveAnswer(record, target)?.value : undefined;
  if (!answer) return false;
  if (answer.type === 'yes-no' || answer.type === 'choice') return answer.value === condition.equals;
  if (answer.type === 'multi-choice') return typeof condition.equals === 'string' && answer.value.includes(condition.equals);
  return false;
}
