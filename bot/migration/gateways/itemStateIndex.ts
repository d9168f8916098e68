import type { ItemState, ItemStatus } from './gatewayState';

/**
 * Looks up item states by id. Why: a project only stores states for items
 * someone has touched, so a missing state simply means "open".
 */
export type ItemStateIndex = ReadonlyMap<string, ItemState>;

export function indexItemStates(items: readonly ItemState[]): ItemStateIndex {
  return new Map(items.map((s) => [s.itemId, s]));
}

export function statusOf(index: ItemStateIndex, itemId: string): ItemStatus {
  return index.get(itemId)?.status ?? 'open';
}

/** Done or not applicable: nothing more to do. */
export function isSettled(status: ItemStatus): boolean {
  return status === 'done' || status === 'not-applicable';
}
