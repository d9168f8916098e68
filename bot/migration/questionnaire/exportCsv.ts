import type { QuestionnaireRecord } from './answerRecord';
import { buildExportModel, RETIRED_TITLE, type ExportEntry } from './exportModel';
import { answerText } from './formatAnswer';
import type { QuestionSet } from './questionTypes';

/**
 * The answers as CSV, one row per question, for spreadsheets.
 *
 * Why these rules: RFC 4180 quoting and CRLF line ends so any reader agrees
 * where cells end; a byte order mark so Excel reads UTF-8 ("Ysbyty Gwynedd –
 * Bangor") correctly; and a quote before anything that starts like a formula
 * (=, +, -, @, tab, carriage return), so an answer can never run as a formula
 * when the file is opened (CSV injection).
 */

export const CSV_HEADER = ['section', 'question_id', 'question', 'answer', 'answered_by', 'answered_at'] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';

export function exportCsv(set: QuestionSet, record: QuestionnaireRecord): string {
  const model = buildExportModel(set, record);
  const rows: (readonly string[])[] = [CSV_HEADER];
  for (const section of model.sections) {
    for (const entry of section.entries) rows.push(row(section.title, entry, entry.question));
  }
  for (const entry of model.retired) rows.push(row(RETIRED_TITLE, entry, `${entry.question} (retired)`));
  return BOM + rows.map((cells) => cells.map(csvCell).join(',')).join(CRLF) + CRLF;
}

function row(section: string, entry: ExportEntry, question: string): readonly string[] {
  return [section, entry.questionId, question, entry.answer ? answerText(entry.answer) : '', entry.answeredBy ?? '', entry.answeredAt ?? ''];
}

/** One cell: formula-guarded, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
