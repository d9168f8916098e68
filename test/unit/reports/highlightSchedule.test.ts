import { describe, expect, it } from 'vitest';
import { describeSlot, londonMinuteOfWeek, minuteOfWeek, parseHighlightSlot, reportedWeek, slotHasPassed } from '../../../bot/migration/reports/highlightSchedule';
import { ValidationFailed } from '../../../bot/migration/shared/errors';

const fieldsOf = (input: Record<string, unknown>): string[] => {
  try {
    parseHighlightSlot(input);
  } catch (err) {
    if (err instanceof ValidationFailed) return err.fieldErrors.map((e) => `${e.field}: ${e.message}`);
    throw err;
  }
  return [];
};

describe('a project’s own highlight slot', () => {
  it('when a day and a time are given, then they are the slot; seconds from a client are dropped', () => {
    expect(parseHighlightSlot({ weekday: '5', time: '16:00' })).toEqual({ weekday: 5, time: '16:00' });
    expect(parseHighlightSlot({ weekday: '1', time: '09:30:00' })).toEqual({ weekday: 1, time: '09:30' });
    expect(describeSlot({ weekday: 5, time: '16:00' })).toBe('Fridays at 16:00 (UK time)');
  });

  it('when the day or time is wrong, then each reason is given under its field', () => {
    expect(fieldsOf({ weekday: '8', time: '25:00' })).toEqual(['weekday: Choose a day of the week.', 'time: Give a time of day such as 09:00 (24-hour, UK time).']);
    expect(fieldsOf({ time: '9am' })).toHaveLength(2);
  });

  it('when London is on summer time, then the slot is read on London’s clock, not UTC', () => {
    // Friday 3 July 2026, 15:30 UTC = 16:30 BST.
    const now = new Date('2026-07-03T15:30:00Z');
    expect(londonMinuteOfWeek(now)).toBe(4 * 1440 + 16 * 60 + 30);
    expect(slotHasPassed({ weekday: 5, time: '16:00' }, now)).toBe(true);
    expect(slotHasPassed({ weekday: 5, time: '17:00' }, now)).toBe(false);
    expect(minuteOfWeek({ weekday: 1, time: '09:00' })).toBe(540);
  });

  it('when the slot is early in the week, then it reports on the week just ended; late in the week, on the week in progress', () => {
    const friday = new Date('2026-07-03T15:30:00Z'); // ISO week 2026-W27
    expect(reportedWeek({ weekday: 1, time: '09:00' }, friday).key).toBe('2026-W26');
    expect(reportedWeek({ weekday: 5, time: '16:00' }, friday).key).toBe('2026-W27');
  });
});
