import type { StageNumber } from '../bot/migration/gateways/catalogueTypes';
import type { ItemAuditEntry } from '../bot/migration/gateways/gatewayState';
import { ITEM_STATUSES } from '../bot/migration/gateways/gatewayState';
import { EVIDENCE_URL_MAX_LENGTH, NA_REASON_MAX_LENGTH, NOTE_MAX_LENGTH } from '../bot/migration/gateways/itemUpdates';
import type { ChecklistEntry } from '../bot/migration/projects/getChecklist';
import { formatUkDateTime } from '../bot/migration/shared/ukDates';
import type { CardChoice } from './cardChoice';
import { itemDetail, overdueText, preview } from './itemDetail';
import { describeChange, newestFirst, type ChangeLine } from './itemChanges';
import { plural, STATUS_COLOURS, STATUS_WORDS, type CardColour } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/item.json';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/**
 * Input ids of the item card, as they arrive merged into the `item-save` data. The route reads them by these names;
 * all are strings, and an input left as shown comes back with its shown value, so the route should apply only the
 * fields that differ from the item it loads (the domain applies one change at a time).
 */
export const ITEM_INPUTS = {
  status: 'status',
  naReason: 'naReason',
  /** A member's Teams user id, or {@link NO_OWNER}. */
  owner: 'ownerId',
  /** `YYYY-MM-DD`, or empty for no due date. */
  due: 'due',
  /** A new note; empty means none. */
  note: 'note',
  /** A new evidence link; empty means none. */
  evidenceUrl: 'evidenceUrl',
} as const;

/** The owner choice meaning "nobody": Teams user ids never look like this. */
export const NO_OWNER = 'none';

/** How many changes the item card shows; the History button shows them all. */
const RECENT_CHANGES = 3;

/**
 * Notes and links shown in full on the card, newest first. An item can gather a hundred notes of 1,000 characters;
 * the card says how many more there are and its "Older notes and links" button opens them in the history.
 */
export const NOTES_SHOWN = 3;
export const EVIDENCE_SHOWN = 3;
const OWNER_NAME_SHOWN = 60;

export interface ItemCardExtras {
  readonly projectId: string;
  /** How the log or report this item stands for is doing (gateway 2's risk-log and highlight-report items only). */
  readonly logLine?: string;
  readonly stage: StageNumber;
  /** The project team (not staff), who can own an item. */
  readonly memberChoices: readonly CardChoice[];
  /** The item's audit entries in any order; the latest few are shown. */
  readonly history?: readonly ItemAuditEntry[];
  /** Shown at the top, e.g. "Someone else changed this item; here is the latest version." */
  readonly message?: string;
  /** False shows the item without inputs or Save, for people outside the project team. Defaults to true. */
  readonly canUpdate?: boolean;
  /**
   * False hides status, owner and due date (a signed-off gateway keeps them until it is reopened), leaving a note and
   * an evidence link to add. Defaults to `canUpdate`.
   */
  readonly canChangeState?: boolean;
  /** What the person typed on a save that was refused, shown in place of the item's values so nothing is lost. */
  readonly typed?: ItemTyped;
}

/** A refused save's inputs, by the card's input names; an absent one shows the item's own value. */
export type ItemTyped = Partial<Readonly<Record<keyof typeof ITEM_INPUTS, string>>>;

interface PostedLine {
  readonly text: string;
  readonly byLine: string;
}

interface EvidenceLine {
  readonly url: string;
  readonly byLine: string;
}

/** What `templates/item.json` binds. */
interface ItemTemplateData {
  readonly verbs: typeof Verbs;
  readonly inputs: typeof ITEM_INPUTS;
  readonly projectId: string;
  readonly stage: StageNumber;
  readonly itemId: string;
  readonly section: string;
  readonly version: number;
  readonly message: string;
  readonly gatewayHeading: string;
  readonly action: string;
  readonly statusWord: string;
  readonly statusColour: CardColour;
  readonly requiredText: string;
  readonly guideSection: string;
  readonly detail: string;
  readonly overdue: boolean;
  readonly overdueText: string;
  readonly guideNote: string;
  readonly logLine: string;
  readonly evidenceRequired: boolean;
  readonly canUpdate: boolean;
  readonly canChangeState: boolean;
  readonly signedOffLine: string;
  readonly status: string;
  readonly statusChoices: readonly CardChoice[];
  readonly naReason: string;
  readonly ownerId: string;
  readonly ownerChoices: readonly CardChoice[];
  readonly due: string;
  readonly noteDraft: string;
  readonly evidenceUrlDraft: string;
  readonly naReasonMaxLength: number;
  readonly noteMaxLength: number;
  readonly evidenceUrlMaxLength: number;
  readonly notes: readonly PostedLine[];
  readonly evidence: readonly EvidenceLine[];
  /** "12 older notes and 2 older links are in the item's history." Empty when everything is shown. */
  readonly olderLine: string;
  readonly recentChanges: readonly ChangeLine[];
}

