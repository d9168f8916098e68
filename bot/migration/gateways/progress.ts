import { daysBetween, type IsoDate } from '../shared/ukDates';
import { getStage } from './catalogue';
import type { GatewayCatalogue, StageNumber } from './catalogueTypes';
import type { ItemState, PersonRef } from './gatewayState';
import { indexItemStates, isSettled, statusOf } from './itemStateIndex';

/**
 * Progress views for the project: per-gateway counts, overdue items, a
 * person's own actions and the countdown to cutover.
 *
 * Why "today" is a parameter: the domain never reads the clock; the caller
 * passes today's date in London (see `todayInLondon`), which keeps these
 * functions pure and testable across the clock changes.
 */

export interface GatewayProgress {
  readonly stage: StageNumber;
  readonly total: number;
  readonly done: number;
  readonly notApplicable: number;
  readonly skipped: number;
  readonly open: number;
  /** Done plus not applicable. */
  readonly completed: number;
  /** `completed` over `total`, as a whole percentage rounded down (so 100 means truly complete). */
  readonly percentComplete: number;
  readonly mandatoryTotal: number;
  /** Mandatory items neither done nor not applicable. */
  readonly mandatoryOpen: number;
}

export function gatewayProgress(catalogue: GatewayCatalogue, stage: StageNumber, items: readonly ItemState[]): GatewayProgress {
  const index = indexItemStates(items);
  const counts = { done: 0, 'not-applicable': 0, skipped: 0, open: 0 };
  let mandatoryTotal = 0;
  let mandatoryOpen = 0;
  const stageItems = getStage(catalogue, stage).items;
  for (const item of stageItems) {
    const status = statusOf(index, item.id);
    counts[status] += 1;
    if (item.mandatory) {
      mandatoryTotal += 1;
      if (!isSettled(status)) mandatoryOpen += 1;
    }
  }
  const total = stageItems.length;
  const completed = counts.done + counts['not-applicable'];
  return {
    stage,
    total,
    done: counts.done,
    notApplicable: counts['not-applicable'],
    skipped: counts.skipped,
    open: counts.open,
    completed,
    percentComplete: total === 0 ? 100 : Math.floor((completed * 100) / total),
    mandatoryTotal,
    mandatoryOpen,
  };
}

/** Progress of all six gateways, in order. */
export function projectProgress(catalogue: GatewayCatalogue, items: readonly ItemState[]): readonly GatewayProgress[] {
  return catalogue.stages.map((s) => gatewayProgress(catalogue, s.number, items));
}

export interface OverdueItem {
  readonly itemId: string;
  readonly stage: StageNumber;
  readonly action: string;
  readonly due: IsoDate;
  readonly daysOverdue: number;
  readonly owner?: PersonRef;
}

/** Open items whose due date is before `today` (London), most overdue first. Due today is not yet overdue. */
export function overdueItems(catalogue: GatewayCatalogue, items: readonly ItemState[], today: IsoDate): readonly OverdueItem[] {
  const index = indexItemStates(items);
  const overdue: OverdueItem[] = [];
  for (const stage of catalogue.stages) {
    for (const item of stage.items) {
      const state = index.get(item.id);
      if (!state || state.status !== 'open' || state.due === undefined) continue;
      const daysOverdue = daysBetween(state.due, today);
      if (daysOverdue > 0) {
        overdue.push({
          itemId: item.id,
          stage: stage.number,
          action: item.action,
          due: state.due,
          daysOverdue,
          ...(state.owner ? { owner: state.owner } : {}),
        });
      }
    }
  }
  return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue);
}

export interface MyAction {
  readonly itemId: string;
  readonly stage: StageNumber;
  readonly action: string;
  readonly mandatory: boolean;
  readonly due?: IsoDate;
  /** Negative when overdue; absent without a due date. */
  readonly daysUntilDue?: number;
  readonly overdue: boolean;
}

/** Open items owned by `userId`: dated ones soonest first, then undated ones in catalogue order. */
export function myActions(
  catalogue: GatewayCatalogue,
  items: readonly ItemState[],
  userId: string,
  today: IsoDate,
): readonly MyAction[] {
  const index = indexItemStates(items);
  const mine: MyAction[] = [];
  for (const stage of catalogue.stages) {
    for (const item of stage.items) {
      const state = index.get(item.id);
      if (!state || state.status !== 'open' || state.owner?.id !== userId) continue;
      const daysUntilDue = state.due === undefined ? undefined : daysBetween(today, state.due);
      mine.push({
        itemId: item.id,
        stage: stage.number,
        action: item.action,
        mandatory: item.mandatory,
        ...(state.due !== undefined && daysUntilDue !== undefined ? { due: state.due, daysUntilDue } : {}),
        overdue: daysUntilDue !== undefined && daysUntilDue < 0,
      });
    }
  }
  // Array.prototype.sort is stable, so equal keys keep catalogue order.
  return mine.sort(byDueDate);
}

function byDueDate(a: MyAction, b: MyAction): number {
  if (a.daysUntilDue === undefined) return b.daysUntilDue === undefined ? 0 : 1;
  if (b.daysUntilDue === undefined) return -1;
  return a.daysUntilDue - b.daysUntilDue;
}

/** Whole days from `today` to cutover: 0 on the day, negative once it has passed. */
export function daysToCutover(today: IsoDate, cutover: IsoDate): number {
  return daysBetween(today, cutover);
}
