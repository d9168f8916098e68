import type { StageNumber } from '../gateways/catalogueTypes';
import { addDays, daysBetween, formatUkDate, type IsoDate } from '../shared/ukDates';
import type { ItemTimeline } from './itemTimeline';
import { shiftWeek, weekOf, type LondonWeek } from './londonWeeks';

/**
 * The burn-down of required items and the forecast drawn from it.
 *
 * The burn-down counts, at the end of each week, the required items of the
 * gateways due before cutover that are neither done nor not applicable,
 * against the straight line from all of them at the start of the project's
 * first week to none at cutover.
 *
 * The forecast assumes the work goes on at the pace of the last few weeks
 * (four by default, fewer for a younger project): the net fall in open
 * required items over those weeks (items reopened count back) divided by the
 * number of weeks. At that pace the gateways are finished in their order,
 * one after the other, from the end of the report's week; the last gateway
 * with open items sets the finishing date, which is compared with cutover.
 */

export interface BurnDownPoint {
  readonly weekKey: string;
  /** The Sunday the point is measured at. */
  readonly weekEnding: IsoDate;
  /** Required items still open at the end of the week; absent for weeks after the report's. */
  readonly open?: number;
  /** The straight line to cutover, to one decimal place. */
  readonly ideal: number;
}

export interface RequiredScope {
  /** Required items of the gateways due before cutover, by gateway in order. */
  readonly byStage: readonly { readonly stage: StageNumber; readonly itemIds: readonly string[] }[];
}

export function scopeItemIds(scope: RequiredScope): readonly string[] {
  return scope.byStage.flatMap((s) => s.itemIds);
}

export function burnDownSeries(
  timeline: ItemTimeline,
  scope: RequiredScope,
  from: LondonWeek,
  reportWeek: LondonWeek,
  cutover: IsoDate,
  maxPoints: number,
): readonly BurnDownPoint[] {
  const itemIds = scopeItemIds(scope);
  const total = itemIds.length;
  const last = weekOf(cutover).start > reportWeek.start ? weekOf(cutover) : reportWeek;
  const lineDays = Math.max(1, daysBetween(from.start, cutover));
  const points: BurnDownPoint[] = [];
  for (let week = from; week.start <= last.start; week = shiftWeek(week, 1)) {
    const remainingDays = Math.max(0, daysBetween(week.end, cutover));
    const ideal = Math.round((total * Math.min(lineDays, remainingDays) * 10) / lineDays) / 10;
    points.push({
      weekKey: week.key,
      weekEnding: week.end,
      ...(week.start <= reportWeek.start ? { open: timeline.openOn(itemIds, week.end) } : {}),
      ideal,
    });
  }
  return points.slice(-maxPoints);
}

/** 'too-early': the project is in its first week and nothing is finished yet, so there is no pace to go on. */
export type ForecastOutcome = 'finished' | 'on-track' | 'at-risk' | 'too-early';

export interface Forecast {
  readonly outcome: ForecastOutcome;
  /** "On track", or "At risk: at this pace gateway 4 finishes around Sun 14 Jun 2026, after the cutover on Thu 28 May 2026." */
  readonly headline: string;
  /** How the figure was worked out, in a sentence or two. */
  readonly workings: string;
  readonly openNow: number;
  /** Required items finished a week, net of reopened ones, over `weeks`. */
  readonly ratePerWeek: number;
  readonly weeks: number;
  /** Absent when finished, or when nothing moved (at this pace it never finishes). */
  readonly finishesAround?: IsoDate;
  /** The gateway that finishes last at this pace. */
  readonly lastGateway?: StageNumber;
  /** When each gateway with open required items finishes at this pace. */
  readonly gatewayFinishes: readonly { readonly stage: StageNumber; readonly finishesAround: IsoDate }[];
}

