import { getSection } from './questionLookup';
import type { QuestionSet } from './questionTypes';
import type { TypedAnswer } from './answerTypes';
import { validateAnswer } from './validateAnswer';

/**
 * Checks everything one section's card sent.
 *
 * Why partial results: a section is saved as people go, so one wrong field
 * must not throw away the rest. The caller saves `valid` and `cleared` and
 * shows `errors` next to their fields.
 *
 * What empty means:
 * - a question missing from `rawInputs` (or `undefined`) was not on the card:
 *   it is left alone;
 * - an empty input (blank text, null, an empty list, no choice picked) means
 *   "no answer" and is returned in `cleared`, so an answer that was there is
 *   removed. That holds for required questions too: forcing a value would push
 *   people to type placeholders, and the questionnaire cannot be submitted
 *   while a required question is open anyway.
 */

export interface SectionErrors {
  readonly questionId: string;
  readonly message: string;
}

export interface SectionValidation {
  readonly sectionId: string;
  readonly valid: Readonly<Record<string, TypedAnswer>>;
  /** Questions submitted empty: their answers, if any, are to be removed. */
  readonly cleared: readonly string[];
  readonly errors: readonly SectionErrors[];
}

/** Throws NotFound for an unknown section; ignores inputs that are not questions of the section (verbs, ids). */
export function validateSection(set: QuestionSet, sectionId: string, rawInputs: Readonly<Record<string, unknown>>): SectionValidation {
  const section = getSection(set, sectionId);
  const valid: Record<string, TypedAnswer> = {};
  const cleared: string[] = [];
  const errors: SectionErrors[] = [];
  for (const question of section.questions) {
    if (!Object.hasOwn(rawInputs, question.id) || rawInputs[question.id] === undefined) continue;
    const check = validateAnswer(question, rawInputs[question.id]);
    if (check.outcome === 'answer') valid[question.id] = check.answer;
    else if (check.outcome === 'blank') cleared.push(question.id);
    else errors.push({ questionId: question.id, message: check.message });
  }
  return { sectionId, valid, cleared, errors };
}
