import type { QuestionnaireRecord, StoredAnswer } from './answerRecord';
import { findQuestion } from './questionLookup';
import type { QuestionSet } from './questionTypes';

/**
 * Answers that no longer belong to a current question.
 *
 * Why kept: they were given to NHS Digital's pipeline team or to the project
 * in good faith; a new question set must never silently lose them. They are
 * shown apart, with the question as it was worded then.
 */

export type RetiredReason = 'question-removed' | 'question-changed';

export interface RetiredAnswer {
  readonly answer: StoredAnswer;
  readonly reason: RetiredReason;
}

/** Sorted by question id, then by when they were given, so exports are stable. */
export function retiredAnswers(set: QuestionSet, record: QuestionnaireRecord): readonly RetiredAnswer[] {
  const retired: RetiredAnswer[] = record.displaced.map((answer) => ({ answer, reason: 'question-changed' }));
  for (const answer of Object.values(record.answers)) {
    const question = findQuestion(set, answer.questionId);
    if (!question) retired.push({ answer, reason: 'question-removed' });
    else if (question.type !== answer.value.type) retired.push({ answer, reason: 'question-changed' });
  }
  return retired.sort(
    (a, b) => compare(a.answer.questionId, b.answer.questionId) || compare(a.answer.answeredAt, b.answer.answeredAt),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