export function forecastFinish(
  timeline: ItemTimeline,
  scope: RequiredScope,
  reportWeek: LondonWeek,
  firstWeek: LondonWeek,
  cutover: IsoDate,
  forecastWeeks: number,
): Forecast {
  const itemIds = scopeItemIds(scope);
  const gatewaysText = describeStages(scope.byStage.map((s) => s.stage));
  const cutoverText = formatUkDate(cutover);
  const openNow = timeline.openOn(itemIds, reportWeek.end);
  const elapsedWeeks = Math.max(1, Math.round(daysBetween(firstWeek.start, reportWeek.start) / 7) + 1);
  const weeks = Math.min(forecastWeeks, elapsedWeeks);
  const openBefore = timeline.openOn(itemIds, shiftWeek(reportWeek, -weeks).end);
  const finished = openBefore - openNow;
  const ratePerWeek = Math.round((finished / weeks) * 100) / 100;
  const overWeeks = `the last ${weeks === 1 ? 'week' : `${weeks} weeks`}`;

  if (openNow === 0) {
    return { outcome: 'finished', headline: 'On track', workings: `Every required item of ${gatewaysText} is done or not applicable.`, openNow, ratePerWeek, weeks, gatewayFinishes: [] };
  }
  if (finished <= 0 && elapsedWeeks < 2) {
    return {
      outcome: 'too-early',
      headline: 'Too early to forecast',
      workings: `This is the project's first week and no required items of ${gatewaysText} are finished yet, so there is no pace to go on.`,
      openNow,
      ratePerWeek,
      weeks,
      gatewayFinishes: [],
    };
  }
  if (finished <= 0) {
    return {
      outcome: 'at-risk',
      headline: `At risk: no required items of ${gatewaysText} were finished in ${overWeeks}, so at this pace they will not be finished by the cutover on ${cutoverText}.`,
      workings: `${openNow} required ${openNow === 1 ? 'item is' : 'items are'} still open; ${overWeeks === 'the last week' ? 'last week' : `over ${overWeeks}`} the number open ${finished < 0 ? `went up by ${-finished}` : 'did not fall'}.`,
      openNow,
      ratePerWeek,
      weeks,
      gatewayFinishes: [],
    };
  }

  const gatewayFinishes: { stage: StageNumber; finishesAround: IsoDate }[] = [];
  let cumulative = 0;
  for (const { stage, itemIds: ids } of scope.byStage) {
    const open = timeline.openOn(ids, reportWeek.end);
    if (open === 0) continue;
    cumulative += open;
    gatewayFinishes.push({ stage, finishesAround: addDays(reportWeek.end, Math.ceil((cumulative / (finished / weeks)) * 7)) });
  }
  const last = gatewayFinishes.at(-1);
  const finishesAround = last?.finishesAround ?? reportWeek.end;
  const lastGateway = last?.stage;
  const late = finishesAround > cutover;
  const rateText = formatRate(finished / weeks);
  const weeksNeeded = Math.ceil(openNow / (finished / weeks));
  const workings =
    `${finished} required ${finished === 1 ? 'item' : 'items'} of ${gatewaysText} ${finished === 1 ? 'was' : 'were'} finished in ${overWeeks} (less any reopened), ${rateText} a week. ` +
    `${openNow} ${openNow === 1 ? 'is' : 'are'} still open: at ${rateText} a week that takes about ${weeksNeeded} ${weeksNeeded === 1 ? 'week' : 'weeks'} from ${formatUkDate(reportWeek.end)}, to around ${formatUkDate(finishesAround)}.`;
  const where = `gateway ${lastGateway ?? ''} finishes around ${formatUkDate(finishesAround)}`;
  return {
    outcome: late ? 'at-risk' : 'on-track',
    headline: late ? `At risk: at this pace ${where}, after the cutover on ${cutoverText}.` : 'On track',
    workings: late ? workings : `${workings} That is before the cutover on ${cutoverText}.`,
    openNow,
    ratePerWeek,
    weeks,
    finishesAround,
    ...(lastGateway !== undefined ? { lastGateway } : {}),
    gatewayFinishes,
  };
}

function formatRate(rate: number): string {
  return Number.isInteger(rate) ? String(rate) : rate.toFixed(1).replace(/\.0$/, '');
}

/** "gateways 1 to 4", "gateways 1, 2 and 4", "gateway 3". */
export function describeStages(stages: readonly StageNumber[]): string {
  if (stages.length === 1) return `gateway ${stages[0] ?? ''}`;
  const consecutive = stages.every((s, i) => i === 0 || s === (stages[i - 1] ?? 0) + 1);
  if (consecutive) return `gateways ${stages[0] ?? ''} to ${stages.at(-1) ?? ''}`;
  return `gateways ${stages.slice(0, -1).join(', ')} and ${stages.at(-1) ?? ''}`;
}
