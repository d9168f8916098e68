import { todayInLondon, type IsoDate } from '../migration/shared/ukDates';

/** An ISO 8601 week such as `2026-W19`: the period a weekly post belongs to, and part of its claim's id. */
export type IsoWeek = string;

/**
 * The ISO week of a London calendar date. Weeks run Monday to Sunday and week 1 is the one holding the year's first
 * Thursday, so 29 Dec 2025 is in 2026-W01. Worked on UTC midnights, so a clock change cannot shift a day.
 */
export function isoWeekOfDate(date: IsoDate): IsoWeek {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  // The Thursday of this week decides the week's year.
  const thursday = new Date(day.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstOfYear = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - firstOfYear) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week of an instant, as London sees the date (late Sunday evening in summer is still Sunday there). */
export function isoWeekOf(now: Date): IsoWeek {
  return isoWeekOfDate(todayInLondon(now));
}

/** The Monday (London date) an ISO week starts on: `2026-W19` → `2026-05-04`. */
export function mondayOfIsoWeek(week: IsoWeek): IsoDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new RangeError(`Not an ISO week (YYYY-Www): ${week}`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Weekday = jan4.getUTCDay() === 0 ? 7 : jan4.getUTCDay();
  const monday = new Date(jan4.getTime() + ((number - 1) * 7 - (jan4Weekday - 1)) * 86_400_000);
  return monday.toISOString().slice(0, 10);
}
