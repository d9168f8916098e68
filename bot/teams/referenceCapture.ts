import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { observeReferences, type ReferenceStore } from './conversationReferences';
import { RecentlyConfirmed } from './recentlyConfirmed';

/**
 * Keeps the stored references current from every activity of an allowed tenant: installs create them, every later
 * activity refreshes them (a point read; a write only when something changed), removals mark them unreachable.
 * Never fails the turn: a missed refresh is repaired by the next activity. What this process confirmed a few minutes
 * ago is not read again (see `RecentlyConfirmed`), so a steady conversation costs no extra read per turn.
 */
export function referenceCapture(store: ReferenceStore, logger: Logger, now: () => Date = () => new Date()): (context: TurnContext) => Promise<void> {
  const log = logger.child({ module: 'references' });
  const recent = new RecentlyConfirmed();
  return async (context) => {
    const observed = observeReferences(context.activity);
    if (!observed) return;
    const steady = context.activity.type === 'message' || context.activity.type === 'invoke';
    try {
      const at = now();
      await Promise.all([
        ...observed.refresh.map(async (ref) => {
          // Installs and updates always reach the store: they may be what makes a removed reference reachable again.
          if (steady && recent.has(ref, at.getTime())) return;
          const result = await store.refresh(ref, at);
          recent.confirm(ref, at.getTime());
          if (result !== 'unchanged') log.info({ kind: ref.key.kind, result }, 'conversation reference saved');
        }),
        ...observed.removed.map(async (key) => {
          recent.forget(observed.tenantId, key);
          await store.markUnreachable(observed.tenantId, key, 'removed', at);
          log.info({ kind: key.kind }, 'bot removed: conversation reference marked unreachable');
        }),
      ]);
    } catch (err: unknown) {
      log.warn({ err: err instanceof Error ? err.name : typeof err }, 'conversation reference not refreshed');
    }
  };
}
