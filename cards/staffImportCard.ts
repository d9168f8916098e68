import { WARNING_LABELS } from '../bot/migration/staff/import/importPlan';
import type { ImportProgress } from '../bot/migration/staff/import/importStaffList';
import type { StaffImportRecord } from '../bot/migration/staff/import/staffImportStore';
import { ENCODING_LABELS } from '../bot/migration/staff/import/fileEncoding';
import { formatUkDateTime } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { actionSet, cut, execute, facts, heading, openUrl, rolloutCard, subheading, text, type Element } from './rolloutCardParts';
import { teamsMessageBytes } from './teamsMessageSize';
import { Verbs } from './verbs';

/**
 * The staff import's cards: one message that says "Importing…", is updated in place with its progress, and ends as
 * the report (or the reason the file was refused). A report can hold thousands of rejections and warnings, so the
 * lists are filled only up to a budget well under Teams' 80 KB recommendation; the rest are counted and are in the
 * CSV behind the report's link.
 */

/** What the lists on the report may weigh (as Teams counts it), leaving room for the rest of the card. */
export const REPORT_LISTS_BUDGET_BYTES = 50 * 1024;
/** Missing people named on the card; the CSV has them all. */
const MISSING_NAMED = 100;

export type ImportStage = ImportProgress | { readonly phase: 'downloading' };

export function importProgressCardJson(fileName: string, stage: ImportStage): AdaptiveCardJson {
  const line = (() => {
    switch (stage.phase) {
      case 'downloading':
        return 'Downloading the file…';
      case 'reading':
        return 'Reading and checking every row…';
      case 'staging':
        return `Saving the changes aside: ${stage.done.toLocaleString('en-GB')} of ${stage.total.toLocaleString('en-GB')}…`;
      case 'applying':
        return `Updating the staff list: ${stage.done.toLocaleString('en-GB')} of ${stage.total.toLocaleString('en-GB')} people…`;
    }
  })();
  return rolloutCard('staff-import-progress', [
    heading(`Importing ${cut(fileName, 80)}…`),
    text(line),
    text('This message updates itself as the import goes on, and ends with the report. Nothing is visible on the staff list until the whole file is saved.', { isSubtle: true, size: 'Small' }),
  ]);
}

export function importRefusedCardJson(fileName: string, reason: string): AdaptiveCardJson {
  return rolloutCard('staff-import-refused', [heading(`${cut(fileName, 80)} was not imported`), text(reason)]);
}

export function importBusyCardJson(fileName: string): AdaptiveCardJson {
  return rolloutCard('staff-import-refused', [
    heading(`${cut(fileName, 80)} was not imported`),
    text('Another staff file for this project is being imported now. When its report arrives, send this one again.'),
  ]);
}

/** Told after a restart rolled an import back. */
export function importStoppedCardJson(fileName: string): AdaptiveCardJson {
  return rolloutCard('staff-import-stopped', [
    heading(`The import of ${cut(fileName, 80)} was stopped`),
    text(`The import of ${cut(fileName, 80)} was stopped by a restart and nothing from it was saved; please send it again.`),
  ]);
}

/** `import staff`: the signed upload page behind a button; `personal` adds that the file can simply be sent here. */
export function uploadLinkCardJson(link: { readonly url: string; readonly expiresAt: Date }, personal: boolean): AdaptiveCardJson {
  return rolloutCard('staff-upload-link', [
    heading('Upload the staff list'),
    text('Open the page, choose the CSV file (Excel: File, Save As, "CSV UTF-8") and send it. The report comes back here as a card.'),
    ...(personal ? [text('You can also just send the file to me in this chat.', { isSubtle: true })] : []),
    text(`The link is for you alone and works until ${formatUkDateTime(link.expiresAt)}.`, { isSubtle: true, size: 'Small' }),
    actionSet([openUrl('Open the upload page', link.url)]),
  ]);
}

export interface ReportCardInput {
  readonly record: StaffImportRecord;
  /** The PM or an LA: offered the button that removes the people missing from this file. */
  readonly canRemoveMissing: boolean;
  /** The CSV of the whole report (personal chats only). */
  readonly csv?: { readonly url: string; readonly expiresAt: Date };
  readonly message?: string;
}

