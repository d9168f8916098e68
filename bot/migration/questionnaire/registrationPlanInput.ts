import type { IsoMonth, RegistrationMonth } from './answerTypes';
import { asText, formatMonth, isIsoMonth, parseWholeNumber } from './inputParsers';

/**
 * Reading the planned registrations per month.
 *
 * Why text lines as well as rows: the pipeline team asks for "numbers of new
 * accounts needed per month for the duration of the project", which people
 * keep in a spreadsheet; pasting "2027-01: 200" lines into one box is the
 * quickest way to get it onto a card. The plan is kept sorted by month.
 */

export const REGISTRATION_PLAN_MAX_MONTHS = 120;

const EXAMPLE = 'like 2027-01: 200';

export type RegistrationPlanResult = { readonly ok: true; readonly value: readonly RegistrationMonth[] } | { readonly ok: false; readonly message: string };

/** Accepts rows of `{ month, planned }` or text with one "YYYY-MM: number" (or "MM/YYYY: number") a line. */
export function parseRegistrationPlan(raw: unknown): RegistrationPlanResult {
  const problems: string[] = [];
  const months: RegistrationMonth[] = [];

  const add = (where: string, monthRaw: unknown, plannedRaw: unknown): void => {
    const month = parseMonth(monthRaw);
    const planned = parseWholeNumber(plannedRaw);
    if (month === undefined) problems.push(`${where}: give the month as a real month, ${EXAMPLE}.`);
    if (planned === undefined) problems.push(`${where}: enter the planned number as a whole number of 0 or more.`);
    if (month !== undefined && planned !== undefined) {
      if (months.some((m) => m.month === month)) problems.push(`${formatMonth(month)} appears more than once; give one number for each month.`);
      else months.push({ month, planned });
    }
  };

  if (Array.isArray(raw)) {
    (raw as readonly unknown[]).forEach((row, index) => {
      const where = `Row ${index + 1}`;
      if (typeof row !== 'object' || row === null) problems.push(`${where}: give a month and a number, ${EXAMPLE}.`);
      else {
        const { month, planned } = row as { month?: unknown; planned?: unknown };
        add(where, month, planned);
      }
    });
  } else if (typeof raw === 'string') {
    raw.split(/\r\n|\r|\n/).forEach((line, index) => {
      if (line.trim() === '') return;
      const where = `Line ${index + 1}`;
      const match = /^\s*(\d{4}-\d{1,2}|\d{1,2}\/\d{4})(?:\s*[:=]\s*|\s+)(.*?)\s*$/.exec(line);
      if (!match) problems.push(`${where}: write a month and a number, ${EXAMPLE}.`);
      else add(where, match[1], match[2]);
    });
  } else {
    return { ok: false, message: `Give a number for each month, ${EXAMPLE}.` };
  }

  if (months.length > REGISTRATION_PLAN_MAX_MONTHS) problems.unshift(`Plan up to ${REGISTRATION_PLAN_MAX_MONTHS} months.`);
  if (problems.length > 0) return { ok: false, message: problems.join(' ') };
  return { ok: true, value: [...months].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0)) };
}

/** "2027-01", "2027-1" or "01/2027" as "2027-01". */
function parseMonth(raw: unknown): IsoMonth | undefined {
  const text = asText(raw);
  if (text === undefined) return undefined;
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{4})$/.exec(text);
  const month = iso ? `${iso[1]}-${(iso[2] ?? '').padStart(2, '0')}` : uk ? `${uk[2]}-${(uk[1] ?? '').padStart(2, '0')}` : undefined;
  return month !== undefined && isIsoMonth(month) ? month : undefined;
}
