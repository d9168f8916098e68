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
 *
 * Within one process collisions do not happen: the stores group the saves
 * of one document made at the same time into one read and one write, each
 * decision applied in turn (see the storage adapters' group commit), so twenty
 * people ticking twenty items of one gateway all land without racing. What is
 * left to retry is another instance (or another tool) saving the same
 * document between our read and our write. Those retries wait a random, growing time first
 * ("full jitter" exponential backoff), so instances that collided once do not
 * collide again in lockstep.
 */

/** A store saw the document change between its read and its write. Never shown to anyone: it is retried. */
export class ConcurrentModification extends Error {
  constructor(what: string) {
    super(`${what} changed while it was being saved`);
    this.name = 'ConcurrentModification';
  }
}

/**
 * Only writers in other instances can collide (one per instance per document at a time), so a handful of tries is
 * plenty; with the delays below the last try starts at most about 1.6 s after the first, well inside the 5 s Teams
 * gives a card button.
 */
export const MAX_SAVE_ATTEMPTS = 8;

/** The ceiling of the wait before the first retry; it doubles for each further one, up to the cap. */
export const FIRST_RETRY_DELAY_MS = 20;
export const MAX_RETRY_DELAY_MS = 500;

/**
 * Time and chance, as ports: the domain never starts a timer or rolls a die itself, so unit tests retry instantly
 * and deterministically, and the composition root passes the real ones.
 */
export interface ConflictBackoff {
  pause(ms: number): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

/** Given up after MAX_SAVE_ATTEMPTS collisions in a row; nothing of this change was saved. */
export class ProjectBusy extends InvalidState {
  constructor() {
    super(
      'A lot of people are updating this project right now, so your change was not saved.',
      'Wait a moment and try again.',
    );
  }
}

/**
 * How long to wait before retry number `retry` (1 for the first), given a number in [0, 1): anywhere from 0 up to a
 * ceiling that doubles each time.
 */
export function retryDelayMs(retry: number, random: number): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** (retry - 1));
  return Math.floor(random * ceiling);
}

/**
 * Runs `attempt` until it does not collide, at most `maxAttempts` times, waiting through `backoff` between tries
 * (without one, it retries at once). Other errors pass straight through.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, backoff?: ConflictBackoff, maxAttempts: number = MAX_SAVE_ATTEMPTS): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrentModification)) throw error;
      if (tries >= maxAttempts) throw new ProjectBusy();
    }
    if (backoff) await backoff.pause(retryDelayMs(tries, backoff.random()));
  }
}
