import type { ItemAuditEntry } from '../bot/migration/gateways/gatewayState';
import { formatUkDate, formatUkDateTime, isIsoDate } from '../bot/migration/shared/ukDates';
import { STATUS_WORDS } from './labels';

/**
 * Item audit entries as sentences, shared by the item card's "Recent changes" and the full history card.
 *
 * Why here and not in the domain: the audit keeps raw values ("not-applicable", "2026-11-20") so it stays exact;
 * turning them into words and UK dates is a presentation choice.
 */

export interface ChangeLine {
  /** What changed, e.g. "Status: Open → Done". */
  readonly change: string;
  /** Who and when, e.g. "Aisha Khan, 18/11/2026 15:31". */
  readonly byLine: string;
}

export function describeChange(entry: ItemAuditEntry): ChangeLine {
  return { change: changeText(entry), byLine: `${entry.by.name}, ${formatUkDateTime(entry.at)}` };
}

/** Newest first: people open a history to see what just happened. Equal timestamps keep their recorded order reversed. */
export function newestFirst<T extends { readonly at: string }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at.localeCompare(a.entry.at) || b.index - a.index)
    .map(({ entry }) => entry);
}

function changeText(entry: ItemAuditEntry): string {
  switch (entry.field) {
    case 'status':
      return `Status: ${statusWord(entry.before)} → ${statusWord(entry.after)}`;
    case 'naReason':
      if (entry.after === null) return 'Reason it does not apply: removed';
      return entry.before === null
        ? `Reason it does not apply: “${entry.after}”`
        : `Reason it does not apply: “${entry.before}” → “${entry.after}”`;
    case 'owner':
      return `Owner: ${entry.before ?? 'nobody'} → ${entry.after ?? 'nobody'}`;
    case 'due':
      return `Due date: ${dateWords(entry.before)} → ${dateWords(entry.after)}`;
    case 'notes':
      return `Note added: “${entry.after ?? ''}”`;
    case 'evidence':
      return `Link added: ${entry.after ?? ''}`;
  }
}

/** A map, not an index into the record: audit values are stored strings, and "constructor" must not match. */
const STATUS_BY_VALUE: ReadonlyMap<string, string> = new Map(Object.entries(STATUS_WORDS));

function statusWord(value: string | null): string {
  if (value === null) return STATUS_WORDS.open;
  return STATUS_BY_VALUE.get(value) ?? value;
}

function dateWords(value: string | null): string {
  if (value === null) return 'none';
  return isIsoDate(value) ? formatUkDate(value) : value;
}
