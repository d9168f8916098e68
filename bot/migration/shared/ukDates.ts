/**
 * UK date helpers.
 *
 * Why: NHS projects plan in calendar dates and working days in England, and
 * "today" means today in London, not in the server's time zone (Azure runs in
 * UTC, so an item due today would look overdue from midnight to 01:00 during
 * British Summer Time). Calendar dates are kept as ISO strings `YYYY-MM-DD` and
 * all day arithmetic is done on UTC midnights, so clock changes can never make
 * a day 23 or 25 hours long.
 */

/** A calendar date as `YYYY-MM-DD`. A plain string so it stores and serialises as itself. */
export type IsoDate = string;

export const UK_TIME_ZONE = 'Europe/London';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
/** Fixed month names: ICU versions disagree on "Sep" versus "Sept". */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const londonDateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const londonDateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  const found = parts.find((p) => p.type === type);
  if (!found) throw new Error(`Intl.DateTimeFormat gave no ${type}`);
  return found.value;
}

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (so 2026-02-30 is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Parses an ISO date to its UTC midnight, throwing on anything that is not a real date. */
function toUtcMidnight(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMidnight(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today's date in London for the instant `now` (pass the clock in; the domain never reads it). */
export function todayInLondon(now: Date): IsoDate {
  const parts = londonDateParts.formatToParts(now);
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`;
}

/** Adds (or, if negative, subtracts) whole calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number: ${days}`);
  return fromUtcMidnight(toUtcMidnight(date) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / MS_PER_DAY);
}

/** Monday to Friday, and not one of the given bank holidays. */
export function isWorkingDay(date: IsoDate, bankHolidays: readonly IsoDate[] = []): boolean {
  const weekday = new Date(toUtcMidnight(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidays.includes(date);
}

/**
 * Moves `days` working days on from `date` (back, if negative). Adding 0
 * returns the date unchanged even on a weekend. Bank holidays are a parameter
 * because they differ between England, Wales, Scotland and Northern Ireland and
 * change year to year; the caller knows which list applies.
 */
export function addWorkingDays(date: IsoDate, days: number, bankHolidays: readonly IsoDate[] = []): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Working days must be a whole number: ${days}`);
  const step = days < 0 ? -1 : 1;
  let remaining = Math.abs(days);
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current, bankHolidays)) remaining -= 1;
  }
  return current;
}

/** An ISO date as people in the UK read it, e.g. "Wed 25 Nov 2026". */
/** London's date and wall-clock time (GMT or BST as applies) at the instant `at`: one reading of the clock. */
export function londonClock(at: Date): { readonly date: IsoDate; readonly hour: number; readonly minute: number } {
  const parts = londonDateTimeParts.formatToParts(at);
  return { date: `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`, hour: Number(part(parts, 'hour')), minute: Number(part(parts, 'minute')) };
}

export function formatUkDate(date: IsoDate): string {
  const d = new Date(toUtcMidnight(date));
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * An instant as London wall-clock time in the same style as `formatUkDate`, e.g. "Wed 25 Nov 2026, 14:05" (GMT or
 * BST as applies), so a checklist's dates and its history read alike.
 */
export function formatUkDateTime(at: Date | string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a valid timestamp: ${String(at)}`);
  const parts = londonDateTimeParts.formatToParts(instant);
  const date = formatUkDate(`${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`);
  return `${date}, ${part(parts, 'hour')}:${part(parts, 'minute')}`;
}

/**
 * A due date as it reads beside today: "due today", "due tomorrow", otherwise "due Wed 25 Nov 2026" (also for a
 * past date; say how late with `formatOverdue`). `today` is London's (`todayInLondon`).
 */
export function formatDueDate(due: IsoDate, today: IsoDate): string {
  const days = daysBetween(today, due);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due ${formatUkDate(due)}`;
}

/** How late an open item is: "overdue by 1 day", "overdue by 3 days"; empty when it is not yet late. */
export function formatOverdue(due: IsoDate, today: IsoDate): string {
  const late = daysBetween(due, today);
  return late > 0 ? `overdue by ${late} ${late === 1 ? 'day' : 'days'}` : '';
}
