import { addDays, addWorkingDays, isWorkingDay, type IsoDate } from '../../shared/ukDates';
import { formatMonth, monthFiguresLine, type RegistrationRow } from './registrations';
import type { IsoMonth } from './rolloutPlan';

/**
 * NHS Digital asks for each month's registrations "before the end of each month" (guide 6.1). The PM is reminded
 * once a month, `workingDaysBefore` working days before its last working day, with the figures ready to send. Pure:
 * the job decides whether today is the day, and claims the month so only one reminder goes.
 */

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The day the reminder for `month` is due. */
export function reminderDay(month: IsoMonth, workingDaysBefore: number, bankHolidays: readonly IsoDate[] = []): IsoDate {
  let last = lastDayOfMonth(month);
  while (!isWorkingDay(last, bankHolidays)) last = addDays(last, -1);
  return addWorkingDays(last, -workingDaysBefore, bankHolidays);
}

/** The month to remind about on `today`, or undefined before its day. Once due it stays due to the month's end, so a missed run still reminds. */
export function reminderDue(today: IsoDate, workingDaysBefore: number, bankHolidays: readonly IsoDate[] = []): IsoMonth | undefined {
  const month = today.slice(0, 7);
  return today >= reminderDay(month, workingDaysBefore, bankHolidays) ? month : undefined;
}

/** The claim that makes the reminder once a month per project. */
export function reminderClaimId(month: IsoMonth): string {
  return `registrations-reminder:${month}`;
}

/** The personal-chat text: what to send and the figures. */
export function reminderText(organisationName: string, rows: readonly RegistrationRow[], month: IsoMonth): string {
  return [
    `${organisationName}: NHS Digital expects this month's registrations before ${formatMonth(month)} ends (guide 6.1).`,
    `Ready to send: ${monthFiguresLine(rows, month)}`,
    'Type registrations for the table and chart.',
  ].join('\n\n');
}
