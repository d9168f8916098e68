import type { IsoTimestamp, ItemStatus } from '../gateways/gatewayState';
import { ITEM_STATUSES } from '../gateways/gatewayState';
import { isSettled } from '../gateways/itemStateIndex';
import type { GatewayAuditEntry } from '../projects/auditEntries';
import type { IsoDate } from '../shared/ukDates';
import { londonDateOf } from './londonWeeks';

/**
 * Each item's status through time, replayed from the gateways' audit trails.
 *
 * Why replay: the records hold only each item's status now, while the report
 * needs it at the end of every past week (the burn-down, progress since last
 * week). Every status change is audited in the same write as the change
 * itself, so the trail is complete; an item never changed is open throughout.
 */
export interface StatusChange {
  readonly itemId: string;
  readonly at: IsoTimestamp;
  /** The London date of `at`. */
  readonly date: IsoDate;
  readonly status: ItemStatus;
  readonly by: { readonly id: string; readonly name: string };
}

export class ItemTimeline {
  private readonly byItem = new Map<string, StatusChange[]>();

  constructor(audit: readonly GatewayAuditEntry[]) {
    for (const entry of audit) {
      if (entry.kind !== 'item-changed' || entry.field !== 'status') continue;
      const status = ITEM_STATUSES.find((s) => s === entry.after);
      if (!status) continue;
      const list = this.byItem.get(entry.itemId) ?? [];
      list.push({ itemId: entry.itemId, at: entry.at, date: londonDateOf(entry.at), status, by: entry.by });
      this.byItem.set(entry.itemId, list);
    }
    for (const list of this.byItem.values()) list.sort((a, b) => a.at.localeCompare(b.at));
  }

  /** The item's status at the end of `date` (London). */
  statusOn(itemId: string, date: IsoDate): ItemStatus {
    let status: ItemStatus = 'open';
    for (const change of this.byItem.get(itemId) ?? []) {
      if (change.date > date) break;
      status = change.status;
    }
    return status;
  }

  settledOn(itemId: string, date: IsoDate): boolean {
    return isSettled(this.statusOn(itemId, date));
  }

  /** How many of `itemIds` are not done or not applicable at the end of `date`. */
  openOn(itemIds: readonly string[], date: IsoDate): number {
    return itemIds.filter((id) => !this.settledOn(id, date)).length;
  }

  /** The item's status changes between two dates (inclusive), oldest first. */
  changesBetween(itemId: string, from: IsoDate, to: IsoDate): readonly StatusChange[] {
    return (this.byItem.get(itemId) ?? []).filter((c) => c.date >= from && c.date <= to);
  }
}
