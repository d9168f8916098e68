import type { QuestionnaireRecord } from './answerRecord';
import { buildExportModel, RETIRED_INTRO, RETIRED_TITLE, type ExportEntry, type ExportOptions } from './exportModel';
import type { QuestionSet } from './questionTypes';

/**
 * The answers as a Markdown document, one heading per section and question.
 *
 * Why escape: answers are typed by people and may contain `*`, `#`, `<` or a
 * leading "-" or "1."; escaped, they show as typed instead of turning into
 * formatting, links or HTML when the document is rendered.
 */
export function exportMarkdown(set: QuestionSet, record: QuestionnaireRecord, options: ExportOptions = {}): string {
  const model = buildExportModel(set, record, options);
  const out: string[] = [`# ${escapeMarkdown(model.title)}`];
  const exported = model.exportedAt ? ` Exported ${model.exportedAt}.` : '';
  out.push(`Question set version ${model.questionSetVersion}.${exported}`);
  out.push(escapeMarkdown(model.notice));

  for (const section of model.sections) {
    out.push(`## ${section.number}. ${escapeMarkdown(section.title)}`);
    for (const entry of section.entries) out.push(...renderEntry(entry));
  }
  if (model.retired.length > 0) {
    out.push(`## ${RETIRED_TITLE}`, RETIRED_INTRO);
    for (const entry of model.retired) out.push(...renderEntry(entry));
  }
  return `${out.join('\n\n')}\n`;
}

function renderEntry(entry: ExportEntry): string[] {
  const blocks = [`### ${escapeMarkdown(entry.question)}`];
  if (!entry.answer) {
    blocks.push(entry.required ? '*Not answered yet. This question needs an answer before you submit.*' : '*Not answered.*');
    return blocks;
  }
  const lines = entry.answer.lines.map(escapeMarkdown);
  // A backslash at the end of a line is a hard line break in CommonMark.
  blocks.push(entry.answer.list ? lines.map((l) => `- ${l}`).join('\n') : lines.join('\\\n'));
  const by = `Answered by ${escapeMarkdown(entry.answeredBy ?? '')}, ${entry.answeredAt ?? ''}.`;
  blocks.push(entry.note ? `${by} ${escapeMarkdown(entry.note)}` : by);
  return blocks;
}

/** Backslash-escapes characters that would format text, and line starts that would make a heading or list. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
        .replace(/^(\s*)([#+=-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}
