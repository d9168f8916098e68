import type { QuestionnaireRecord } from './answerRecord';
import { buildExportModel, RETIRED_INTRO, RETIRED_TITLE, type ExportEntry, type ExportOptions } from './exportModel';
import type { QuestionSet } from './questionTypes';

/**
 * The answers as a self-contained HTML page, for printing or attaching.
 *
 * Why every piece of text goes through `escapeHtml`: answers, names and even
 * question text (the set is editable) are untrusted; nothing may become markup.
 */
export function exportHtml(set: QuestionSet, record: QuestionnaireRecord, options: ExportOptions = {}): string {
  const model = buildExportModel(set, record, options);
  const exported = model.exportedAt ? ` Exported ${escapeHtml(model.exportedAt)}.` : '';
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(model.title)}</title>`,
    '<style>body{font-family:Arial,sans-serif;line-height:1.5;max-width:50em;margin:2em auto;padding:0 1em;color:#212b32}dt{font-weight:bold;margin-top:1.2em}dd{margin:0.2em 0 0 0}.meta{color:#4c6272;font-size:0.9em}</style>',
    '</head>',
    '<body>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<p class="meta">Question set version ${model.questionSetVersion}.${exported}</p>`,
    `<p>${escapeHtml(model.notice)}</p>`,
  ];
  for (const section of model.sections) {
    out.push(`<section id="${escapeHtml(section.id)}">`, `<h2>${section.number}. ${escapeHtml(section.title)}</h2>`, '<dl>');
    for (const entry of section.entries) out.push(...renderEntry(entry));
    out.push('</dl>', '</section>');
  }
  if (model.retired.length > 0) {
    out.push('<section id="retired-answers">', `<h2>${RETIRED_TITLE}</h2>`, `<p>${escapeHtml(RETIRED_INTRO)}</p>`, '<dl>');
    for (const entry of model.retired) out.push(...renderEntry(entry));
    out.push('</dl>', '</section>');
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function renderEntry(entry: ExportEntry): string[] {
  const lines = [`<dt>${escapeHtml(entry.question)}</dt>`];
  if (!entry.answer) {
    lines.push(`<dd class="meta">${entry.required ? 'Not answered yet. This question needs an answer before you submit.' : 'Not answered.'}</dd>`);
    return lines;
  }
  const items = entry.answer.lines.map(escapeHtml);
  lines.push(entry.answer.list ? `<dd><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></dd>` : `<dd>${items.join('<br>')}</dd>`);
  const by = `Answered by ${escapeHtml(entry.answeredBy ?? '')}, ${escapeHtml(entry.answeredAt ?? '')}.`;
  lines.push(`<dd class="meta">${entry.note ? `${by} ${escapeHtml(entry.note)}` : by}</dd>`);
  return lines;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
