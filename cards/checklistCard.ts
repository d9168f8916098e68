import type { StageNumber } from '../bot/migration/gateways/catalogueTypes';
import type { Checklist, ChecklistEntry } from '../bot/migration/projects/getChecklist';
import { formatUkDate, formatUkDateTime, type IsoDate } from '../bot/migration/shared/ukDates';
import type { CardChoice } from './cardChoice';
import { CHECKLIST_ROWS_PER_PAGE, checklistPage, type ChecklistView, type SectionSummary } from './checklistPages';
import { guideSectionHeading } from './guideSections';
import { itemDetail, overdueText } from './itemDetail';
import { blockersSummary, progressLine } from './gatewaySummary';
import { gatewayHeading, plural, STATUS_COLOURS, STATUS_WORDS, type CardColour } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/checklist.json';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/** Teams refreshes a card automatically for at most 60 people; beyond that they press Refresh. */
export const MAX_REFRESH_USERS = 60;

export interface ChecklistCardExtras {
  /** Today in London, shown as "As of …" so a stale copy of the card says how old it is. */
  readonly today: IsoDate;
  /** The project team as owner choices; an owner missing from it is flagged as no longer in the team. Empty: not checked. */
  readonly memberChoices: readonly CardChoice[];
  /** Teams user ids whose copy refreshes itself when they look at it (the first 60 are used; with none, only Refresh does). */
  readonly refreshUserIds: readonly string[];
  /** Shown at the top, e.g. why a press on an out-of-date copy was refused. */
  readonly message?: string;
  /** The section and page asked for; by default the first section with open items. */
  readonly view?: ChecklistView;
}

interface SectionRow {
  readonly section: string;
  readonly heading: string;
  readonly line: string;
  readonly current: boolean;
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
  readonly message: string;
  readonly heading: string;
  readonly summary: string;
  readonly progressLine: string;
  readonly stateLine: string;
  readonly stateColour: CardColour;
  readonly blockersLine: string;
  readonly asOfLine: string;
  /** Empty when the gateway has one section that fits on one card. */
  readonly sections: readonly SectionRow[];
  readonly section: string;
  readonly sectionHeading: string;
  readonly page: number;
  readonly pageLine: string;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
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
 * use them, so nobody meets a "you can't do that" after pressing one. A long gateway shows one guide section (or
 * one page of it) at a time under a summary of every section: see `checklistPages.ts`.
 */
export function checklistCardJson(checklist: Checklist, extras: ChecklistCardExtras): AdaptiveCardJson {
  return renderCardJson(checklistTemplate, checklistData(checklist, extras));
}

function checklistData(checklist: Checklist, extras: ChecklistCardExtras): ChecklistTemplateData {
  const { progress } = checklist;
  const state = gatewayState(checklist);
  const members = new Set(extras.memberChoices.map((m) => m.value));
  const shown = checklistPage(checklist.entries, extras.view);
  const grouped = shown.sections.length > 1 || shown.pageCount > 1;
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
    message: extras.message ?? '',
    asOfLine: `As of ${formatUkDate(extras.today)}.${whoCanChange(checklist)}`,
    sections: shown.sections.length > 1 ? shown.sections.map((s) => sectionRow(s, shown.section)) : [],
    section: shown.section,
    sectionHeading: grouped ? guideSectionHeading(shown.section) : '',
    page: shown.page,
    pageLine: shown.pageCount > 1 ? `Items ${shown.page * CHECKLIST_ROWS_PER_PAGE + 1} to ${shown.page * CHECKLIST_ROWS_PER_PAGE + shown.entries.length} of ${shown.sections.find((x) => x.section === shown.section)?.total ?? 0}, open ones first.` : grouped ? 'Open items first.' : '',
    hasPrevious: shown.page > 0,
    hasNext: shown.page < shown.pageCount - 1,
    items: shown.entries.map((entry) => itemRow(entry, members, checklist.canUpdateItems)),
    // Edit stays for the team once signed off: its card then takes notes and evidence only.
    canUpdate: checklist.canAddNotes,
    canSignOff: checklist.canSignOff,
    showWalkthrough: checklist.canUpdateItems && progress.open > 0,
    refreshUserIds: extras.refreshUserIds.slice(0, MAX_REFRESH_USERS),
  };
}

function sectionRow(summary: SectionSummary, current: string): SectionRow {
  const open =
    summary.open === 0
      ? `all ${summary.total} done or not applicable`
      : `${plural(summary.open, 'item', 'items')} open of ${summary.total}${summary.requiredOpen > 0 ? ` (${summary.requiredOpen} required)` : ''}`;
  return { section: summary.section, heading: guideSectionHeading(summary.section), line: summary.section === current ? `${open} · shown below` : open, current: summary.section === current };
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

/** Why some buttons are missing, so nobody wonders; nothing when every button is there. */
function whoCanChange(checklist: Checklist): string {
  if (!checklist.canAddNotes) return ' Only members of the project team can update items.';
  if (!checklist.canUpdateItems && checklist.passed) return ` Gateway ${checklist.stage} is signed off; reopen it to change items. Notes and evidence can still be added (Edit).`;
  return '';
}

function itemRow(entry: ChecklistEntry, members: ReadonlySet<string>, canChangeState: boolean): ChecklistItemRow {
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
    showDone: canChangeState && (entry.status === 'open' || entry.status === 'skipped'),
  };
}
