import { ValidationFailed, type FieldError } from '../shared/errors';
import { londonClock } from '../shared/ukDates';
import { shiftWeek, weekContaining, weekdayIndex, type LondonWeek } from './londonWeeks';

/**
 * A project's own day and time for its weekly highlight post, in UK time (`highlight settings`). Projects without
 * one are posted at the organisation's default slot (`WEEKLY_HIGHLIGHT_CRON`).
 *
 * Which week a post reports on: a slot from Monday to Wednesday reports on the week just ended (the default Monday
 * 09:00 post), a slot from Thursday to Sunday on the week in progress (a Friday 16:00 post sums up the week it ends).
 * That week is also the post's claim key, the one `post highlight now` takes for the week in progress, so however the
 * slot is moved (Monday to Friday, Friday to Monday) no week is ever posted twice.
 */
export interface HighlightSlot {
  /** 1 Monday … 7 Sunday (ISO). */
  readonly weekday: number;
  /** `HH:MM`, 24-hour, UK time. */
  readonly time: string;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Checks what the card sent; every problem is reported under its field, and nothing is returned half-valid. */
export function parseHighlightSlot(input: { readonly weekday?: unknown; readonly time?: unknown }): HighlightSlot {
  const errors: FieldError[] = [];
  const weekdayText = typeof input.weekday === 'string' ? input.weekday.trim() : typeof input.weekday === 'number' ? String(input.weekday) : '';
  const weekday = /^[1-7]$/.test(weekdayText) ? Number(weekdayText) : undefined;
  if (weekday === undefined) errors.push({ field: 'weekday', message: 'Choose a day of the week.' });
  const timeText = typeof input.time === 'string' ? input.time.trim() : '';
  // Adaptive Card time inputs send HH:mm; some clients add seconds.
  const time = /^\d{2}:\d{2}:\d{2}$/.test(timeText) ? timeText.slice(0, 5) : timeText;
  if (!TIME.test(time)) errors.push({ field: 'time', message: 'Give a time of day such as 09:00 (24-hour, UK time).' });
  if (errors.length > 0 || weekday === undefined) throw new ValidationFailed(errors);
  return { weekday, time };
}

/** Minutes from Monday 00:00 (UK time) to the slot: what the due query compares, and the order slots come in. */
export function minuteOfWeek(slot: HighlightSlot): number {
  const match = TIME.exec(slot.time);
  const hours = Number(match?.[1] ?? 0);
  const minutes = Number(match?.[2] ?? 0);
  return (slot.weekday - 1) * 1440 + hours * 60 + minutes;
}

/** Minutes from Monday 00:00 of the London week holding `now`, as London's clock reads then (GMT or BST). */
export function londonMinuteOfWeek(now: Date): number {
  const { date, hour, minute } = londonClock(now);
  return weekdayIndex(date) * 1440 + hour * 60 + minute;
}

/** Whether the slot has come this ISO week (London) by `now`. */
export function slotHasPassed(slot: HighlightSlot, now: Date): boolean {
  return minuteOfWeek(slot) <= londonMinuteOfWeek(now);
}

/** The week a post at this slot reports on (and claims), for the ISO week holding `now`. */
export function reportedWeek(slot: HighlightSlot, now: Date): LondonWeek {
  const week = weekContaining(now);
  return slot.weekday <= 3 ? shiftWeek(week, -1) : week;
}

/** "Fridays at 16:00 (UK time)". */
export function describeSlot(slot: HighlightSlot): string {
  return `${WEEKDAY_NAMES[slot.weekday - 1] ?? 'Monday'}s at ${slot.time} (UK time)`;
}

/**
 * A slot as kept on the project: with its minute of the week, which the due query compares without working out
 * anyone's slot (London's clock, Monday 00:00 = 0).
 */
export interface StoredHighlightSlot extends HighlightSlot {
  readonly minuteOfWeek: number;
}

export function storedSlot(slot: HighlightSlot): StoredHighlightSlot {
  return { weekday: slot.weekday, time: slot.time, minuteOfWeek: minuteOfWeek(slot) };
}

export function sameSlot(a: HighlightSlot | undefined, b: HighlightSlot | undefined): boolean {
  return a?.weekday === b?.weekday && a?.time === b?.time;
}
