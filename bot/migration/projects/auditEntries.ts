import type { StageNumber } from '../gateways/catalogueTypes';
import type { GatewayOutcome, IsoTimestamp, ItemAuditEntry, MilestoneKind, PersonRef } from '../gateways/gatewayState';
import type { ProjectRole } from '../gateways/roles';
import type { IsoDate } from '../shared/ukDates';
import type { HighlightSlot } from '../reports/highlightSchedule';
import type { ProjectDetails } from './project';

/**
 * The project's append-only audit log, in two halves: entries about a
 * gateway (its items and decisions) and entries about the project itself
 * (roles, milestones).
 *
 * Why two halves: each entry is saved in the same document as the change it
 * records, so the two can never disagree (the store has no transactions). A
 * repository only ever appends these; nothing edits or removes one.
 */

export type GatewayAuditEntry =
  | ({ readonly kind: 'item-changed' } & ItemAuditEntry)
  | {
      readonly kind: 'gateway-decided';
      readonly at: IsoTimestamp;
      readonly by: PersonRef;
      readonly stage: StageNumber;
      readonly outcome: GatewayOutcome;
      readonly comment: string;
    }
  | {
      readonly kind: 'gateway-reopened';
      readonly at: IsoTimestamp;
      readonly by: PersonRef;
      readonly stage: StageNumber;
      readonly reason: string;
    };

export type ProjectAuditEntry =
  | { readonly kind: 'project-set-up'; readonly at: IsoTimestamp; readonly by: PersonRef }
  | {
      readonly kind: 'role-changed';
      readonly at: IsoTimestamp;
      readonly by: PersonRef;
      readonly member: PersonRef;
      /** null: was not a member / is no longer one. */
      readonly before: ProjectRole | null;
      readonly after: ProjectRole | null;
    }
  | {
      readonly kind: 'project-details-changed';
      readonly at: IsoTimestamp;
      readonly by: PersonRef;
      /** Only the details that changed, as they were and as they became. */
      readonly before: Partial<ProjectDetails>;
      readonly after: Partial<ProjectDetails>;
    }
  | {
      /** `reports here`: the weekly report's channel moved (the targets themselves are opaque and not kept here). */
      readonly kind: 'reports-moved';
      readonly at: IsoTimestamp;
      readonly by: PersonRef;
    }
  | {
      /** `highlight settings`: the weekly report's day and time; null is the default slot. */
      readonly kind: 'highlight-slot-changed';
      readonly at: IsoTimestamp;
      readonly by: PersonRef;
      readonly before: HighlightSlot | null;
      readonly after: HighlightSlot | null;
    }
  | {
      readonly kind: 'milestone-recorded';
      readonly at: IsoTimestamp;
      readonly by: PersonRef;
      readonly milestoneId: string;
      readonly milestoneKind: MilestoneKind;
      readonly date: IsoDate;
    };

/** The item entries of a gateway log, in the shape the existing item rules produce. */
export function itemEntries(log: readonly GatewayAuditEntry[], itemId: string): readonly ItemAuditEntry[] {
  const entries: ItemAuditEntry[] = [];
  for (const entry of log) {
    if (entry.kind === 'item-changed' && entry.itemId === itemId) {
      const { kind: _kind, ...item } = entry;
      entries.push(item);
    }
  }
  return entries;
}
