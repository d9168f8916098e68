import { InvalidState, StaleEdit, ValidationFailed } from '../shared/errors';
import { isIsoDate } from '../shared/ukDates';
import { findItem } from './catalogue';
import type { GatewayCatalogue } from './catalogueTypes';
import {
  ITEM_STATUSES,
  newItemState,
  type IsoTimestamp,
  type ItemAuditEntry,
  type ItemState,
  type ItemStatus,
  type PersonRef,
} from './gatewayState';
import { assertCan, type ProjectRole } from './roles';

/**
 * Applying one change to one checklist item.
 *
 * Why pure and versioned: several people tick off the same checklist from
 * different chats. Each change names the version it was based on; if someone
 * else got there first the change is refused (stale edit) instead of silently
 * overwriting theirs. Every change also yields audit entries, because gateway
 * sign-off is an assurance step and people will ask who changed what.
 */

export const NOTE_MAX_LENGTH = 1000;
export const NA_REASON_MAX_LENGTH = 500;
export const EVIDENCE_URL_MAX_LENGTH = 2000;

/**
 * Notes and evidence kept on the item itself. All 34 items of a gateway share one document (so a change and its
 * audit entries are one write), and 90 notes of 1,000 characters on each would pass Cosmos's 2 MB; the audit log
 * holds every note and link in full and is paged, so the item keeps the latest few and counts the rest.
 */
export const INLINE_NOTES_KEPT = 10;
export const INLINE_EVIDENCE_KEPT = 5;

export type ItemChange =
  | { readonly field: 'status'; readonly status: ItemStatus; readonly naReason?: string }
  | { readonly field: 'owner'; readonly owner: PersonRef | null }
  | { readonly field: 'due'; readonly due: string | null }
  | { readonly field: 'note'; readonly text: string }
  | { readonly field: 'evidence'; readonly url: string };

export interface ItemUpdate {
  readonly itemId: string;
  /** The version the person was looking at when they made the change. */
  readonly expectedVersion: number;
  readonly change: ItemChange;
  readonly by: PersonRef;
  readonly role: ProjectRole;
  readonly at: IsoTimestamp;
}

export interface ItemUpdateResult {
  readonly state: ItemState;
  /** One entry per field that changed; empty when the change altered nothing. */
  readonly audit: readonly ItemAuditEntry[];
}

/**
 * Applies `update` to `current` (undefined for an item nobody has touched yet,
 * which counts as version 0). Throws PermissionDenied, NotFound, StaleEdit or
 * ValidationFailed. A change that alters nothing returns `current` unchanged,
 * with no new version and no audit.
 */
export function applyItemUpdate(
  catalogue: GatewayCatalogue,
  current: ItemState | undefined,
  update: ItemUpdate,
): ItemUpdateResult {
  assertCan(update.role, 'update-item');
  const { item } = findItem(catalogue, update.itemId);
  if (current && current.itemId !== update.itemId) {
    throw new InvalidState('That change was meant for a different checklist item.');
  }
  const base = current ?? newItemState(update.itemId, update.by, update.at);
  if (update.expectedVersion !== base.version) throw new StaleEdit(update.expectedVersion, base.version);

  const changes = planChange(base, update.change, item.mandatory);
  if (changes.length === 0) return { state: base, audit: [] };

  let next: ItemState = { ...base, updatedBy: update.by, updatedAt: update.at, version: base.version + 1 };
  for (const change of changes) next = change.apply(next, update);
  return {
    state: next,
    audit: changes.map((c) => ({ at: update.at, by: update.by, itemId: update.itemId, field: c.field, before: c.before, after: c.after })),
  };
}

interface FieldChange {
  readonly field: ItemAuditEntry['field'];
  readonly before: string | null;
  readonly after: string | null;
  readonly apply: (state: ItemState, update: ItemUpdate) => ItemState;
}

function planChange(base: ItemState, change: ItemChange, mandatory: boolean): FieldChange[] {
  switch (change.field) {
    case 'status':
      return planStatus(base, change.status, change.naReason, mandatory);
    case 'owner':
      return planOwner(base, change.owner);
    case 'due':
      return planDue(base, change.due);
    case 'note':
      return planNote(change.text);
    case 'evidence':
      return planEvidence(change.url);
  }
}

function invalid(field: string, message: string): never {
  throw new ValidationFailed([{ field, message }]);
}

