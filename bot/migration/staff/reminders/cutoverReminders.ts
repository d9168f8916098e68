import { composeMyMigration, type MyMigrationAnswer, type MyMigrationInput } from '../../answers/personal/myMigrationAnswer';
import type { RolloutGroup } from '../rolloutGroup';
import type { StaffMember } from '../staffMember';
import { daysBetween, formatUkDate, type IsoDate } from '../../shared/ukDates';

/**
 * Personal reminders before a group's cutover: N days before (a setting, 7 and 1 by default), each member of the
 * group gets their own to-do list.
 *
 * Why "the nearest reminder not yet passed" rather than "exactly N days before": a run missed (the bot down for a
 * day, a date moved closer) must still remind people, and one reminder is enough when two fall due together. The
 * claim per person and reminder keeps each one single, however often the job runs.
 */

export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 1];

export interface DueReminder {
  readonly group: RolloutGroup & { readonly cutoverDate: IsoDate };
  /** Which reminder: the N of "N days before". */
  readonly daysBefore: number;
  /** How many days there really are to go today (at most `daysBefore`). */
  readonly daysToGo: number;
}

/** The reminder each group is due today, if any: the smallest N with the cutover at most N days away (and not today or past). */
export function dueReminders(groups: readonly RolloutGroup[], today: IsoDate, reminderDays: readonly number[] = DEFAULT_REMINDER_DAYS): readonly DueReminder[] {
  const days = [...new Set(reminderDays.filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b);
  const due: DueReminder[] = [];
  for (const group of groups) {
    if (group.cutoverDate === undefined) continue;
    const toGo = daysBetween(today, group.cutoverDate);
    if (toGo < 1) continue;
    const daysBefore = days.find((n) => toGo <= n);
    if (daysBefore !== undefined) due.push({ group: { ...group, cutoverDate: group.cutoverDate }, daysBefore, daysToGo: toGo });
  }
  return due;
}

/** The claim's period for one person's reminder: a moved date is a new reminder, the same date never twice. */
export function reminderPeriod(reminder: DueReminder, localId: string): string {
  return `${reminder.group.groupId}:${reminder.group.cutoverDate}:${reminder.daysBefore}d:${localId}`;
}

/** The claim's period for the project manager's one summary of a reminder round. */
export function reminderSummaryPeriod(reminder: DueReminder): string {
  return `${reminder.group.groupId}:${reminder.group.cutoverDate}:${reminder.daysBefore}d`;
}

/** Only people get reminders: shared, resource and system mailboxes have nobody to read them. */
export function isRemindable(member: StaffMember): boolean {
  return member.accountType === 'person' && member.status !== 'migrated';
}

/** The person's own answer, led by their to-do list, under a headline that says how soon. */
export function composeCutoverReminder(input: Omit<MyMigrationInput, 'focus'>, reminder: DueReminder): MyMigrationAnswer {
  const answer = composeMyMigration({ ...input, focus: 'what-to-do' });
  const when = reminder.daysToGo === 1 ? 'tomorrow' : `in ${reminder.daysToGo} days`;
  return { ...answer, headline: `Reminder: you move to NHSmail ${when}, on ${formatUkDate(reminder.group.cutoverDate)}. Here is what to do before then.` };
}

export interface ReminderRoundCounts {
  readonly reminded: number;
  /** Could not be reached: not matched to Teams yet, no personal chat (the app not installed for them), or Teams refused. */
  readonly unreachable: number;
}

/** What the project manager is told once a round is done. */
export function reminderSummaryText(organisationName: string, reminder: DueReminder, counts: ReminderRoundCounts): string {
  const date = formatUkDate(reminder.group.cutoverDate);
  const head = `Cutover reminders for ${reminder.group.name} (moving on ${date}, ${reminder.daysBefore === 1 ? '1 day' : `${reminder.daysBefore} days`} before) in the ${organisationName} migration: ${counts.reminded} ${counts.reminded === 1 ? 'person' : 'people'} reminded in Teams.`;
  if (counts.unreachable === 0) return head;
  return (
    `${head} ${counts.unreachable} could not be reached: Gateway is not installed for them in Teams, Teams could not say who they are when it was, or they blocked it. ` +
    'Ask your Teams administrator to install Gateway for everyone (see the README, "Installing Gateway for everyone"), and tell them by other means meanwhile.'
  );
}
