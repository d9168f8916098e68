import type { IsoDate } from '../shared/ukDates';
import type { StageNumber } from './catalogueTypes';

/**
 * Record types for a project's progress through the gateways.
 *
 * Why separate from the catalogue: the catalogue is shared reference data;
 * these are each project's own documents, edited by several people at once,
 * so each item carries a `version` for optimistic concurrency and keeps its
 * notes and evidence as append-only history.
 */

/** A person, as stored: the Teams user id plus the name shown at the time. */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
}

/** An instant as an ISO 8601 timestamp (UTC), e.g. '2026-11-25T14:05:00.000Z'. */
export type IsoTimestamp = string;

export const ITEM_STATUSES = ['open', 'done', 'not-applicable', 'skipped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface ItemNote {
  readonly text: string;
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
}

/** A link to a document that shows the item was done (a business case, the PID, a pilot sign-off). */
export interface ItemEvidence {
  readonly url: string;
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
}

export interface ItemState {
  /** A catalogue item id. */
  readonly itemId: string;
  readonly status: ItemStatus;
  readonly owner?: PersonRef;
  readonly due?: IsoDate;
  /**
   * The latest notes (at most `INLINE_NOTES_KEPT`), oldest first. Every note is also in the gateway's audit log,
   * which is paged, so older ones move out of the item instead of growing its gateway document without bound.
   */
  readonly notes: readonly ItemNote[];
  /** How many earlier notes were moved out of `notes`; absent means none. They are read from the audit log. */
  readonly olderNotes?: number;
  /** The latest evidence links (at most `INLINE_EVIDENCE_KEPT`), oldest first; earlier ones are in the audit log. */
  readonly evidence: readonly ItemEvidence[];
  readonly olderEvidence?: number;
  /** Why the item does not apply; present exactly when status is 'not-applicable'. */
  readonly naReason?: string;
  readonly updatedBy: PersonRef;
  readonly updatedAt: IsoTimestamp;
  /** Goes up by one with every change; an edit must name the version it was based on. */
  readonly version: number;
}

export type GatewayOutcome = 'go' | 'no-go';

export interface GatewayDecision {
  readonly outcome: GatewayOutcome;
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
  /** Required for a no-go (what must change); optional for a go. */
  readonly comment: string;
}

export interface GatewayReopening {
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
  readonly reason: string;
  /** The go decision that was undone, kept so the history stays complete. */
  readonly previousDecision?: GatewayDecision;
}

export interface GatewayState {
  readonly stage: StageNumber;
  /** The latest decision; absent while the gateway is open. A 'go' means the gateway has passed. */
  readonly decision?: GatewayDecision;
  readonly reopened: readonly GatewayReopening[];
}

export const MILESTONE_KINDS = ['pipeline-slot', 'pilot-go-no-go', 'extra-approval-days', 'questionnaire-submitted', 'other'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** A dated event worth remembering: the pipeline slot, the pilot go / no-go, and so on. */
export interface Milestone {
  readonly id: string;
  readonly kind: MilestoneKind;
  readonly date: IsoDate;
  readonly note: string;
  readonly recordedBy: PersonRef;
}

/** One field change on one item, for the project's audit log. */
export interface ItemAuditEntry {
  readonly at: IsoTimestamp;
  readonly by: PersonRef;
  readonly itemId: string;
  readonly field: 'status' | 'naReason' | 'owner' | 'due' | 'notes' | 'evidence';
  /** A readable rendering of the old value; null when there was none. */
  readonly before: string | null;
  readonly after: string | null;
}

/** A fresh, untouched item: open, no owner, version 0. */
export function newItemState(itemId: string, by: PersonRef, at: IsoTimestamp): ItemState {
  return { itemId, status: 'open', notes: [], evidence: [], updatedBy: by, updatedAt: at, version: 0 };
}

/** A gateway nobody has decided on yet. */
export function newGatewayState(stage: StageNumber): GatewayState {
  return { stage, reopened: [] };
}

/** Passed means the latest decision is a 'go'. */
export function isPassed(gateway: GatewayState | undefined): boolean {
  return gateway?.decision?.outcome === 'go';
}
