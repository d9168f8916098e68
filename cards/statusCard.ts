import type { StageNumber } from '../bot/migration/gateways/catalogueTypes';
import type { OverdueItem } from '../bot/migration/gateways/progress';
import type { GatewayStatus, ProjectStatus } from '../bot/migration/projects/getStatus';
import { formatOverdue, formatUkDate, type IsoDate } from '../bot/migration/shared/ukDates';
import { blockersBreakdown, progressLine } from './gatewaySummary';
import { gatewayHeading, MILESTONE_NAMES, plural, type CardColour } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/status.json';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/** Enough to act on today; the rest are one click away on each gateway's checklist. */
const MAX_OVERDUE_SHOWN = 10;
const MAX_MILESTONES_SHOWN = 5;

interface GatewayRow {
  readonly heading: string;
  readonly progressLine: string;
  readonly stateWord: string;
  readonly stateColour: CardColour;
}

interface OverdueRow {
  readonly action: string;
  readonly detail: string;
}

interface MilestoneRow {
  readonly date: string;
  readonly text: string;
}

/** What `templates/status.json` binds. */
interface StatusTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly organisationName: string;
  readonly odsCode: string;
  readonly cutoverLine: string;
  readonly todayLine: string;
  readonly gateways: readonly GatewayRow[];
  readonly overdueHeading: string;
  readonly overdue: readonly OverdueRow[];
  readonly moreOverdueLine: string;
  readonly milestones: readonly MilestoneRow[];
  /** The first gateway not yet passed, or 0 when all six have. */
  readonly nextStage: StageNumber | 0;
  readonly openGatewayTitle: string;
}

const statusTemplate = defineTemplate<StatusTemplateData>('status', template);

/**
 * The project at a glance, for the project board and the weekly check: how long to cutover, where each gateway
 * stands, what is overdue and whose it is, and what is coming up.
 */
export function statusCardJson(status: ProjectStatus): AdaptiveCardJson {
  return renderCardJson(statusTemplate, statusData(status));
}

function statusData(status: ProjectStatus): StatusTemplateData {
  const next = status.gateways.find((g) => !g.passed)?.stage ?? 0;
  const shown = status.overdue.slice(0, MAX_OVERDUE_SHOWN);
  const more = status.overdue.length - shown.length;
  return {
    verbs: Verbs,
    projectId: status.project.projectId,
    organisationName: status.project.organisationName,
    odsCode: status.project.odsCode,
    cutoverLine: cutoverLine(status.daysToCutover, formatUkDate(status.project.plannedCutover)),
    todayLine: formatUkDate(status.today),
    gateways: status.gateways.map(gatewayRow),
    overdueHeading: `Overdue: ${plural(status.overdue.length, 'item', 'items')}`,
    overdue: shown.map((item) => overdueRow(item, status.today)),
    moreOverdueLine: more > 0 ? `And ${plural(more, 'more overdue item', 'more overdue items')}: open each gateway's checklist to see them all.` : '',
    milestones: status.upcomingMilestones.slice(0, MAX_MILESTONES_SHOWN).map((m) => ({
      date: formatUkDate(m.date),
      text: m.note.trim() === '' ? MILESTONE_NAMES[m.kind] : `${MILESTONE_NAMES[m.kind]}: ${m.note}`,
    })),
    nextStage: next,
    openGatewayTitle: next === 0 ? '' : `Open gateway ${next}`,
  };
}

/** "Cutover in 42 days, on Tue 6 Jan 2027"; today, tomorrow and the past read as people would say them. */
export function cutoverLine(days: number, date: string): string {
  if (days === 0) return `Cutover is today, ${date}`;
  if (days === 1) return `Cutover is tomorrow, ${date}`;
  if (days > 1) return `Cutover in ${days} days, on ${date}`;
  if (days === -1) return `Cutover was yesterday, ${date}`;
  return `Cutover was ${-days} days ago, on ${date}`;
}

/** A word for where the gateway stands, so the row reads without colour. */
function gatewayRow(gateway: GatewayStatus): GatewayRow {
  const { progress } = gateway;
  const state: { word: string; colour: CardColour } = gateway.passed
    ? { word: 'Passed', colour: 'Good' }
    : gateway.decision?.outcome === 'no-go'
      ? { word: 'No-go', colour: 'Attention' }
      : gateway.blockerCount === 0
        ? { word: 'Ready to sign off', colour: 'Accent' }
        : { word: blockersBreakdown(gateway.blockers), colour: 'Default' };
  return {
    heading: gatewayHeading(gateway.stage, gateway.title),
    progressLine: progressLine(progress.completed, progress.total, progress.mandatoryOpen),
    stateWord: state.word,
    stateColour: state.colour,
  };
}

function overdueRow(item: OverdueItem, today: IsoDate): OverdueRow {
  const owner = item.owner ? `Owner: ${item.owner.name}` : 'No owner yet';
  return {
    action: item.action,
    detail: `Gateway ${item.stage} · ${owner} · ${formatOverdue(item.due, today)} (due ${formatUkDate(item.due)})`,
  };
}
