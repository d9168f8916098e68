import type { IsoTimestamp } from '../gateways/gatewayState';
import { formatUkDateTime } from '../shared/ukDates';
import { liveAnswer, type QuestionnaireRecord, type StoredAnswer } from './answerRecord';
import { formatAnswer, type AnswerDisplay } from './formatAnswer';
import { deriveOverlaps } from './overlaps';
import { findQuestion } from './questionLookup';
import type { Question, QuestionSet } from './questionTypes';
import { isRequired } from './requirements';
import { retiredAnswers } from './retiredAnswers';

/**
 * Everything an export shows, worked out once.
 *
 * Why a model: Markdown, HTML and CSV must say the same thing, in the same
 * order, with the same dates; only the markup differs. Nothing here reads the
 * clock: the export time is passed in (or left out), so an export of the same
 * answers is the same bytes every time and can be checked against a file.
 */

export interface ExportOptions {
  /** When the export was made; omitted from the document when not given. */
  readonly exportedAt?: IsoTimestamp;
  /** Defaults to "Discovery questionnaire", with the organisation's name if answered. */
  readonly title?: string;
}

export interface ExportEntry {
  readonly questionId: string;
  readonly question: string;
  readonly required: boolean;
  readonly answer?: AnswerDisplay;
  readonly answeredBy?: string;
  /** London time, e.g. "25/11/2026 14:05". */
  readonly answeredAt?: string;
  /** For retired answers: why they are kept apart. */
  readonly note?: string;
}

export interface ExportSection {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly entries: readonly ExportEntry[];
}

export interface ExportModel {
  readonly title: string;
  readonly questionSetVersion: number;
  readonly notice: string;
  readonly exportedAt?: string;
  readonly sections: readonly ExportSection[];
  readonly retired: readonly ExportEntry[];
}

export const RETIRED_TITLE = 'Retired answers';
export const RETIRED_INTRO = 'These answers were given to questions that have since been removed or changed. They are kept for the record.';

export function buildExportModel(set: QuestionSet, record: QuestionnaireRecord, options: ExportOptions = {}): ExportModel {
  const organisation = deriveOverlaps(set, record).organisationName;
  const sections = set.sections.map(
    (section, index): ExportSection => ({
      id: section.id,
      number: index + 1,
      title: section.title,
      entries: section.questions.map((question) => entry(question, liveAnswer(record, question), isRequired(set, record, question))),
    }),
  );
  const retired = retiredAnswers(set, record).map(({ answer, reason }) => {
    const question = findQuestion(set, answer.questionId);
    const sameType = question?.type === answer.value.type ? question : undefined;
    const why = reason === 'question-removed' ? 'the question has since been removed' : 'the question has since changed';
    return {
      ...entry(sameType, answer, false, answer.questionText),
      note: `Given under question set version ${answer.questionSetVersion}; ${why}.`,
    };
  });
  return {
    title: options.title ?? (organisation ? `Discovery questionnaire: ${organisation}` : 'Discovery questionnaire'),
    questionSetVersion: set.version,
    notice: set.notice,
    ...(options.exportedAt ? { exportedAt: formatUkDateTime(options.exportedAt) } : {}),
    sections,
    retired,
  };
}

function entry(question: Question | undefined, answer: StoredAnswer | undefined, required: boolean, text?: string): ExportEntry {
  return {
    questionId: question?.id ?? answer?.questionId ?? '',
    question: text ?? question?.text ?? '',
    required,
    ...(answer
      ? { answer: formatAnswer(answer.value, question), answeredBy: answer.answeredBy.name, answeredAt: formatUkDateTime(answer.answeredAt) }
      : {}),
  };
}
