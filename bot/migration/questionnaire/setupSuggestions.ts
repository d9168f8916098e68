import type { Project } from '../projects/project';
import { liveAnswer, type QuestionnaireRecord } from './answerRecord';
import { answerAsInput } from './questionnaireCardValues';
import type { QuestionFeed, QuestionSection } from './questionTypes';
import { validateAnswer } from './validateAnswer';

/** A question's suggested input value, as the card shows and sends it back. */
export type SetupSuggestions = Readonly<Record<string, string | number>>;

/**
 * What set-up already told us, offered on the unanswered questions it answers (the organisation, its ODS code, the
 * numbers, the method, the phasing, the cutover), so nobody types them twice.
 *
 * Why only suggested: a suggestion is shown in the field but saved only when someone presses Save, which is when
 * a person has seen it; and only unanswered questions get one, so a real answer is never overwritten. A value the
 * question would refuse (an edited set with other choices, a date out of its range) is left out, not forced in.
 */
export function setupSuggestions(section: QuestionSection, record: QuestionnaireRecord, project: Project): SetupSuggestions {
  const known: Readonly<Partial<Record<QuestionFeed, string | number>>> = {
    organisationName: project.organisationName,
    odsCode: project.odsCode,
    approximateUsers: project.approximateUsers,
    newAccounts: project.newAccounts,
    migrationMethod: project.method,
    phasing: project.phasing,
    cutover: project.plannedCutover,
  };
  const suggestions: Record<string, string | number> = {};
  for (const question of section.questions) {
    const value = question.feeds === undefined ? undefined : known[question.feeds];
    if (value === undefined || liveAnswer(record, question) !== undefined) continue;
    const check = validateAnswer(question, value);
    if (check.outcome === 'answer') suggestions[question.id] = answerAsInput(check.answer);
  }
  return suggestions;
}