function planStatus(base: ItemState, status: ItemStatus, naReasonInput: string | undefined, mandatory: boolean): FieldChange[] {
  if (!(ITEM_STATUSES as readonly string[]).includes(status)) {
    invalid('status', 'Please choose open, done, not applicable or skipped.');
  }
  if (status === 'skipped' && mandatory) {
    invalid('status', "This item is required, so it can't be skipped. If it really doesn't apply to you, mark it not applicable and say why.");
  }
  let naReason: string | undefined;
  if (status === 'not-applicable') {
    naReason = (naReasonInput ?? '').trim();
    if (naReason.length === 0) invalid('naReason', 'Please say why this item does not apply to your organisation.');
    if (naReason.length > NA_REASON_MAX_LENGTH) {
      invalid('naReason', `Please keep the reason to ${NA_REASON_MAX_LENGTH} characters or fewer.`);
    }
  }

  const changes: FieldChange[] = [];
  if (status !== base.status) {
    changes.push({ field: 'status', before: base.status, after: status, apply: (s) => ({ ...s, status }) });
  }
  if (naReason !== base.naReason) {
    changes.push({
      field: 'naReason',
      before: base.naReason ?? null,
      after: naReason ?? null,
      apply: (s) => withOptional(s, 'naReason', naReason),
    });
  }
  return changes;
}

function planOwner(base: ItemState, owner: PersonRef | null): FieldChange[] {
  if (owner !== null && (owner.id.trim() === '' || owner.name.trim() === '')) {
    invalid('owner', 'Please choose a person to own this item.');
  }
  if ((owner?.id ?? null) === (base.owner?.id ?? null)) return [];
  const next = owner === null ? undefined : { id: owner.id, name: owner.name.trim() };
  return [{ field: 'owner', before: base.owner?.name ?? null, after: next?.name ?? null, apply: (s) => withOptional(s, 'owner', next) }];
}

function planDue(base: ItemState, due: string | null): FieldChange[] {
  const value = due === null ? undefined : due.trim();
  if (value !== undefined && !isIsoDate(value)) {
    invalid('due', 'Please give the due date as a real date in the form YYYY-MM-DD, for example 2026-11-25.');
  }
  if (value === base.due) return [];
  return [{ field: 'due', before: base.due ?? null, after: value ?? null, apply: (s) => withOptional(s, 'due', value) }];
}

function planNote(input: string): FieldChange[] {
  const text = input.trim();
  if (text.length === 0) invalid('note', 'Please write something in the note.');
  if (text.length > NOTE_MAX_LENGTH) invalid('note', `Please keep notes to ${NOTE_MAX_LENGTH} characters or fewer.`);
  return [
    {
      field: 'notes',
      before: null,
      after: text,
      apply: (s, u) => {
        const all = [...s.notes, { text, by: u.by, at: u.at }];
        const moved = Math.max(0, all.length - INLINE_NOTES_KEPT);
        return moved === 0 ? { ...s, notes: all } : { ...s, notes: all.slice(moved), olderNotes: (s.olderNotes ?? 0) + moved };
      },
    },
  ];
}

function planEvidence(input: string): FieldChange[] {
  const url = input.trim();
  if (!isHttpsUrl(url)) {
    invalid('evidence', 'Please give a secure link to the document, starting with https:// (for example a SharePoint link).');
  }
  return [
    {
      field: 'evidence',
      before: null,
      after: url,
      apply: (s, u) => {
        const all = [...s.evidence, { url, by: u.by, at: u.at }];
        const moved = Math.max(0, all.length - INLINE_EVIDENCE_KEPT);
        return moved === 0 ? { ...s, evidence: all } : { ...s, evidence: all.slice(moved), olderEvidence: (s.olderEvidence ?? 0) + moved };
      },
    },
  ];
}

/** An absolute https link with a host, no embedded credentials, and a sensible length. */
export function isHttpsUrl(value: string): boolean {
  if (value.length === 0 || value.length > EVIDENCE_URL_MAX_LENGTH || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Sets an optional field, or removes it entirely when `value` is undefined (so stored documents carry no nulls). */
function withOptional<K extends 'naReason' | 'owner' | 'due'>(state: ItemState, key: K, value: ItemState[K]): ItemState {
  const copy: { -readonly [P in keyof ItemState]: ItemState[P] } = { ...state };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}
