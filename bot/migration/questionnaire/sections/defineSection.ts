import type { Question, QuestionDraft, QuestionSection } from '../questionTypes';

/**
 * Builds a section, stamping its id on each question.
 *
 * Why: every question carries its `sectionId` (answers and errors are handed
 * around without their section), but writing it forty times invites typos.
 */
export function defineSection(id: string, title: string, guideSections: readonly string[], drafts: readonly QuestionDraft[]): QuestionSection {
  const questions: Question[] = drafts.map((draft) => ({ ...draft, sectionId: id }));
  return { id, title, guideSections, questions };
}
