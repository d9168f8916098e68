import { formatMonth, isIsoMonth } from '../../questionnaire/inputParsers';
import type { RegistrationMonth } from '../../questionnaire/answerTypes';
import type { IsoDate } from '../../shared/ukDates';
import type { RolloutGroup } from '../rolloutGroup';
import type { IsoMonth } from './rolloutPlan';

/**
 * Registrations against plan (guide 4.3 and 6.1: "submit reports on progress before the end of each month,
 * detailing how many accounts have actually been registered for roll-out for that month against the planned
 * number"). Pure: the use case gathers the figures.
 *
 * - Planned per month: the new accounts each group needs, in the month of its cutover (people who already hold an
 *   NHSmail account need none), unless the project team typed their own figure for the month.
 * - Registered per month: people who reached activated or migrated that month, each once.
 * - Behind plan: by the end of the last whole month, fewer registered than `behindPlanShare` of those planned
 *   (counted from the first month of the plan). The month under way is not judged until it ends.
 */

export interface GroupNeed {
  readonly group: Pick<RolloutGroup, 'groupId' | 'name' | 'cutoverDate'>;
  /** People in the group who need a new NHSmail account. */
  readonly newAccounts: number;
}

export interface RegistrationRow {
  readonly month: IsoMonth;
  /** What the groups' dates give. */
  readonly fromGroups: number;
  /** The figure used: the project team's, or the groups'. */
  readonly planned: number;
  readonly overridden: boolean;
  readonly registered: number;
  /** The questionnaire's registrations-per-month answer for the month, when it has one. */
  readonly questionnaire?: number;
}

export interface BehindPlan {
  readonly throughMonth: IsoMonth;
  readonly plannedToDate: number;
  readonly registeredToDate: number;
  readonly text: string;
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

/** The new accounts planned in each month from the groups' cutover dates; groups with no date are left out. */
export function plannedFromGroups(needs: readonly GroupNeed[]): Map<IsoMonth, number> {
  const months = new Map<IsoMonth, number>();
  for (const { group, newAccounts } of needs) {
    if (group.cutoverDate === undefined || newAccounts === 0) continue;
    const month = monthOf(group.cutoverDate);
    months.set(month, (months.get(month) ?? 0) + newAccounts);
  }
  return months;
}

/** Every month any figure names, in order, each with its planned, registered and questionnaire figures. */
export function registrationRows(
  fromGroups: ReadonlyMap<IsoMonth, number>,
  overrides: Readonly<Record<IsoMonth, number>>,
  registered: ReadonlyMap<IsoMonth, number>,
  questionnaire: readonly RegistrationMonth[] = [],
): RegistrationRow[] {
  const asked = new Map(questionnaire.map((m) => [m.month, m.planned]));
  const months = new Set<IsoMonth>([...fromGroups.keys(), ...Object.keys(overrides), ...registered.keys(), ...asked.keys()].filter(isIsoMonth));
  return [...months].sort().map((month) => {
    const derived = fromGroups.get(month) ?? 0;
    const overridden = Object.hasOwn(overrides, month);
    const q = asked.get(month);
    return {
      month,
      fromGroups: derived,
      planned: overridden ? (overrides[month] ?? 0) : derived,
      overridden,
      registered: registered.get(month) ?? 0,
      ...(q === undefined ? {} : { questionnaire: q }),
    };
  });
}

/** Whether registrations are behind plan by the end of the month before `currentMonth` (see the file's note). */
export function behindPlan(rows: readonly RegistrationRow[], currentMonth: IsoMonth, share: number): BehindPlan | undefined {
  const done = rows.filter((r) => r.month < currentMonth);
  const last = done.at(-1);
  if (last === undefined) return undefined;
  const plannedToDate = done.reduce((sum, r) => sum + r.planned, 0);
  const registeredToDate = done.reduce((sum, r) => sum + r.registered, 0);
  if (plannedToDate === 0 || registeredToDate >= Math.ceil(plannedToDate * share)) return undefined;
  return {
    throughMonth: last.month,
    plannedToDate,
    registeredToDate,
    text: `Registrations are behind plan: ${registeredToDate} of the ${plannedToDate} new accounts planned by the end of ${formatMonth(last.month)} are registered.`,
  };
}

/** Where the questionnaire's answer (sent to NHS Digital) and the groups' plan disagree, in words; empty when they agree. */
export function questionnaireDifferences(rows: readonly RegistrationRow[]): string[] {
  return rows
    .filter((r) => r.questionnaire !== undefined && r.questionnaire !== r.planned)
    .map((r) => `${formatMonth(r.month)}: ${r.planned} planned here, ${r.questionnaire ?? 0} in the questionnaire`);
}

/** The figures NHS Digital expects for `month`, as one line ready to send. */
export function monthFiguresLine(rows: readonly RegistrationRow[], month: IsoMonth): string {
  const row = rows.find((r) => r.month === month);
  const planned = row?.planned ?? 0;
  const registered = row?.registered ?? 0;
  return `${formatMonth(month)}: ${registered} new NHSmail accounts registered (activated or migrated) against ${planned} planned.`;
}

export { formatMonth };
