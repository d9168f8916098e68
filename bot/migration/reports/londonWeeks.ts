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
  return weekOf(londonDateOf(now));
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

const HOUR_MS = 3_600_000;

/** 01:00 UTC on the last Sunday of `month` (0-based) in `year`: when British Summer Time starts or ends. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * The London calendar date of a stored timestamp, by the UK's summer time
 * rule (since 1996: GMT+1 from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October) rather than through Intl. Why: a
 * report replays every audit line of a project, and this is a hundred times
 * cheaper than formatting each one; a test checks it agrees with
 * todayInLondon every half hour across the clock changes.
 */
export function londonDateOf(at: IsoTimestamp | Date): IsoDate {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid timestamp: ${String(at)}`);
  const year = new Date(ms).getUTCFullYear();
  if (year < 1996) return todayInLondon(new Date(ms));
  const summer = ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9);
  return new Date(ms + (summer ? HOUR_MS : 0)).toISOString().slice(0, 10);
}

export function inWeek(date: IsoDate, week: LondonWeek): boolean {
  return date >= week.start && date <= week.end;
}

/** "Mon 23 Nov 2026 to Sun 29 Nov 2026". */
export function describeWeek(week: LondonWeek): string {
  return `${formatUkDate(week.start)} to ${formatUkDate(week.end)}`;
}
