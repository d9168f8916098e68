import type { PersonRef } from '../gateways/gatewayState';
import { liveAnswer, sectionVersion, type QuestionnaireRecord, type QuestionnaireSubmission, type StoredAnswer } from './answerRecord';
import type { QuestionSet } from './questionTypes';
import { isRequired } from './requirements';
import { retiredAnswers, type RetiredAnswer } from './retiredAnswers';

/**
 * Where the questionnaire has got to: per section, what is still needed and
 * who answered what.
 *
 * Why sections can be half done: different people know different answers
 * (the Exchange admin, the project manager, HR), so each section is filled
 * in over days. A section is complete when none of its required questions
 * (including those required by an earlier answer) is open; a section with no
 * required questions is therefore complete from the start.
 */

export interface QuestionStatus {
  readonly questionId: string;
  readonly text: string;
  /** Required now, given the other answers. */
  readonly required: boolean;
  readonly answer?: StoredAnswer;
}

export interface OpenQuestion {
  readonly questionId: string;
  readonly sectionId: string;
  readonly text: string;
}

export interface SectionProgress {
  readonly sectionId: string;
  readonly title: string;
  readonly questions: readonly QuestionStatus[];
  readonly answered: number;
  readonly total: number;
  readonly requiredOpen: readonly OpenQuestion[];
  readonly complete: boolean;
  readonly version: number;
}

export interface Contributor {
  readonly person: PersonRef;
  readonly answers: number;
}

export interface QuestionnaireProgress {
  readonly sections: readonly SectionProgress[];
  readonly answered: number;
  readonly total: number;
  /** Every required question still open, in questionnaire order. */
  readonly requiredOpen: readonly OpenQuestion[];
  readonly complete: boolean;
  readonly retired: readonly RetiredAnswer[];
  /** Who gave the current answers, most answers first, then by name. */
  readonly contributors: readonly Contributor[];
  readonly lastSubmission?: QuestionnaireSubmission;
  /** True when answers changed after the last submission, so it may need sending again. */
  readonly changedSinceSubmission: boolean;
}

export function questionnaireProgress(set: QuestionSet, record: QuestionnaireRecord): QuestionnaireProgress {
  const sections = set.sections.map((section): SectionProgress => {
    const questions = section.questions.map((question): QuestionStatus => {
      const answer = liveAnswer(record, question);
      return { questionId: question.id, text: question.text, required: isRequired(set, record, question), ...(answer ? { answer } : {}) };
    });
    const requiredOpen = questions
      .filter((q) => q.required && !q.answer)
      .map((q) => ({ questionId: q.questionId, sectionId: section.id, text: q.text }));
    return {
      sectionId: section.id,
      title: section.title,
      questions,
      answered: questions.filter((q) => q.answer).length,
      total: questions.length,
      requiredOpen,
      complete: requiredOpen.length === 0,
      version: sectionVersion(record, section.id),
    };
  });

  const requiredOpen = sections.flatMap((s) => s.requiredOpen);
  const lastSubmission = record.submissions[record.submissions.length - 1];
  return {
    sections,
    answered: sections.reduce((n, s) => n + s.answered, 0),
    total: sections.reduce((n, s) => n + s.total, 0),
    requiredOpen,
    complete: requiredOpen.length === 0,
    retired: retiredAnswers(set, record),
    contributors: contributors(sections),
    ...(lastSubmission ? { lastSubmission } : {}),
    changedSinceSubmission: lastSubmission !== undefined && lastSubmission.revision !== record.revision,
  };
}

function contributors(sections: readonly SectionProgress[]): Contributor[] {
  const byId = new Map<string, { person: PersonRef; answers: number }>();
  for (const status of sections.flatMap((s) => s.questions)) {
    if (!status.answer) continue;
    const person = status.answer.answeredBy;
    const entry = byId.get(person.id) ?? { person, answers: 0 };
    entry.answers += 1;
    byId.set(person.id, entry);
  }
  return [...byId.values()].sort((a, b) => b.answers - a.answers || a.person.name.localeCompare(b.person.name, 'en-GB'));
}
