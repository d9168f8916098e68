import type { StageNumber } from '../bot/migration/gateways/catalogueTypes';
import type { ItemAuditEntry } from '../bot/migration/gateways/gatewayState';
import { describeChange, newestFirst, type ChangeLine } from './itemChanges';
import { plural } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/itemHistory.json';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/**
 * Hundreds of changes build up on a busy item, and one change can be 2,000 characters (an evidence link) or two
 * reasons of 500: a card takes the newest changes that fit well inside a Teams message (at most `MAX_CHANGES_SHOWN`)
 * and an "Older changes" button carries on from there.
 */
export const MAX_CHANGES_SHOWN = 20;
/** Room for the listed changes, as Teams counts them (UTF-16), leaving the rest of the budget for the card around them. */
const CHANGES_BUDGET_BYTES = 50 * 1024;
/** A change's share of the card beyond its two texts: the container and text block JSON. */
const CHANGE_OVERHEAD_CHARACTERS = 220;

/** Which changes a history card shows: all, or only notes and evidence links (the item card's "older notes"). */
export type HistoryFilter = 'all' | 'notes';

export interface ItemHistoryView {
  /** How many of the newest (filtered) changes to pass over: the "Older changes" button's position. */
  readonly offset?: number;
  readonly show?: HistoryFilter;
}

/** Where the back buttons go: the item's own card and its gateway's checklist (at the item's section). */
export interface ItemHistoryBack {
  readonly projectId: string;
  readonly stage: StageNumber;
  readonly itemId: string;
  readonly section?: string;
}

/** What `templates/itemHistory.json` binds. */
interface ItemHistoryTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly stage: StageNumber;
  readonly itemId: string;
  readonly section: string;
  readonly itemTitle: string;
  readonly heading: string;
  readonly summaryLine: string;
  readonly changes: readonly ChangeLine[];
  readonly show: HistoryFilter;
  readonly olderOffset: number;
  readonly hasOlder: boolean;
  readonly hasNewer: boolean;
  readonly otherFilter: HistoryFilter;
  readonly otherFilterTitle: string;
}

const itemHistoryTemplate = defineTemplate<ItemHistoryTemplateData>('itemHistory', template);

/**
 * Who changed what on one item and when, newest first, with the value before and after. Gateway sign-off is an
 * assurance step: "who marked this done, and when?" must have a plain answer, however long the history.
 */
export function itemHistoryCardJson(itemTitle: string, entries: readonly ItemAuditEntry[], back: ItemHistoryBack, view: ItemHistoryView = {}): AdaptiveCardJson {
  return renderCardJson(itemHistoryTemplate, itemHistoryData(itemTitle, entries, back, view));
}

function itemHistoryData(itemTitle: string, entries: readonly ItemAuditEntry[], back: ItemHistoryBack, view: ItemHistoryView): ItemHistoryTemplateData {
  const show = view.show ?? 'all';
  const listed = newestFirst(show === 'notes' ? entries.filter((e) => e.field === 'notes' || e.field === 'evidence') : entries).map(describeChange);
  const offset = Math.min(Math.max(0, view.offset ?? 0), Math.max(0, listed.length - 1));
  const shown = fitting(listed.slice(offset));
  return {
    verbs: Verbs,
    projectId: back.projectId,
    stage: back.stage,
    itemId: back.itemId,
    section: back.section ?? '',
    itemTitle,
    heading: show === 'notes' ? 'Notes and evidence links' : 'History',
    summaryLine: summary(show, listed.length, offset, shown.length),
    changes: shown,
    show,
    olderOffset: offset + shown.length,
    hasOlder: offset + shown.length < listed.length,
    hasNewer: offset > 0,
    otherFilter: show === 'notes' ? 'all' : 'notes',
    otherFilterTitle: show === 'notes' ? 'Every change' : 'Only notes and links',
  };
}

/** The newest changes that fit the card, at least one (a single change is always far under the limit). */
function fitting(lines: readonly ChangeLine[]): ChangeLine[] {
  const shown: ChangeLine[] = [];
  let bytes = 0;
  for (const line of lines) {
    const size = (line.change.length + line.byLine.length + CHANGE_OVERHEAD_CHARACTERS) * 2;
    if (shown.length >= MAX_CHANGES_SHOWN || (shown.length > 0 && bytes + size > CHANGES_BUDGET_BYTES)) break;
    shown.push(line);
    bytes += size;
  }
  return shown;
}

function summary(show: HistoryFilter, total: number, offset: number, shown: number): string {
  const what = show === 'notes' ? ['note or link', 'notes and links'] as const : ['change', 'changes'] as const;
  if (total === 0) return show === 'notes' ? 'No notes or links have been added to this item yet.' : 'Nobody has changed this item yet.';
  if (shown < total) return `${what[1].charAt(0).toUpperCase()}${what[1].slice(1)} ${offset + 1} to ${offset + shown} of ${total}, newest first.`;
  return `${plural(total, what[0], what[1])}, newest first.`;
}

/**
 * The position and filter a history button asked for. Card data comes back from the client: anything odd gives
 * the newest changes, unfiltered.
 */
export function itemHistoryViewFrom(data: Readonly<Record<string, unknown>>): ItemHistoryView {
  const offset = Number(data.offset);
  return {
    ...(Number.isSafeInteger(offset) && offset > 0 ? { offset } : {}),
    ...(data.show === 'notes' ? { show: 'notes' as const } : {}),
  };
}
