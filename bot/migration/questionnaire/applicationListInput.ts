import {
  APPLICATION_PURPOSE_LABELS,
  APPLICATION_PURPOSES,
  MAIL_ROUTE_LABELS,
  MAIL_ROUTES,
  type ApplicationEntry,
} from './answerTypes';
import { asText, characterCount, isBlank, parseYesNo } from './inputParsers';

/**
 * Reading the list of integrated applications.
 *
 * Why every row is checked and all problems reported together: the list is
 * typed in one go on a card, often from a spreadsheet, and saying "row 4"
 * once is kinder than four round trips. Empty rows (a card's spare lines)
 * are ignored rather than reported.
 */

export const APPLICATION_LIST_MAX_ROWS = 100;
export const APPLICATION_NAME_MAX_LENGTH = 100;
export const APPLICATION_CONTACT_MAX_LENGTH = 200;

export type ApplicationListResult = { readonly ok: true; readonly value: readonly ApplicationEntry[] } | { readonly ok: false; readonly message: string };

/** Accepts a list of objects, or that list as JSON text (how a card's hidden input carries it). */
export function parseApplicationList(raw: unknown): ApplicationListResult {
  const rows = asRows(raw);
  if (!rows) return { ok: false, message: 'Add each application as a row with its name, what it is for and how it sends mail.' };

  const problems: string[] = [];
  const entries: ApplicationEntry[] = [];
  const names = new Map<string, number>();
  rows.forEach((row, index) => {
    const label = `Application ${index + 1}`;
    if (!isRecord(row)) {
      problems.push(`${label}: give its name, what it is for and how it sends mail.`);
      return;
    }
    if (['name', 'purpose', 'sendsMailVia', 'contact'].every((k) => row[k] === undefined || isBlank(row[k]))) return;

    const name = asText(row.name) ?? '';
    if (name === '') problems.push(`${label}: enter its name.`);
    else if (characterCount(name) > APPLICATION_NAME_MAX_LENGTH) problems.push(`${label}: keep the name to ${APPLICATION_NAME_MAX_LENGTH} characters or fewer.`);
    else {
      const earlier = names.get(name.toLowerCase());
      if (earlier !== undefined) problems.push(`${label} has the same name as application ${earlier}; give each a different name.`);
      names.set(name.toLowerCase(), index + 1);
    }

    const purpose = matchOption(row.purpose, APPLICATION_PURPOSES, APPLICATION_PURPOSE_LABELS);
    if (!purpose) problems.push(`${label}: choose what it is for: ${listLabels(APPLICATION_PURPOSES, APPLICATION_PURPOSE_LABELS)}.`);

    const route = isBlank(row.sendsMailVia) || row.sendsMailVia === undefined ? 'unknown' : matchOption(row.sendsMailVia, MAIL_ROUTES, MAIL_ROUTE_LABELS);
    if (!route) problems.push(`${label}: choose how it sends mail: ${listLabels(MAIL_ROUTES, MAIL_ROUTE_LABELS)}.`);

    const contact = row.contact === undefined || isBlank(row.contact) ? undefined : asText(row.contact);
    if (row.contact !== undefined && !isBlank(row.contact) && contact === undefined) problems.push(`${label}: write the contact as text.`);
    else if (contact !== undefined && characterCount(contact) > APPLICATION_CONTACT_MAX_LENGTH) {
      problems.push(`${label}: keep the contact to ${APPLICATION_CONTACT_MAX_LENGTH} characters or fewer.`);
    }

    const flagged = row.flagged === undefined || isBlank(row.flagged) ? false : parseYesNo(row.flagged);
    if (flagged === undefined) problems.push(`${label}: say yes or no to flagging it for re-integration.`);

    if (name !== '' && purpose && route) {
      entries.push({ name, purpose, sendsMailVia: route, ...(contact ? { contact } : {}), ...(flagged ? { flagged: true } : {}) });
    }
  });

  if (entries.length > APPLICATION_LIST_MAX_ROWS) problems.unshift(`List up to ${APPLICATION_LIST_MAX_ROWS} applications.`);
  if (problems.length > 0) return { ok: false, message: problems.join(' ') };
  return { ok: true, value: entries };
}

function asRows(raw: unknown): readonly unknown[] | undefined {
  if (Array.isArray(raw)) return raw as readonly unknown[];
  if (typeof raw !== 'string' || !raw.trim().startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as readonly unknown[]) : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An option by its id or its label, ignoring case and surrounding spaces. */
function matchOption<T extends string>(raw: unknown, ids: readonly T[], labels: Readonly<Record<T, string>>): T | undefined {
  const text = asText(raw)?.toLowerCase();
  if (text === undefined || text === '') return undefined;
  return ids.find((id) => id === text || labels[id].toLowerCase() === text);
}

function listLabels<T extends string>(ids: readonly T[], labels: Readonly<Record<T, string>>): string {
  return ids.map((id) => labels[id]).join(', ');
}
