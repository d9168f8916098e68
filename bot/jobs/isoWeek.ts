import { weekContaining, weekOf } from '../migration/reports/londonWeeks';
import type { IsoDate } from '../migration/shared/ukDates';

/** An ISO 8601 week such as `2026-W19`: the period a weekly post belongs to, and part of its claim's id. */
export type IsoWeek = string;

/** The ISO week of a London calendar date (the highlight report's weeks: `bot/migration/reports/londonWeeks.ts`). */
export function isoWeekOfDate(date: IsoDate): IsoWeek {
  return weekOf(date).key;
}

/** The ISO week of an instant, as London sees the date (late Sunday evening in summer is still Sunday there). */
export function isoWeekOf(now: Date): IsoWeek {
  return weekContaining(now).key;
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
