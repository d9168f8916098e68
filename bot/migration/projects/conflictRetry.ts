import { InvalidState } from '../shared/errors';

/**
 * Optimistic concurrency for use cases.
 *
 * Why retry at all: the people on a project work on the same few documents
 * (one per gateway), so two saves colliding is normal, and when they touch
 * different things both must land. Each attempt re-reads and re-applies the
 * same intent, so a collision costs a round trip, never a lost change. A
 * collision that matters to the person (their card was stale) is decided
 * inside the attempt and surfaces as StaleEdit, which is never retried.
 */

/** A store saw the document change between its read and its write. Never shown to anyone: it is retried. */
export class ConcurrentModification extends Error {
  constructor(what: string) {
    super(`${what} changed while it was being saved`);
    this.name = 'ConcurrentModification';
  }
}

/**
 * Each collision means someone else's save landed, so n people saving at
 * once all land within n attempts; 5 covers a busy project team.
 */
export const MAX_SAVE_ATTEMPTS = 5;

/** Given up after MAX_SAVE_ATTEMPTS collisions in a row; nothing of this change was saved. */
export class ProjectBusy extends InvalidState {
  constructor() {
    super(
      'A lot of people are updating this project right now, so your change was not saved.',
      'Wait a moment and try again.',
    );
  }
}

/** Runs `attempt` until it does not collide, at most `maxAttempts` times. Other errors pass straight through. */
export async function retryOnConflict<T>(attempt: () => Promise<T>, maxAttempts: number = MAX_SAVE_ATTEMPTS): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrentModification)) throw error;
      if (tries >= maxAttempts) throw new ProjectBusy();
    }
  }
}
