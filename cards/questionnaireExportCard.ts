import type { ExportFormat, ExportSummary } from '../bot/migration/questionnaire/questionnaireExport';
import { formatWholeNumber } from '../bot/migration/questionnaire/inputParsers';
import { formatUkDate } from '../bot/migration/shared/ukDates';
import template from './templates/questionnaireExport.json';
import { preview } from './itemDetail';
import { count, projectLine } from './questionnaireText';
import { defineTemplate, renderCardJson } from './render';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/** A download link the bot signed, and when it stops working (London time, "14:20"). */
export interface ExportLink {
  readonly format: ExportFormat;
  readonly url: string;
}

export interface ExportCardView {
  readonly summary: ExportSummary;
  /** Empty in a channel: links are only handed out in a personal chat. */
  readonly links: readonly ExportLink[];
  /** When the links stop working, as people read it ("25/11/2026 14:20"). */
  readonly linksExpire?: string;
}

/** What `templates/questionnaireExport.json` binds. */
interface ExportTemplateData {
  readonly projectLine: string;
  readonly summaryLine: string;
  readonly requiredLine: string;
  readonly submissionLine: string;
  readonly preparedLine: string;
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly notes: readonly { readonly kind: string; readonly text: string }[];
  readonly moreNotesLine: string;
  readonly downloadLine: string;
  readonly links: readonly { readonly title: string; readonly url: string }[];
  readonly verbs: typeof Verbs;
  readonly projectId: string;
}

const exportTemplate = defineTemplate<ExportTemplateData>('questionnaireExport', template);

/**
 * A questionnaire can flag a hundred applications; the card names the first few (their text cut short) and says how
 * many more the exported document lists, so it stays within a Teams message's budget.
 */
const NOTES_SHOWN = 12;
const NOTE_PREVIEW = 300;

const FORMAT_TITLES: Readonly<Record<ExportFormat, string>> = {
  markdown: 'Download Markdown',
  html: 'Download HTML',
  csv: 'Download CSV',
};

/**
 * The export summary: how complete the answers are, the figures the rest of
 * the plan leans on, what the answers suggest for the risks log, and the
 * download links. Links are short-lived and work for anyone holding them, so
 * they are only ever put on a card in a personal chat.
 */
export function questionnaireExportCardJson(view: ExportCardView): AdaptiveCardJson {
  const { summary } = view;
  const { progress, overlaps } = summary;
  const last = progress.lastSubmission;
  const facts = [
    ...(overlaps.approximateUsers !== undefined ? [{ title: 'Users', value: formatWholeNumber(overlaps.approximateUsers) }] : []),
    ...(overlaps.newAccounts !== undefined ? [{ title: 'New accounts', value: formatWholeNumber(overlaps.newAccounts) }] : []),
    ...(overlaps.cutover !== undefined ? [{ title: 'Cutover', value: formatUkDate(overlaps.cutover) }] : []),
    ...(overlaps.registrationsPerMonth !== undefined
      ? [{ title: 'Registrations planned', value: `${formatWholeNumber(overlaps.registrationsPerMonth.reduce((n, m) => n + m.planned, 0))} over ${count(overlaps.registrationsPerMonth.length, 'month', 'months')}` }]
      : []),
  ];
  return renderCardJson(exportTemplate, {
    projectLine: projectLine(summary.project),
    summaryLine: `${progress.answered} of ${count(progress.total, 'question', 'questions')} answered`,
    requiredLine:
      progress.requiredOpen.length === 0
        ? 'Every required question is answered.'
        : `${count(progress.requiredOpen.length, 'required question is', 'required questions are')} still open; the export shows which.`,
    submissionLine: last ? `Last submitted on ${formatUkDate(last.date)} by ${last.by.name}.` : '',
    preparedLine: `Prepared ${summary.preparedAt}.`,
    facts,
    notes: overlaps.notes.slice(0, NOTES_SHOWN).map((n) => ({ kind: n.kind === 'risk' ? 'Risk' : 'Checklist note', text: preview(n.text, NOTE_PREVIEW) })),
    moreNotesLine:
      overlaps.notes.length > NOTES_SHOWN ? `And ${count(overlaps.notes.length - NOTES_SHOWN, 'more', 'more')}: the exported document lists every one in full.` : '',
    downloadLine:
      view.links.length === 0
        ? 'To download the answers, type export questionnaire to me in our personal chat: download links are only sent there.'
        : `Download every answer as a document for the pipeline team. The links work until ${view.linksExpire ?? 'they expire'}; anyone with a link can open it, so do not forward them.`,
    links: view.links.map((l) => ({ title: FORMAT_TITLES[l.format], url: l.url })),
    verbs: Verbs,
    projectId: summary.project.projectId,
  });
}
