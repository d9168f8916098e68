import type { GatewayCatalogue } from '../gateways/catalogueTypes';
import { formatUkDate, formatUkDateTime, type IsoDate } from '../shared/ukDates';
import { RISK_CATEGORY_LABELS, type RiskEntry } from './riskEntry';
import { describeRiskLink } from './riskLinks';
import { RAG_LABELS } from './riskScore';
import type { RiskSettings } from './riskSettings';
import { viewRisk } from './riskView';

/**
 * The log as spreadsheet rows, one per entry, in list order.
 *
 * Why rows and a writer: which characters make a cell dangerous (formula
 * injection) and how cells are quoted is the CSV library's job (see
 * bot/exports/csvStringifyWriter.ts, `csv-stringify` with `escape_formulas`), while what goes in
 * each column is the log's. Keeping them apart lets the rows be tested as data.
 */

export const RISK_CSV_HEADER = [
  'Reference',
  'Type',
  'Title',
  'Description',
  'Category',
  'Likelihood',
  'Impact',
  'Score',
  'RAG',
  'Status',
  'Owner',
  'Mitigation',
  'Actions',
  'Linked to',
  'Review date',
  'Review overdue',
  'Escalated',
  'Escalation reason',
  'Closed because',
  'Source',
  'Added by',
  'Added',
  'Last changed',
] as const;

export type CsvRow = readonly string[];

/** Turns rows into a file's text; the only implementation escapes formulas (bot/exports/csvStringifyWriter.ts). */
export interface CsvWriter {
  write(rows: readonly CsvRow[]): string;
}

const STATUS_LABELS: Readonly<Record<RiskEntry['status'], string>> = { open: 'Open', mitigating: 'Mitigating', closed: 'Closed' };

export function riskCsvRows(
  entries: readonly RiskEntry[],
  context: { readonly catalogue: GatewayCatalogue; readonly settings: Pick<RiskSettings, 'redScore' | 'amberScore'>; readonly today: IsoDate },
): readonly CsvRow[] {
  const rows: CsvRow[] = [RISK_CSV_HEADER];
  for (const entry of entries) {
    const view = viewRisk(entry, context.settings, context.today);
    rows.push([
      entry.riskId,
      entry.type === 'risk' ? 'Risk' : 'Issue',
      entry.title,
      entry.description,
      RISK_CATEGORY_LABELS[entry.category],
      String(entry.likelihood),
      String(entry.impact),
      String(view.score),
      RAG_LABELS[view.rag],
      STATUS_LABELS[entry.status],
      entry.owner.name,
      entry.mitigation,
      entry.actions,
      entry.link ? describeRiskLink(context.catalogue, entry.link) : '',
      formatUkDate(entry.reviewDate),
      view.reviewOverdue ? 'Yes' : 'No',
      entry.escalation.escalated ? 'Yes' : 'No',
      entry.escalation.escalated ? (entry.escalation.reason ?? '') : '',
      entry.closure?.reason ?? '',
      entry.source ? 'Suggested by the questionnaire' : '',
      entry.createdBy.name,
      formatUkDateTime(entry.createdAt),
      formatUkDateTime(entry.updatedAt),
    ]);
  }
  return rows;
}
