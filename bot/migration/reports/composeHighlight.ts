import { getStage } from '../gateways/catalogue';
import type { GatewayCatalogue, StageNumber } from '../gateways/catalogueTypes';
import { isPassed, type GatewayOutcome, type IsoTimestamp, type ItemStatus, type Milestone, type PersonRef } from '../gateways/gatewayState';
import { indexItemStates } from '../gateways/itemStateIndex';
import { daysToCutover, overdueItems } from '../gateways/progress';
import { signOffBlockers } from '../gateways/readiness';
import type { GatewayAuditEntry } from '../projects/auditEntries';
import type { Clock } from '../projects/clock';
import { allGateways, type GatewayRecord } from '../projects/gatewayRecord';
import { summariseProject, type Project, type ProjectSummary } from '../projects/project';
import { isClosed, type RiskEntry } from '../risks/riskEntry';
import { riskListRank } from '../risks/riskOrder';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from '../risks/riskSettings';
import { viewRisk, type RiskView } from '../risks/riskView';
import { daysBetween, formatUkDate, type IsoDate } from '../shared/ukDates';
import { burnDownSeries, forecastFinish, type BurnDownPoint, type Forecast, type RequiredScope } from './burnDown';
import { plannedGatewayDates } from './gatewayPlan';
import { DEFAULT_HIGHLIGHT_SETTINGS, type HighlightSettings } from './highlightSettings';
import { ItemTimeline } from './itemTimeline';
import { describeWeek, inWeek, londonDateOf, shiftWeek, weekContaining, weekOf, type LondonWeek } from './londonWeeks';
import { overallRag, type GatewayBehind, type OverallRag } from './overallRag';

/**
 * The weekly highlight report, in PRINCE2's highlight shape, composed from
 * the project's own records alone: a pure function of the data and a clock,
 * so the same week always gives the same report and every figure can be
 * traced back to an audit line or an entry.
 */

export interface GatewayWithAudit {
  readonly record: GatewayRecord;
  /** The gateway's whole audit trail (GatewayRepository.history). */
  readonly audit: readonly GatewayAuditEntry[];
}

export interface HighlightInput {
  readonly project: Project;
  /** The gateways that have been written; missing ones are untouched. */
  readonly gateways: readonly GatewayWithAudit[];
  readonly risks: readonly RiskEntry[];
  readonly catalogue: GatewayCatalogue;
  readonly riskSettings?: RiskSettings;
  readonly settings?: HighlightSettings;
  /** Planned dates the team set for gateways, over the derived ones (gatewayPlan.ts). */
  readonly plannedGatewayDates?: Partial<Record<StageNumber, IsoDate>>;
  /** Set when the roll-out's registrations are behind plan (an amber reason). */
  readonly registrationsBehind?: { readonly text: string };
}

export interface HighlightOptions {
  /** The week reported on; by default the week holding today (London). The Monday post reports on the week just ended. */
  readonly week?: LondonWeek;
}

export interface GatewayHighlight {
  readonly stage: StageNumber;
  readonly title: string;
  readonly requiredTotal: number;
  /** Required items done or not applicable at the end of the week before. */
  readonly requiredFinishedBefore: number;
  /** … and at the end of the report's week. */
  readonly requiredFinished: number;
  readonly finishedThisPeriod: number;
  readonly percentRequiredFinished: number;
  readonly passed: boolean;
  readonly plannedDate?: IsoDate;
  /** Days past the planned date without being passed; 0 when on plan. */
  readonly daysBehind: number;
}

export interface CompletedItem {
  readonly itemId: string;
  readonly stage: StageNumber;
  readonly action: string;
  readonly mandatory: boolean;
  readonly status: Extract<ItemStatus, 'done' | 'not-applicable'>;
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
}

export interface DecisionMade {
  readonly stage: StageNumber;
  readonly outcome: GatewayOutcome;
  readonly comment: string;
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
}

export interface PlannedItem {
  readonly itemId: string;
  readonly stage: StageNumber;
  readonly action: string;
  readonly mandatory: boolean;
  readonly due: IsoDate;
  readonly owner?: PersonRef;
}

export type HelpNeeded =
  | { readonly kind: 'escalated-risk'; readonly riskId: string; readonly text: string }
  | { readonly kind: 'sign-off'; readonly stage: StageNumber; readonly text: string }
  | { readonly kind: 'owner-needed'; readonly itemId: string; readonly text: string }
  | { readonly kind: 'review-overdue'; readonly riskId: string; readonly text: string }
  | { readonly kind: 'milestone-decision'; readonly milestoneId: string; readonly text: string };

