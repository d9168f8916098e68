import { NotFound } from '../shared/errors';
import type { Question, QuestionSection, QuestionSet } from './questionTypes';

/** Finding sections and questions in whichever question set a project uses. */

/** Every question, in the order people see them. */
export function allQuestions(set: QuestionSet): readonly Question[] {
  return set.sections.flatMap((s) => s.questions);
}

export function findQuestion(set: QuestionSet, questionId: string): Question | undefined {
  for (const section of set.sections) {
    const found = section.questions.find((q) => q.id === questionId);
    if (found) return found;
  }
  return undefined;
}

/** Throws {@link NotFound} for an unknown id: the card that asked for it is older than the question set. */
export function getSection(set: QuestionSet, sectionId: string): QuestionSection {
  const found = set.sections.find((s) => s.id === sectionId);
  if (!found) throw new NotFound('questionnaire section', sectionId, 'The questionnaire may have changed: open it again.');
  return found;
}

/** The first question that feeds `feed`, so the rest of the product does not depend on question ids. */
export function questionFeeding(set: QuestionSet, feed: NonNullable<Question['feeds']>): Question | undefined {
  return allQuestions(set).find((q) => q.feeds === feed);
}