export function importReportCardJson(input: ReportCardInput): AdaptiveCardJson {
  const { record } = input;
  const report = record.report;
  const body: Element[] = [heading(`Staff list imported from ${cut(record.fileName, 80)}`)];
  if (input.message !== undefined) body.push(text(input.message, { weight: 'Bolder', color: 'Good' }));
  if (!report) return rolloutCard('staff-import-report', [...body, text('This import has no report.')]);
  const { counts } = report;
  body.push(
    facts([
      ['Rows read', counts.rows.toLocaleString('en-GB')],
      ['Added', counts.added.toLocaleString('en-GB')],
      ['Updated', counts.updated.toLocaleString('en-GB')],
      ['Unchanged', counts.unchanged.toLocaleString('en-GB')],
      ['Rejected', counts.rejected.toLocaleString('en-GB')],
      ['Warnings', report.kept.warningsTotal.toLocaleString('en-GB')],
      ['Not in this file', counts.missing.toLocaleString('en-GB')],
    ]),
    text(`Read as ${ENCODING_LABELS[report.encoding]}.${report.ignoredColumns.length > 0 ? ` Columns not used: ${report.ignoredColumns.map((c) => cut(c, 40)).join(', ')}.` : ''}`, { isSubtle: true, size: 'Small' }),
  );
  let budget = REPORT_LISTS_BUDGET_BYTES;
  const list = (title: string, lines: readonly string[], total: number): void => {
    if (total === 0) return;
    body.push(subheading(title));
    let shown = 0;
    for (const line of lines) {
      const element = text(cut(line, 300), { spacing: 'None', size: 'Small' });
      const bytes = teamsMessageBytes(element);
      if (bytes > budget) break;
      budget -= bytes;
      body.push(element);
      shown += 1;
    }
    if (shown < total) body.push(text(`and ${(total - shown).toLocaleString('en-GB')} more: ${input.csv ? 'see the CSV of the report' : 'ask for the report in a personal chat with me'}.`, { isSubtle: true, size: 'Small' }));
  };
  list(
    'Rejected rows (not imported)',
    report.rejections.map((r) => `Line ${r.line}${r.localId === undefined ? '' : ` (${r.localId})`}: ${r.reasons.join('; ')}`),
    counts.rejected,
  );
  list(
    'Warnings (imported, but check them)',
    report.warnings.map((w) => `Line ${w.line} (${w.localId}): ${WARNING_LABELS[w.kind]}. ${w.detail}`),
    report.kept.warningsTotal,
  );
  const actions: Element[] = [];
  if (counts.missing > 0) {
    body.push(subheading(`${counts.missing.toLocaleString('en-GB')} ${counts.missing === 1 ? 'person is' : 'people are'} on the staff list but not in this file`));
    const named = report.missing.slice(0, MISSING_NAMED).join(', ');
    body.push(text(`${named}${counts.missing > MISSING_NAMED ? ' …' : ''}`, { size: 'Small' }));
    if (record.missingRemovedAt !== undefined) body.push(text(`They were removed on ${formatUkDateTime(record.missingRemovedAt)}.`, { isSubtle: true }));
    else {
      body.push(text('They are kept until you remove them: they may have left, or been left out of the file by mistake.', { isSubtle: true, size: 'Small' }));
      if (input.canRemoveMissing && record.state === 'done' && report.kept.missing === counts.missing) {
        actions.push(execute(`Remove these ${counts.missing.toLocaleString('en-GB')} people`, Verbs.staffImportRemoveMissing, { projectId: record.projectId, importId: record.importId }));
      }
    }
  }
  if (input.csv) {
    body.push(text(`The whole report as CSV, for you only, until ${formatUkDateTime(input.csv.expiresAt)}.`, { isSubtle: true, size: 'Small' }));
    actions.push(openUrl('Download the report (CSV)', input.csv.url));
  }
  if (actions.length > 0) body.push(actionSet(actions));
  return rolloutCard('staff-import-report', body);
}

/** `delete project`: what goes, named, and one button. */
export function deleteProjectCardJson(project: { readonly projectId: string; readonly organisationName: string; readonly odsCode: string }, message?: string): AdaptiveCardJson {
  const name = `${cut(project.organisationName, 120)} (${project.odsCode})`;
  return rolloutCard('delete-project', [
    heading(`Delete ${name}?`),
    ...(message === undefined ? [] : [text(message, { weight: 'Bolder' })]),
    text(`This deletes everything Gateway holds for ${name}: the project, its gateways and checklists, the questionnaire, risks and issues, the staff list with everyone's history, the roll-out groups, imports and reminders. It cannot be undone.`),
    text('Export anything you need to keep first (export questionnaire, export risks).', { isSubtle: true }),
    actionSet([execute(`Delete ${name}`, Verbs.projectDelete, { projectId: project.projectId, odsCode: project.odsCode }, { style: 'destructive' })]),
  ]);
}
