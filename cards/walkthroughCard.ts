import type { StageNumber } from '../bot/migration/gateways/catalogueTypes';
import { EVIDENCE_URL_MAX_LENGTH, NA_REASON_MAX_LENGTH, NOTE_MAX_LENGTH } from '../bot/migration/gateways/itemUpdates';
import type { ChecklistEntry } from '../bot/migration/projects/getChecklist';
import type { CardChoice } from './cardChoice';
import { itemDetail, overdueText } from './itemDetail';
import { STATUS_COLOURS, STATUS_WORDS, type CardColour } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/walkthrough.json';
import { Verbs } from './verbs';
import { ITEM_INPUTS } from './itemCard';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/**
 * What a `walkthrough-answer` says in `data.choice`; the template spells these out, and a test holds them equal.
 * The button for `skip` reads only "Skip": it is meant as "not now, next item", leaving the item as it is (the
 * status `skipped` is refused for required items, so the dialog should not set it from here).
 */
export const WALKTHROUGH_CHOICES = ['done', 'na', 'assign', 'note', 'skip'] as const;
export type WalkthroughChoice = (typeof WALKTHROUGH_CHOICES)[number];

/**
 * Input ids on the walkthrough card, merged into the answer's data. Each belongs to one choice: `naReason` to
 * "na", `ownerId` and `due` to "assign", `note` and `evidenceUrl` to "note" (either may be empty, not both). The
 * ids are the item card's, so both cards' answers read the same way.
 */
export const WALKTHROUGH_INPUTS = {
  naReason: ITEM_INPUTS.naReason,
  owner: ITEM_INPUTS.owner,
  due: ITEM_INPUTS.due,
  note: ITEM_INPUTS.note,
  evidenceUrl: ITEM_INPUTS.evidenceUrl,
} as const;

export interface WalkthroughCardExtras {
  readonly projectId: string;
  readonly stage: StageNumber;
  /** 1-based position of this item among the open items being walked through. */
  readonly position: number;
  readonly total: number;
  /** The project team (not staff), who can own an item. */
  readonly memberChoices: readonly CardChoice[];
  /** What the person typed in an answer that was refused, shown again so they only fix what was wrong. */
  readonly typed?: WalkthroughTyped;
}

/** A refused answer's inputs, by the card's input ids. */
export type WalkthroughTyped = Partial<Readonly<Record<keyof typeof WALKTHROUGH_INPUTS, string>>>;

/** What `templates/walkthrough.json` binds. */
interface WalkthroughTemplateData {
  readonly verbs: typeof Verbs;
  readonly inputs: typeof WALKTHROUGH_INPUTS;
  readonly projectId: string;
  readonly stage: StageNumber;
  readonly itemId: string;
  readonly version: number;
  readonly positionLine: string;
  readonly action: string;
  readonly statusWord: string;
  readonly statusColour: CardColour;
  readonly requiredText: string;
  readonly detail: string;
  readonly overdue: boolean;
  readonly overdueText: string;
  readonly guideNote: string;
  readonly evidenceRequired: boolean;
  readonly ownerId: string;
  readonly ownerChoices: readonly CardChoice[];
  readonly due: string;
  readonly naReasonMaxLength: number;
  readonly noteMaxLength: number;
  readonly evidenceUrlMaxLength: number;
  readonly typed: Readonly<Record<'naReason' | 'note' | 'evidenceUrl', string>>;
}

const walkthroughTemplate = defineTemplate<WalkthroughTemplateData>('walkthrough', template);

/**
 * One open item at a time, with one button per thing people usually do with it. A long checklist is daunting;
 * answering one item, then the next, is how busy project managers actually get through it. The walkthrough is a
 * dialog, so every button is an `Action.Submit` that the dialog receives as its next turn.
 */
export function walkthroughCard(entry: ChecklistEntry, extras: WalkthroughCardExtras): AdaptiveCardJson {
  const { item } = entry;
  const members = new Set(extras.memberChoices.map((m) => m.value));
  const typed = extras.typed ?? {};
  return renderCardJson(walkthroughTemplate, {
    verbs: Verbs,
    inputs: WALKTHROUGH_INPUTS,
    projectId: extras.projectId,
    stage: extras.stage,
    itemId: item.id,
    version: entry.version,
    positionLine: `Gateway ${extras.stage} walkthrough · Item ${extras.position} of ${extras.total}`,
    action: item.action,
    statusWord: STATUS_WORDS[entry.status],
    statusColour: STATUS_COLOURS[entry.status],
    requiredText: item.mandatory ? 'Required' : 'Optional',
    detail: itemDetail(entry, members),
    overdue: entry.overdue,
    overdueText: overdueText(entry),
    guideNote: item.note ?? '',
    evidenceRequired: item.evidenceRequired === true && entry.evidence.length === 0,
    ownerId: typed.owner ?? (entry.owner && members.has(entry.owner.id) ? entry.owner.id : ''),
    ownerChoices: extras.memberChoices,
    due: typed.due ?? entry.due ?? '',
    naReasonMaxLength: NA_REASON_MAX_LENGTH,
    noteMaxLength: NOTE_MAX_LENGTH,
    evidenceUrlMaxLength: EVIDENCE_URL_MAX_LENGTH,
    typed: { naReason: typed.naReason ?? '', note: typed.note ?? '', evidenceUrl: typed.evidenceUrl ?? '' },
  });
}