const itemTemplate = defineTemplate<ItemTemplateData>('item', template);

/**
 * One checklist item, to change everything about it in one go: status (with the reason when not applicable),
 * owner, due date, a note and an evidence link. It carries the version it shows, so a save made from an old copy is
 * refused rather than silently undoing someone else's change.
 */
export function itemCardJson(entry: ChecklistEntry, extras: ItemCardExtras): AdaptiveCardJson {
  return renderCardJson(itemTemplate, itemData(entry, extras));
}

function itemData(entry: ChecklistEntry, extras: ItemCardExtras): ItemTemplateData {
  const { item } = entry;
  const members = new Set(extras.memberChoices.map((m) => m.value));
  const typed = extras.typed ?? {};
  const canUpdate = extras.canUpdate ?? true;
  const canChangeState = canUpdate && (extras.canChangeState ?? true);
  return {
    verbs: Verbs,
    inputs: ITEM_INPUTS,
    projectId: extras.projectId,
    stage: extras.stage,
    itemId: item.id,
    section: item.guideSection,
    version: entry.version,
    message: extras.message ?? '',
    gatewayHeading: `Gateway ${extras.stage} checklist item`,
    action: item.action,
    statusWord: STATUS_WORDS[entry.status],
    statusColour: STATUS_COLOURS[entry.status],
    requiredText: item.mandatory ? 'Required' : 'Optional',
    guideSection: item.guideSection,
    detail: itemDetail(entry, members),
    overdue: entry.overdue,
    overdueText: overdueText(entry),
    guideNote: item.note ?? '',
    logLine: (extras.logLine ?? '').slice(0, 400),
    evidenceRequired: item.evidenceRequired === true && entry.evidence.length === 0,
    canUpdate,
    canChangeState,
    signedOffLine: canUpdate && !canChangeState ? `Gateway ${extras.stage} is signed off; reopen it to change items. You can still add a note or a link to the evidence.` : '',
    status: typed.status ?? entry.status,
    statusChoices: statusChoices(item.mandatory),
    naReason: typed.naReason ?? entry.naReason ?? '',
    ownerId: typed.owner ?? entry.owner?.id ?? NO_OWNER,
    ownerChoices: ownerChoices(entry, extras.memberChoices),
    due: typed.due ?? entry.due ?? '',
    noteDraft: typed.note ?? '',
    evidenceUrlDraft: typed.evidenceUrl ?? '',
    naReasonMaxLength: NA_REASON_MAX_LENGTH,
    noteMaxLength: NOTE_MAX_LENGTH,
    evidenceUrlMaxLength: EVIDENCE_URL_MAX_LENGTH,
    notes: newestFirst(entry.notes)
      .slice(0, NOTES_SHOWN)
      .map((n) => ({ text: n.text, byLine: `${n.by.name}, ${formatUkDateTime(n.at)}` })),
    evidence: newestFirst(entry.evidence)
      .slice(0, EVIDENCE_SHOWN)
      .map((e) => ({ url: e.url, byLine: `Added by ${e.by.name}, ${formatUkDateTime(e.at)}` })),
    olderLine: olderLine(entry),
    recentChanges: newestFirst(extras.history ?? []).slice(0, RECENT_CHANGES).map(describeChange),
  };
}

function olderLine(entry: ChecklistEntry): string {
  const notes = entry.olderNotes + Math.max(0, entry.notes.length - NOTES_SHOWN);
  const links = entry.olderEvidence + Math.max(0, entry.evidence.length - EVIDENCE_SHOWN);
  const parts = [...(notes > 0 ? [plural(notes, 'older note', 'older notes')] : []), ...(links > 0 ? [plural(links, 'older link', 'older links')] : [])];
  if (parts.length === 0) return '';
  return `${parts.join(' and ')} ${notes + links === 1 ? 'is' : 'are'} in the item's history.`;
}

/** A required item cannot be skipped (the domain refuses it), so the card does not offer it. */
function statusChoices(mandatory: boolean): CardChoice[] {
  return ITEM_STATUSES.filter((s) => !(mandatory && s === 'skipped')).map((s) => ({ title: STATUS_WORDS[s], value: s }));
}

/**
 * The team, plus "Nobody yet", plus the current owner if they have left the team: a choice set whose value is not
 * among its choices shows blank, and saving it would quietly clear the owner.
 */
function ownerChoices(entry: ChecklistEntry, members: readonly CardChoice[]): CardChoice[] {
  const current = entry.owner;
  const missing = current && !members.some((m) => m.value === current.id) ? [{ title: `${current.name} (no longer in the project team)`, value: current.id }] : [];
  // Names can be 200 characters; sixty of them in full would take a fifth of the card's budget.
  return [{ title: 'Nobody yet', value: NO_OWNER }, ...members, ...missing].map((c) => ({ title: preview(c.title, OWNER_NAME_SHOWN), value: c.value }));
}
