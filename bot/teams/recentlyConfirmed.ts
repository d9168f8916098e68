import { referenceKeyText, type ObservedReference, type ReferenceKey } from './conversationReferences';

/** Long enough that a busy channel costs one reference read every few minutes, short enough that a move elsewhere heals. */
export const CONFIRMED_FOR_MS = 5 * 60_000;
/** A bound on memory: beyond it the oldest entries go first (Map keeps insertion order). */
const MAX_ENTRIES = 10_000;

/**
 * Which references this process has recently seen stored exactly as an activity shows them, so the next activity
 * from the same conversation need not read the record again. Cosmos stays the only record: this is a hint that
 * saves a point read on nearly every turn, never a copy anyone posts from. A removal forgets the entry at once, and
 * an entry lapses after `CONFIRMED_FOR_MS`, so a change made by another instance is noticed within minutes.
 */
export class RecentlyConfirmed {
  private readonly entries = new Map<string, { readonly shape: string; readonly until: number }>();

  has(observed: ObservedReference, now: number): boolean {
    const entry = this.entries.get(keyOf(observed.tenantId, observed.key));
    return entry !== undefined && entry.until > now && entry.shape === shapeOf(observed);
  }

  confirm(observed: ObservedReference, now: number): void {
    const key = keyOf(observed.tenantId, observed.key);
    this.entries.delete(key);
    this.entries.set(key, { shape: shapeOf(observed), until: now + CONFIRMED_FOR_MS });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  forget(tenantId: string, key: ReferenceKey): void {
    this.entries.delete(keyOf(tenantId, key));
  }
}

function keyOf(tenantId: string, key: ReferenceKey): string {
  return `${tenantId}|${referenceKeyText(key)}`;
}

function shapeOf(observed: ObservedReference): string {
  return JSON.stringify([observed.serviceUrl, observed.botId, observed.conversationId, observed.conversationType, observed.aadObjectId ?? null]);
}
