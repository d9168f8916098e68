import type { ChecklistEntry } from '../bot/migration/projects/getChecklist';
import type { ItemStatus } from '../bot/migration/gateways/gatewayState';

/**
 * How a long checklist is cut into cards Teams accepts. Gateway 4 alone has 34 items: drawn in full, with owners
 * and buttons, it is well over a Teams message (100 KB counted in UTF-16). So a checklist card shows the guide's
 * sections as a summary and the items of one section, open ones first; a section with more items than fit on one
 * card (gateway 2's section 3 has 17) is paged. Every item is one press away, and the card's buttons carry the
 * section and page so Done, Refresh and Back return to the same place.
 */

/** Items drawn on one card: with the longest names and reasons, ten rows stay far inside the budget. */
export const CHECKLIST_ROWS_PER_PAGE = 10;

/** Which part of a checklist a card shows; anything missing or unknown falls back to the section needing work. */
export interface ChecklistView {
  readonly section?: string;
  readonly page?: number;
}

export interface SectionSummary {
  readonly section: string;
  readonly total: number;
  readonly open: number;
  readonly requiredOpen: number;
}

export interface ChecklistPage {
  /** Every section of the gateway, in the guide's order. */
  readonly sections: readonly SectionSummary[];
  readonly section: string;
  /** This page's items: open (or skipped) first, then settled ones, each group in the guide's order. */
  readonly entries: readonly ChecklistEntry[];
  /** From 0. */
  readonly page: number;
  readonly pageCount: number;
}

const SETTLED: readonly ItemStatus[] = ['done', 'not-applicable'];

function isOpen(entry: ChecklistEntry): boolean {
  return !SETTLED.includes(entry.status);
}

export function checklistPage(entries: readonly ChecklistEntry[], view: ChecklistView = {}): ChecklistPage {
  const bySection = new Map<string, ChecklistEntry[]>();
  for (const entry of entries) {
    const list = bySection.get(entry.item.guideSection);
    if (list) list.push(entry);
    else bySection.set(entry.item.guideSection, [entry]);
  }
  const sections = [...bySection].map(([section, list]): SectionSummary => ({
    section,
    total: list.length,
    open: list.filter(isOpen).length,
    requiredOpen: list.filter((e) => isOpen(e) && e.item.mandatory).length,
  }));
  const chosen =
    sections.find((s) => s.section === view.section) ?? sections.find((s) => s.open > 0) ?? sections[0] ?? { section: '', total: 0, open: 0, requiredOpen: 0 };
  const inSection = bySection.get(chosen.section) ?? [];
  const ordered = [...inSection.filter(isOpen), ...inSection.filter((e) => !isOpen(e))];
  const pageCount = Math.max(1, Math.ceil(ordered.length / CHECKLIST_ROWS_PER_PAGE));
  const page = Math.min(Math.max(0, view.section === chosen.section ? (view.page ?? 0) : 0), pageCount - 1);
  return {
    sections,
    section: chosen.section,
    entries: ordered.slice(page * CHECKLIST_ROWS_PER_PAGE, (page + 1) * CHECKLIST_ROWS_PER_PAGE),
    page,
    pageCount,
  };
}

/**
 * The section and page a button asked for. Card data comes back from the client, so anything odd is dropped and
 * the card shows its default part rather than an error.
 */
export function checklistViewFrom(data: Readonly<Record<string, unknown>>): ChecklistView {
  const section = typeof data.section === 'string' && /^\d+(\.\d+){0,3}$/.test(data.section) ? data.section : undefined;
  const page = Number(data.page);
  return {
    ...(section === undefined ? {} : { section }),
    ...(Number.isSafeInteger(page) && page > 0 ? { page } : {}),
  };
}