export interface HighlightReport {
  readonly project: ProjectSummary;
  /** ISO week of the period, e.g. '2026-W49': the key of the exactly-once claim. */
  readonly weekKey: string;
  readonly period: LondonWeek & { readonly label: string };
  readonly composedAt: IsoTimestamp;
  readonly today: IsoDate;
  readonly overall: OverallRag;
  readonly gateways: readonly GatewayHighlight[];
  readonly completed: {
    readonly items: readonly CompletedItem[];
    readonly decisions: readonly DecisionMade[];
    readonly risksClosed: readonly RiskView[];
  };
  readonly planned: { readonly period: LondonWeek; readonly items: readonly PlannedItem[]; readonly milestones: readonly Milestone[] };
  /** Escalated first, then by score. */
  readonly topRisks: readonly RiskView[];
  /** Every open risk and issue in the same order: the log that goes out with the report. */
  readonly openRisks: readonly RiskView[];
  readonly reviewsOverdue: readonly RiskView[];
  readonly riskCounts: { readonly open: number; readonly red: number; readonly escalated: number; readonly reviewsOverdue: number };
  readonly helpNeeded: readonly HelpNeeded[];
  readonly cutover: IsoDate;
  /** 0 on the day, negative once passed. */
  readonly daysToCutover: number;
  readonly forecast: Forecast;
  readonly burnDown: readonly BurnDownPoint[];
}

export function composeHighlight(input: HighlightInput, clock: Clock, options: HighlightOptions = {}): HighlightReport {
  const now = clock.now();
  const today = londonDateOf(now);
  const week = options.week ?? weekContaining(now);
  const previous = shiftWeek(week, -1);
  const next = shiftWeek(week, 1);
  const settings = input.settings ?? DEFAULT_HIGHLIGHT_SETTINGS;
  const riskSettings = input.riskSettings ?? DEFAULT_RISK_SETTINGS;
  const { project, catalogue } = input;

  const records = allGateways(project.projectId, input.gateways.map((g) => g.record));
  const audit = input.gateways.flatMap((g) => g.audit);
  const timeline = new ItemTimeline(audit);
  const items = records.flatMap((r) => r.items);
  const states = records.map((r) => r.state);
  const mandatory = new Set(catalogue.stages.flatMap((s) => s.items.filter((i) => i.mandatory).map((i) => i.id)));

  // Gateways: progress since last week, against their planned dates.
  const planned = plannedGatewayDates(catalogue, project, settings.gatewaysBeforeCutover, input.plannedGatewayDates);
  const gateways: GatewayHighlight[] = records.map((record) => {
    const stage = getStage(catalogue, record.stage);
    const required = stage.items.filter((i) => i.mandatory).map((i) => i.id);
    const finishedBefore = required.length - timeline.openOn(required, previous.end);
    const finished = required.length - timeline.openOn(required, week.end);
    const passed = isPassed(record.state);
    const plannedDate = planned.get(record.stage);
    const daysBehind = plannedDate !== undefined && !passed ? Math.max(0, daysBetween(plannedDate, today)) : 0;
    return {
      stage: record.stage,
      title: stage.title,
      requiredTotal: required.length,
      requiredFinishedBefore: finishedBefore,
      requiredFinished: finished,
      finishedThisPeriod: finished - finishedBefore,
      percentRequiredFinished: required.length === 0 ? 100 : Math.floor((finished * 100) / required.length),
      passed,
      ...(plannedDate !== undefined ? { plannedDate } : {}),
      daysBehind,
    };
  });
  const gatewaysBehind: GatewayBehind[] = gateways
    .filter((g) => g.daysBehind > 0 && g.plannedDate !== undefined)
    .map((g) => ({ stage: g.stage, plannedDate: g.plannedDate ?? today, daysBehind: g.daysBehind }));

  // Work completed this period, from the audit trails.
  const completedItems: CompletedItem[] = [];
  for (const stage of catalogue.stages) {
    for (const item of stage.items) {
      const changes = timeline.changesBetween(item.id, week.start, week.end);
      const last = changes.at(-1);
      if (!last || (last.status !== 'done' && last.status !== 'not-applicable')) continue;
      if (timeline.settledOn(item.id, previous.end)) continue;
      completedItems.push({ itemId: item.id, stage: stage.number, action: item.action, mandatory: item.mandatory, status: last.status, by: last.by, at: last.at });
    }
  }
  completedItems.sort((a, b) => a.at.localeCompare(b.at));
  const decisions: DecisionMade[] = audit
    .flatMap((e) => (e.kind === 'gateway-decided' && inWeek(londonDateOf(e.at), week) ? [{ stage: e.stage, outcome: e.outcome, comment: e.comment, by: e.by, at: e.at }] : []))
    .sort((a, b) => a.at.localeCompare(b.at));

  // Risks and issues.
  const views = input.risks.map((r) => viewRisk(r, riskSettings, today));
  // Escalated first, then the list order (riskOrder.byConcern), with each rank worked out once.
  const concern = new Map(views.map((v) => [v, `${v.entry.escalation.escalated ? '0' : '1'}${riskListRank(v.entry)}`]));
  const open = views.filter((v) => !isClosed(v.entry)).sort((a, b) => ((concern.get(a) ?? '') < (concern.get(b) ?? '') ? -1 : 1));
  const risksClosed = views.filter((v) => v.entry.closure !== undefined && inWeek(londonDateOf(v.entry.closure.at), week));
  const reviewsOverdue = open.filter((v) => v.reviewOverdue);

  // Work planned for next period.
  const index = indexItemStates(items);
  const plannedItems: PlannedItem[] = [];
  for (const stage of catalogue.stages) {
    for (const item of stage.items) {
      const state = index.get(item.id);
      if (!state || state.status !== 'open' || state.due === undefined || !inWeek(state.due, next)) continue;
      plannedItems.push({ itemId: item.id, stage: stage.number, action: item.action, mandatory: item.mandatory, due: state.due, ...(state.owner ? { owner: state.owner } : {}) });
    }
  }
  plannedItems.sort((a, b) => a.due.localeCompare(b.due));
  const plannedMilestones = project.milestones.filter((m) => inWeek(m.date, next)).sort((a, b) => a.date.localeCompare(b.date));

  // Burn-down and forecast over the required items due before cutover.
  const scope: RequiredScope = {
    byStage: settings.gatewaysBeforeCutover.map((stage) => ({ stage, itemIds: getStage(catalogue, stage).items.filter((i) => i.mandatory).map((i) => i.id) })),
  };
  const firstDay = [project.plannedStart, londonDateOf(project.createdAt)].sort()[0] ?? project.plannedStart;
  const firstWeek = weekOf(firstDay).start > week.start ? week : weekOf(firstDay);
  const forecast = forecastFinish(timeline, scope, week, firstWeek, project.plannedCutover, settings.forecastWeeks);
  const burnDown = burnDownSeries(timeline, scope, firstWeek, week, project.plannedCutover, settings.maxBurnDownPoints);

  const overdueRequired = overdueItems(catalogue, items, today).filter((i) => mandatory.has(i.itemId));
  const overall = overallRag({
    openRisks: open,
    overdueRequired,
    gatewaysBehind,
    forecast,
    lateRedDays: settings.lateRedDays,
    ...(input.registrationsBehind ? { registrationsBehind: input.registrationsBehind } : {}),
  });

  return {
    project: summariseProject(project),
    weekKey: week.key,
    period: { ...week, label: describeWeek(week) },
    composedAt: now.toISOString(),
    today,
    overall,
    gateways,
    completed: { items: completedItems, decisions, risksClosed },
    planned: { period: next, items: plannedItems, milestones: plannedMilestones },
    topRisks: open.slice(0, settings.topRisks),
    openRisks: open,
    reviewsOverdue,
    riskCounts: {
      open: open.length,
      red: open.filter((v) => v.rag === 'red').length,
      escalated: open.filter((v) => v.entry.escalation.escalated).length,
      reviewsOverdue: reviewsOverdue.length,
    },
    helpNeeded: helpNeeded(catalogue, records, states, open, reviewsOverdue, overdueRequired, plannedMilestones),
    cutover: project.plannedCutover,
    daysToCutover: daysToCutover(today, project.plannedCutover),
    forecast,
    burnDown,
  };
}

