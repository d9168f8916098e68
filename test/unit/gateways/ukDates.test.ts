import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  daysBetween,
  formatUkDate,
  formatDueDate,
  formatOverdue,
  formatUkDateTime,
  isIsoDate,
  isWorkingDay,
  todayInLondon,
} from '../../../bot/migration/shared/ukDates';

describe('todayInLondon', () => {
  it.each([
    ['2026-01-15T23:30:00Z', '2026-01-15', 'in winter London is on UTC'],
    ['2026-03-28T23:30:00Z', '2026-03-28', 'the night before the clocks go forward is still GMT'],
    ['2026-03-29T00:30:00Z', '2026-03-29', 'just before 01:00 UTC on the change day'],
    ['2026-03-29T23:30:00Z', '2026-03-30', 'after the clocks go forward, 23:30 UTC is 00:30 BST the next day'],
    ['2026-07-01T23:00:00Z', '2026-07-02', 'midnight BST is 23:00 UTC the day before'],
    ['2026-07-01T22:59:59Z', '2026-07-01', 'one second before midnight BST'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'the night the clocks go back, still BST'],
    ['2026-10-25T00:30:00Z', '2026-10-25', 'during the repeated hour'],
    ['2026-10-25T23:30:00Z', '2026-10-25', 'after the clocks go back, 23:30 UTC is 23:30 GMT'],
  ])('when it is %s, then today in London is %s (%s)', (instant, expected) => {
    expect(todayInLondon(new Date(instant))).toBe(expected);
  });
});

describe('isIsoDate', () => {
  it.each(['2026-11-25', '2028-02-29', '2026-01-01'])('when given the real date %s, then it is accepted', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  it.each(['2026-02-29', '2026-13-01', '2026-11-31', '25/11/2026', '2026-1-5', '2026-11-25T00:00:00Z', ' 2026-11-25', '', 20261125, null])(
    'when given %s, then it is rejected',
    (d) => {
      expect(isIsoDate(d)).toBe(false);
    },
  );
});

describe('daysBetween and addDays', () => {
  it('when the span crosses the spring clock change, then a day is still a whole day', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('when the span crosses the autumn clock change, then a day is still a whole day', () => {
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('when the end is earlier, then the days are negative; the same day is 0', () => {
    expect(daysBetween('2026-11-25', '2026-11-20')).toBe(-5);
    expect(daysBetween('2026-11-25', '2026-11-25')).toBe(0);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('when a date is not real, then the helpers refuse it rather than guess', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => addDays('2026-11-25', 1.5)).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('when the date is a weekday, then it is a working day; weekends and given bank holidays are not', () => {
    expect(isWorkingDay('2026-11-25')).toBe(true);
    expect(isWorkingDay('2026-11-28')).toBe(false);
    expect(isWorkingDay('2026-11-29')).toBe(false);
    expect(isWorkingDay('2026-12-25', ['2026-12-25'])).toBe(false);
  });

  it('when adding working days from a Friday, then the weekend is skipped', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-27', 5)).toBe('2026-12-04');
  });

  it('when adding 10 working days (a stage), then two calendar weeks pass', () => {
    expect(addWorkingDays('2026-11-25', 10)).toBe('2026-12-09');
  });

  it('when bank holidays are given, then they are skipped too', () => {
    const holidays = ['2026-12-25', '2026-12-28'];
    expect(addWorkingDays('2026-12-24', 1, holidays)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-25');
  });

  it('when the span crosses the clock changes, then working days are unaffected', () => {
    expect(addWorkingDays('2026-03-27', 1)).toBe('2026-03-30');
    expect(addWorkingDays('2026-10-23', 1)).toBe('2026-10-26');
  });

  it('when adding 0, then the date is unchanged, even on a weekend', () => {
    expect(addWorkingDays('2026-11-28', 0)).toBe('2026-11-28');
  });

  it('when the number is negative, then it counts back over weekends', () => {
    expect(addWorkingDays('2026-11-30', -1)).toBe('2026-11-27');
  });

  it('when the start is not a date or the count not whole, then it throws', () => {
    expect(() => addWorkingDays('tomorrow', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-25', 0.5)).toThrow(RangeError);
  });
});

describe('UK formatting', () => {
  it.each([
    ['2026-11-25', 'Wed 25 Nov 2026'],
    ['2026-09-01', 'Tue 1 Sep 2026'],
    ['2026-03-29', 'Sun 29 Mar 2026'],
    ['2026-10-25', 'Sun 25 Oct 2026'],
  ])('when formatting %s, then it reads %s', (iso, text) => {
    expect(formatUkDate(iso)).toBe(text);
  });

  it.each([
    ['2026-11-25T14:05:00Z', 'Wed 25 Nov 2026, 14:05', 'GMT in winter'],
    ['2026-07-01T13:05:00Z', 'Wed 1 Jul 2026, 14:05', 'BST in summer'],
    ['2026-03-29T00:59:00Z', 'Sun 29 Mar 2026, 00:59', 'last minute of GMT'],
    ['2026-03-29T01:00:00Z', 'Sun 29 Mar 2026, 02:00', 'clocks go forward'],
    ['2026-10-25T00:30:00Z', 'Sun 25 Oct 2026, 01:30', 'first 01:30 (BST)'],
    ['2026-10-25T01:30:00Z', 'Sun 25 Oct 2026, 01:30', 'second 01:30 (GMT)'],
    ['2026-12-31T23:59:00Z', 'Thu 31 Dec 2026, 23:59', 'midnight is 00, not 24'],
    ['2027-01-01T00:00:00Z', 'Fri 1 Jan 2027, 00:00', 'midnight'],
    ['2026-07-01T23:30:00Z', 'Thu 2 Jul 2026, 00:30', 'the London date, a day on from UTC\'s'],
  ])('when formatting the instant %s, then London time reads %s (%s)', (instant, text) => {
    expect(formatUkDateTime(instant)).toBe(text);
    expect(formatUkDateTime(new Date(instant))).toBe(text);
  });

  it('when the timestamp is not valid, then formatting throws', () => {
    expect(() => formatUkDateTime('not a time')).toThrow(RangeError);
  });

  it.each([
    ['2026-12-15', '2026-12-15', 'due today', ''],
    ['2026-12-16', '2026-12-15', 'due tomorrow', ''],
    ['2026-12-18', '2026-12-15', 'due Fri 18 Dec 2026', ''],
    ['2026-12-14', '2026-12-15', 'due Mon 14 Dec 2026', 'overdue by 1 day'],
    ['2026-12-12', '2026-12-15', 'due Sat 12 Dec 2026', 'overdue by 3 days'],
    ['2027-03-27', '2027-03-29', 'due Sat 27 Mar 2027', 'overdue by 2 days'],
  ])('when an item is due %s and today is %s, then it reads %j and %j', (due, today, dueText, overdueText) => {
    expect(formatDueDate(due, today)).toBe(dueText);
    expect(formatOverdue(due, today)).toBe(overdueText);
  });
});
