import type { StageNumber } from '../gateways/catalogueTypes';
import { STAGE_NUMBERS } from '../gateways/catalogueTypes';
import { newGatewayState, type GatewayState, type ItemState } from '../gateways/gatewayState';
import type { GatewayAuditEntry } from './auditEntries';

/**
 * One gateway of one project: its decision history and the states of its
 * checklist items, stored together.
 *
 * Why together: a 'go' must be judged against the items as they are, so an
 * item changing while the gateway is signed off has to collide with it; and
 * two people ticking different items of one gateway both land, because each
 * change is re-applied to the latest record when they collide (the per-item
 * `version` still refuses a change made from a stale card).
 */
export interface GatewayRecord {
  readonly projectId: string;
  readonly stage: StageNumber;
  readonly state: GatewayState;
  /** Only items someone has touched; a missing one is open at version 0. */
  readonly items: readonly ItemState[];
}

/** What a decision does to a gateway: its next record and the audit entries that explain it. */
export interface GatewayChange {
  readonly record: GatewayRecord;
  readonly audit: readonly GatewayAuditEntry[];
}

/** A gateway nobody has touched: stores create it on first write, so set-up writes one document, not seven. */
export function newGatewayRecord(projectId: string, stage: StageNumber): GatewayRecord {
  return { projectId, stage, state: newGatewayState(stage), items: [] };
}

export function itemIn(record: GatewayRecord, itemId: string): ItemState | undefined {
  return record.items.find((i) => i.itemId === itemId);
}

export function withItem(record: GatewayRecord, item: ItemState): GatewayRecord {
  const others = record.items.filter((i) => i.itemId !== item.itemId);
  return { ...record, items: [...others, item] };
}

/** All six gateways in order, filling in the ones never written. */
export function allGateways(projectId: string, stored: readonly GatewayRecord[]): readonly GatewayRecord[] {
  return STAGE_NUMBERS.map((stage) => stored.find((r) => r.stage === stage) ?? newGatewayRecord(projectId, stage));
}
