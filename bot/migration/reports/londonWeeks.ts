import type { IsoTimestamp } from '../gateways/gatewayState';
import { addDays, daysBetween, formatUkDate, todayInLondon, type IsoDate } from '../shared/ukDates';

/**
 * Reporting weeks: Monday to Sunday as people in London live them.
 *
 * Why calendar dates, not instants: a week boundary is "midnight in London",
 * which is 00:00Z in winter and 23:00Z the Sunday before in summer. Rather
 * than compute offsets, every instant is first turned into its London
 * calendar date (todayInLondon, the one place that knows the time zone), and
 * all week arithmetic is then done on dates, where every day is one day long
 * and the clock changes on the last Sundays of March and October cannot
 * stretch or shrink a week.
 */

export interface LondonWeek {
  /** The Monday. */
  readonly start: IsoDate;
  /** The Sunday. */
  readonly end: IsoDate;
  /** ISO 8601 week, e.g. '2026-W49': the key of the week's exactly-once claim. */
  readonly key: string;
}

/** A Monday long ago, so weekdays come from whole-day differences alone. */
const A_MONDAY: IsoDate = '1970-01-05';

/** 0 for Monday to 6 for Sunday. */
export function weekdayIndex(date: IsoDate): number {
  return (((daysBetween(A_MONDAY, date) % 7) + 7) % 7);
}

export function weekOf(date: IsoDate): LondonWeek {
  const start = addDays(date, -weekdayIndex(date));
  return { start, end: addDays(start, 6), key: isoWeekKey(start) };
}

/** The week that holds the instant `now` in London. */
export function weekContaining(now: Date): LondonWeek {
  return weekOf(todayInLondon(now));
}

/** The week `weeks` after (or, negative, before) `week`. */
export function shiftWeek(week: LondonWeek, weeks: number): LondonWeek {
  return weekOf(addDays(week.start, weeks * 7));
}

/**
 * ISO 8601 week key of the week starting on `monday`: the week belongs to the
 * year its Thursday falls in, so 29 Dec 2025 starts 2026-W01 and 28 Dec 2026
 * starts 2026-W53.
 */
export function isoWeekKey(monday: IsoDate): string {
  const thursday = addDays(monday, 3 - weekdayIndex(monday));
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The London calendar date of a stored timestamp. */
export function londonDateOf(at: IsoTimestamp): IsoDate {
  return todayInLondon(new Date(at));
}

export function inWeek(date: IsoDate, week: LondonWeek): boolean {
  return date >= week.start && date <= week.end;
}

/** "Mon 23 Nov 2026 to Sun 29 Nov 2026". */
export function describeWeek(week: LondonWeek): string {
  return `${formatUkDate(week.start)} to ${formatUkDate(week.end)}`;
}
