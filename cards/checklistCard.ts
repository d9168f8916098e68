import type { Attachment } from 'botbuilder';
import type { StageNumber } from '../bot/migration/gateways/catalogueTypes';
import type { Checklist, ChecklistEntry } from '../bot/migration/projects/getChecklist';
import { formatUkDate, formatUkDateTime, type IsoDate } from '../bot/migration/shared/ukDates';
import type { CardChoice } from './cardChoice';
import { itemDetail, overdueText } from './itemDetail';
import { blockersSummary, progressLine } from './gatewaySummary';
import { gatewayHeading, STATUS_COLOURS, STATUS_WORDS, type CardColour } from './labels';
import { defineTemplate, renderCard, renderCardJson } from './render';
import template from './templates/checklist.json';
import { Verbs } from './verbs';

/** Teams refreshes a card automatically for at most 60 people; beyond that they press Refresh. */
export const MAX_REFRESH_USERS = 60;

export interface ChecklistCardExtras {
  /** Today in London, shown as "As of …" so a stale copy of the card says how old it is. */
  readonly today: IsoDate;
  /** The project team as owner choices; an owner missing from it is flagged as no longer in the team. Empty: not checked. */
  readonly memberChoices: readonly CardChoice[];
  /** Teams user ids whose copy refreshes itself when they look at it (the first 60 are used; with none, only Refresh does). */
  readonly refreshUserIds: readonly string[];
}

interface ChecklistItemRow {
  readonly itemId: string;
  readonly version: number;
  readonly statusWord: string;
  readonly statusColour: CardColour;
  readonly action: string;
  readonly required: boolean;
  readonly detail: string;
  readonly overdue: boolean;
  readonly overdueText: string;
  readonly showDone: boolean;
}

/** What `templates/checklist.json` binds. */
interface ChecklistTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly stage: StageNumber;
  readonly heading: string;
  readonly summary: string;
  readonly progressLine: string;
  readonly stateLine: string;
  readonly stateColour: CardColour;
  readonly blockersLine: string;
  readonly asOfLine: string;
  readonly items: readonly ChecklistItemRow[];
  readonly canUpdate: boolean;
  readonly canSignOff: boolean;
  readonly showWalkthrough: boolean;
  readonly refreshUserIds: readonly string[];
}

const checklistTemplate = defineTemplate<ChecklistTemplateData>('checklist', template);

/**
 * One gateway's checklist, posted where the team works. It carries a card-level refresh so everyone listed sees
 * the current state when they look, not the state when it was posted; buttons appear only for people who could
 * use them, so nobody meets a "you can't do that" after pressing one.
 */
export function checklistCard(checklist: Checklist, extras: ChecklistCardExtras): Attachment {
  return renderCard(checklistTemplate, checklistData(checklist, extras));
}

/** The same card as JSON, for an `Action.Execute` invoke response (refresh, back from an item, after "Done"). */
export function checklistCardJson(checklist: Checklist, extras: ChecklistCardExtras): Record<string, unknown> {
  return renderCardJson(checklistTemplate, checklistData(checklist, extras));
}

function checklistData(checklist: Checklist, extras: ChecklistCardExtras): ChecklistTemplateData {
  const { progress } = checklist;
  const state = gatewayState(checklist);
  const members = new Set(extras.memberChoices.map((m) => m.value));
  return {
    verbs: Verbs,
    projectId: checklist.projectId,
    stage: checklist.stage,
    heading: gatewayHeading(checklist.stage, checklist.title),
    summary: checklist.summary,
    progressLine: progressLine(progress.completed, progress.total, progress.mandatoryOpen),
    stateLine: state.line,
    stateColour: state.colour,
    blockersLine: checklist.passed ? '' : blockersSummary(checklist.blockers),
    asOfLine: `As of ${formatUkDate(extras.today)}.${checklist.canUpdateItems ? '' : ' Only members of the project team can update items.'}`,
    items: checklist.entries.map((entry) => itemRow(entry, members)),
    canUpdate: checklist.canUpdateItems,
    canSignOff: checklist.canSignOff,
    showWalkthrough: checklist.canUpdateItems && progress.open > 0,
    refreshUserIds: extras.refreshUserIds.slice(0, MAX_REFRESH_USERS),
  };
}

function gatewayState(checklist: Checklist): { readonly line: string; readonly colour: CardColour } {
  const decision = checklist.gateway.decision;
  if (checklist.passed && decision) {
    return { line: `Passed: go recorded by ${decision.by.name} on ${formatUkDateTime(decision.at)}`, colour: 'Good' };
  }
  if (decision?.outcome === 'no-go') {
    return { line: `Not passed: a no-go was recorded by ${decision.by.name} on ${formatUkDateTime(decision.at)}`, colour: 'Attention' };
  }
  if (checklist.blockers.length === 0) return { line: 'Ready to sign off', colour: 'Good' };
  return { line: 'Not signed off yet', colour: 'Default' };
}

function itemRow(entry: ChecklistEntry, members: ReadonlySet<string>): ChecklistItemRow {
  return {
    itemId: entry.item.id,
    version: entry.version,
    statusWord: STATUS_WORDS[entry.status],
    statusColour: STATUS_COLOURS[entry.status],
    action: entry.item.action,
    required: entry.item.mandatory,
    detail: itemDetail(entry, members),
    overdue: entry.overdue,
    overdueText: overdueText(entry),
    // Open or skipped: a settled item (done, or not applicable with its reason) is changed on its edit card.
    showDone: entry.status === 'open' || entry.status === 'skipped',
  };
}
