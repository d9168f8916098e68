import type { ChecklistEntry } from '../bot/migration/projects/getChecklist';
import { formatDueDate, formatOverdue } from '../bot/migration/shared/ukDates';
import { capitalised } from './labels';

/** Long reasons would crowd a 34-item list (and its size budget); the full text is on the item card. */
const NA_REASON_PREVIEW = 120;

/** "Owner: Priya Shah · Due Wed 25 Nov 2026" (or "Due today"), so the list answers "who, by when" without opening the item. */
export function itemDetail(entry: ChecklistEntry, members: ReadonlySet<string> = new Set()): string {
  const owner = entry.owner
    ? `Owner: ${entry.owner.name}${members.size > 0 && !members.has(entry.owner.id) ? ' (no longer in the project team)' : ''}`
    : 'No owner yet';
  const due = entry.due !== undefined ? [capitalised(formatDueDate(entry.due, entry.today))] : [];
  const reason = entry.status === 'not-applicable' && entry.naReason ? [`Reason: ${preview(entry.naReason, NA_REASON_PREVIEW)}`] : [];
  return [owner, ...due, ...reason].join(' · ');
}

/** "Overdue by 3 days" for an open item past its due date, else empty: the card shows it in red. */
export function overdueText(entry: ChecklistEntry): string {
  return entry.overdue && entry.due !== undefined ? capitalised(formatOverdue(entry.due, entry.today)) : '';
}

/** Cuts long text to `max` characters with an ellipsis, for lists where the full text is one click away. */
export function preview(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
