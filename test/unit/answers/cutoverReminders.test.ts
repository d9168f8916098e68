import { describe, expect, it } from 'vitest';
import { dueReminders, reminderPeriod, reminderSummaryText } from '../../../bot/migration/staff/reminders/cutoverReminders';
import { rolloutGroup } from './personalFixtures';

describe('which cutover reminder is due', () => {
  const pilot = rolloutGroup({ cutoverDate: '2027-03-02' });

  it('when a group is exactly 7 or 1 days away, then that reminder is due', () => {
    expect(dueReminders([pilot], '2027-02-23').map((r) => [r.daysBefore, r.daysToGo])).toEqual([[7, 7]]);
    expect(dueReminders([pilot], '2027-03-01').map((r) => [r.daysBefore, r.daysToGo])).toEqual([[1, 1]]);
  });

  it('when a run was missed, then the nearest reminder not yet passed is still due (the claim keeps it single)', () => {
    expect(dueReminders([pilot], '2027-02-26').map((r) => r.daysBefore)).toEqual([7]);
  });

  it('when the group is further off than every reminder, on the day, past, or unscheduled, then nothing is due', () => {
    expect(dueReminders([pilot], '2027-02-20')).toEqual([]);
    expect(dueReminders([pilot], '2027-03-02')).toEqual([]);
    expect(dueReminders([pilot], '2027-03-05')).toEqual([]);
    expect(dueReminders([rolloutGroup({ cutoverDate: undefined })], '2027-03-01')).toEqual([]);
  });

  it('when the setting is 14, 3, then those are the reminders', () => {
    expect(dueReminders([pilot], '2027-02-16', [14, 3]).map((r) => r.daysBefore)).toEqual([14]);
    expect(dueReminders([pilot], '2027-02-27', [3, 14]).map((r) => r.daysBefore)).toEqual([3]);
  });

  it('when the cutover date moves, then the claim period is a new one, so people are reminded of the new date', () => {
    const [before] = dueReminders([pilot], '2027-02-23');
    const [after] = dueReminders([rolloutGroup({ cutoverDate: '2027-03-03' })], '2027-02-24');
    if (!before || !after) throw new Error('expected reminders');
    expect(reminderPeriod(before, 'E1')).toBe('pilot:2027-03-02:7d:E1');
    expect(reminderPeriod(after, 'E1')).not.toBe(reminderPeriod(before, 'E1'));
  });

  it('when nobody was unreachable, then the PM summary says only how many were reminded', () => {
    const [due] = dueReminders([pilot], '2027-02-23');
    if (!due) throw new Error('expected a reminder');
    expect(reminderSummaryText('Ysbyty', due, { reminded: 3, unreachable: 0 })).toBe('Cutover reminders for Pilot (moving on Tue 2 Mar 2027, 7 days before) in the Ysbyty migration: 3 people reminded in Teams.');
    expect(reminderSummaryText('Ysbyty', due, { reminded: 1, unreachable: 2 })).toContain('2 could not be reached');
    expect(reminderSummaryText('Ysbyty', due, { reminded: 1, unreachable: 2 })).not.toContain('asked it anything');
  });
});
