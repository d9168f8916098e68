import { describe, expect, it } from 'vitest';
import { describeWeek, isoWeekKey, londonDateOf, shiftWeek, weekContaining, weekOf } from '../../../bot/migration/reports/londonWeeks';
import { addDays, daysBetween, todayInLondon } from '../../../bot/migration/shared/ukDates';

describe('reporting weeks in London', () => {
  it('when a date is midweek, then its week runs Monday to Sunday with its ISO key', () => {
    expect(weekOf('2026-11-25')).toEqual({ start: '2026-11-23', end: '2026-11-29', key: '2026-W48' });
    expect(weekOf('2026-11-23').start).toBe('2026-11-23');
    expect(weekOf('2026-11-29').start).toBe('2026-11-23');
    expect(weekOf('2026-12-03').key).toBe('2026-W49');
    expect(describeWeek(weekOf('2026-11-25'))).toBe('Mon 23 Nov 2026 to Sun 29 Nov 2026');
  });

  it('when a week straddles the new year, then it belongs to the year of its Thursday', () => {
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
    expect(weekOf('2027-01-03').key).toBe('2026-W53');
    expect(weekOf('2027-01-04').key).toBe('2027-W01');
    expect(weekOf('2021-01-03').key).toBe('2020-W53');
    expect(weekOf('2024-12-30').key).toBe('2025-W01');
  });

  it('when the clocks go forward (Sun 29 Mar 2026), then Monday starts at midnight BST, which is 23:00 on Sunday in UTC', () => {
    expect(weekContaining(new Date('2026-03-29T00:30:00.000Z')).start).toBe('2026-03-23');
    expect(weekContaining(new Date('2026-03-29T22:59:59.000Z')).start).toBe('2026-03-23');
    expect(weekContaining(new Date('2026-03-29T23:00:00.000Z'))).toEqual({ start: '2026-03-30', end: '2026-04-05', key: '2026-W14' });
    // The Sunday before, still in GMT: Monday starts at 00:00Z.
    expect(weekContaining(new Date('2026-03-22T23:30:00.000Z')).start).toBe('2026-03-16');
    expect(weekContaining(new Date('2026-03-23T00:00:00.000Z')).start).toBe('2026-03-23');
  });

  it('when the clocks go back (Sun 25 Oct 2026), then Monday 26 starts at 00:00Z and the Monday before at 23:00Z', () => {
    expect(weekContaining(new Date('2026-10-18T22:59:59.000Z')).start).toBe('2026-10-12');
    expect(weekContaining(new Date('2026-10-18T23:00:00.000Z')).start).toBe('2026-10-19');
    expect(weekContaining(new Date('2026-10-25T23:30:00.000Z')).start).toBe('2026-10-19');
    expect(weekContaining(new Date('2026-10-26T00:00:00.000Z'))).toEqual({ start: '2026-10-26', end: '2026-11-01', key: '2026-W44' });
  });

  it('when weeks are stepped through three years, then every one is seven days, Monday to Sunday, with no gaps and keys in sequence', () => {
    let week = weekOf('2026-01-01');
    let numbers = 0;
    const fiftyThirds: string[] = [];
    for (let i = 0; i < 160; i += 1) {
      const next = shiftWeek(week, 1);
      expect(daysBetween(week.start, week.end)).toBe(6);
      expect(next.start).toBe(addDays(week.end, 1));
      expect(next.key > week.key).toBe(true);
      if (next.key.endsWith('W01')) numbers += 1;
      if (next.key.endsWith('W53')) fiftyThirds.push(next.key);
      week = next;
    }
    expect(numbers).toBe(3);
    expect(fiftyThirds).toEqual(['2026-W53']);
  });

  it('when instants every half hour through 2025 to 2027 are turned into London dates, then the arithmetic agrees with Intl every time', () => {
    const disagreements: string[] = [];
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 30 * 60_000) {
      const at = new Date(ms);
      if (londonDateOf(at.toISOString()) !== todayInLondon(at)) disagreements.push(at.toISOString());
    }
    for (const edge of ['2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00.000Z', '2026-10-25T00:59:59.999Z', '2026-10-25T01:00:00.000Z', '2026-10-24T23:00:00.000Z', '2026-10-24T22:59:59.999Z']) {
      if (londonDateOf(edge) !== todayInLondon(new Date(edge))) disagreements.push(edge);
    }
    expect(disagreements).toEqual([]);
    expect(() => londonDateOf('yesterday')).toThrow(RangeError);
  });
});
