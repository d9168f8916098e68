import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { observeReferences, type ReferenceStore } from './conversationReferences';

/**
 * Keeps the stored references current from every activity of an allowed tenant: installs create them, every later
 * activity refreshes them (a point read; a write only when something changed), removals mark them unreachable.
 * Never fails the turn: a missed refresh is repaired by the next activity.
 */
export function referenceCapture(store: ReferenceStore, logger: Logger, now: () => Date = () => new Date()): (context: TurnContext) => Promise<void> {
  const log = logger.child({ module: 'references' });
  return async (context) => {
    const observed = observeReferences(context.activity);
    if (!observed) return;
    try {
      const at = now();
      await Promise.all([
        ...observed.refresh.map(async (ref) => {
          const result = await store.refresh(ref, at);
          if (result !== 'unchanged') log.info({ kind: ref.key.kind, result }, 'conversation reference saved');
        }),
        ...observed.removed.map(async (key) => {
          await store.markUnreachable(observed.tenantId, key, 'removed', at);
          log.info({ kind: key.kind }, 'bot removed: conversation reference marked unreachable');
        }),
      ]);
    } catch (err: unknown) {
      log.warn({ err: err instanceof Error ? err.name : typeof err }, 'conversation reference not refreshed');
    }
  };
}
