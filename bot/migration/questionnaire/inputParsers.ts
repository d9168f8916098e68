import { isIsoDate, type IsoDate } from '../shared/ukDates';

/**
 * Reading what people type into cards.
 *
 * Why lenient in form, strict in meaning: answers arrive as strings from
 * Adaptive Card inputs or as values from dialogs, typed by busy people. So
 * "1,200", " 25/11/2026 " and "Yes" are all fine, but "about 1200", 31 June
 * or "1.5 people" are not guessed at.
 */

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Nothing was entered: null, an empty or all-space string, or an empty list. `undefined` is handled by the caller. */
export function isBlank(raw: unknown): boolean {
  if (raw === null) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  return Array.isArray(raw) && raw.length === 0;
}

/** A string or a number as trimmed text; anything else is not text. */
export function asText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

/** A non-negative whole number from a number or a string such as "1200" or "1,200" (commas only in thousands). */
export function parseWholeNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!/^(?:\d+|\d{1,3}(?:,\d{3})+)$/.test(text)) return undefined;
  const value = Number(text.replace(/,/g, ''));
  return Number.isSafeInteger(value) ? value : undefined;
}

/** "1200" as "1,200", the way numbers are written in the UK. */
export function formatWholeNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A real date written ISO (2026-11-25, as date pickers send it) or the UK way (25/11/2026). */
export function parseDate(raw: unknown): IsoDate | undefined {
  const text = asText(raw);
  if (text === undefined) return undefined;
  if (isIsoDate(text)) return text;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!uk) return undefined;
  const [, day = '', month = '', year = ''] = uk;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** "2024-01-01" as "1 January 2024", for messages. */
export function formatLongDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

/** "2027-01" as "January 2027". */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[number - 1] ?? ''} ${year}`;
}

/** A real calendar month written `YYYY-MM`. */
export function isIsoMonth(value: string): boolean {
  return isIsoDate(`${value}-01`) && /^\d{4}-\d{2}$/.test(value);
}

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * A plain internet address such as name@nhs.net, lower-cased. Strict on
 * purpose: quoted local parts, IP-address domains and single-label domains
 * are legal but never what an NHS contact address looks like.
 */
export function parseEmail(raw: unknown): string | undefined {
  const text = asText(raw);
  if (text === undefined || text.length > 254) return undefined;
  const at = text.lastIndexOf('@');
  if (at < 1) return undefined;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > 64 || !EMAIL_LOCAL.test(local)) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return undefined;
  if (!/^[A-Za-z]{2,}$/.test(labels[labels.length - 1] ?? '')) return undefined;
  return text.toLowerCase();
}

/** Yes or no, from a toggle ("true"/"false"), a choice ("yes"/"no") or a real boolean. */
export function parseYesNo(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  const text = asText(raw)?.toLowerCase();
  if (text === 'yes' || text === 'y' || text === 'true') return true;
  if (text === 'no' || text === 'n' || text === 'false') return false;
  return undefined;
}

/** Text with Windows and old Mac line ends made plain `\n`, trimmed. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Length as people count it (an emoji or accented letter is one character). */
export function characterCount(text: string): number {
  return [...text].length;
}