/** Decisions and help the project needs from outside the team, most pressing first. */
function helpNeeded(
  catalogue: GatewayCatalogue,
  records: readonly GatewayRecord[],
  states: readonly GatewayRecord['state'][],
  open: readonly RiskView[],
  reviewsOverdue: readonly RiskView[],
  overdueRequired: ReturnType<typeof overdueItems>,
  milestones: readonly Milestone[],
): readonly HelpNeeded[] {
  const help: HelpNeeded[] = [];
  for (const v of open.filter((r) => r.entry.escalation.escalated)) {
    const why = v.entry.escalation.reason !== undefined ? ` ${v.entry.escalation.reason}` : '';
    help.push({ kind: 'escalated-risk', riskId: v.entry.riskId, text: `Senior management: “${v.entry.title}” (${v.entry.type}, score ${v.score}), owned by ${v.entry.owner.name}.${why}` });
  }
  for (const record of records) {
    if (isPassed(record.state)) continue;
    if (signOffBlockers(catalogue, record.stage, record.items, states).length === 0) {
      help.push({ kind: 'sign-off', stage: record.stage, text: `Gateway ${record.stage} is ready for its go / no-go: the project manager or SRO can sign it off.` });
    }
  }
  for (const item of overdueRequired.filter((i) => i.owner === undefined)) {
    help.push({ kind: 'owner-needed', itemId: item.itemId, text: `“${item.action}” (gateway ${item.stage}) is ${item.daysOverdue} days overdue and has no owner.` });
  }
  for (const m of milestones.filter((x) => x.kind === 'pilot-go-no-go')) {
    help.push({ kind: 'milestone-decision', milestoneId: m.id, text: `The pilot go / no-go is due on ${formatUkDate(m.date)}.` });
  }
  for (const v of reviewsOverdue) {
    help.push({ kind: 'review-overdue', riskId: v.entry.riskId, text: `“${v.entry.title}” was due for review on ${formatUkDate(v.entry.reviewDate)}: ${v.entry.owner.name} to review it.` });
  }
  return help;
}
