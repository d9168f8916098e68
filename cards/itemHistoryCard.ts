import type { StageNumber } from '../bot/migration/gateways/catalogueTypes';
import type { ItemAuditEntry } from '../bot/migration/gateways/gatewayState';
import { describeChange, newestFirst, type ChangeLine } from './itemChanges';
import { plural } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/itemHistory.json';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/**
 * A note can be 1,000 characters, so a long history could outgrow a card; the newest changes are the ones people
 * come for, and the summary line says how many are left out.
 */
const MAX_CHANGES_SHOWN = 40;

/** Where the back buttons go: the item's own card and its gateway's checklist. */
export interface ItemHistoryBack {
  readonly projectId: string;
  readonly stage: StageNumber;
  readonly itemId: string;
}

/** What `templates/itemHistory.json` binds. */
interface ItemHistoryTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly stage: StageNumber;
  readonly itemId: string;
  readonly itemTitle: string;
  readonly summaryLine: string;
  readonly changes: readonly ChangeLine[];
}

const itemHistoryTemplate = defineTemplate<ItemHistoryTemplateData>('itemHistory', template);

/**
 * Who changed what on one item and when, newest first, with the value before and after. Gateway sign-off is an
 * assurance step: "who marked this done, and when?" must have a plain answer.
 */
export function itemHistoryCardJson(itemTitle: string, entries: readonly ItemAuditEntry[], back: ItemHistoryBack): AdaptiveCardJson {
  return renderCardJson(itemHistoryTemplate, itemHistoryData(itemTitle, entries, back));
}

function itemHistoryData(itemTitle: string, entries: readonly ItemAuditEntry[], back: ItemHistoryBack): ItemHistoryTemplateData {
  const shown = newestFirst(entries).slice(0, MAX_CHANGES_SHOWN);
  return {
    verbs: Verbs,
    projectId: back.projectId,
    stage: back.stage,
    itemId: back.itemId,
    itemTitle,
    summaryLine: summary(entries.length, shown.length),
    changes: shown.map(describeChange),
  };
}

function summary(total: number, shown: number): string {
  if (total === 0) return 'Nobody has changed this item yet.';
  if (shown < total) return `The latest ${shown} of ${total} changes, newest first.`;
  return `${plural(total, 'change', 'changes')}, newest first.`;
}
