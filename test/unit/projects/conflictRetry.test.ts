import { describe, expect, it } from 'vitest';
import {
  ConcurrentModification,
  FIRST_RETRY_DELAY_MS,
  MAX_RETRY_DELAY_MS,
  MAX_SAVE_ATTEMPTS,
  ProjectBusy,
  retryDelayMs,
  retryOnConflict,
  type ConflictBackoff,
} from '../../../bot/migration/projects/conflictRetry';
import { StaleEdit } from '../../../bot/migration/shared/errors';

function failing(collisions: number, error: () => Error = () => new ConcurrentModification('gateway')): { attempt: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    attempt: () => {
      calls += 1;
      return calls <= collisions ? Promise.reject(error()) : Promise.resolve('saved');
    },
    calls: () => calls,
  };
}

describe('retrying on a conflict', () => {
  it('when the first attempts collide, then it tries again until one lands', async () => {
    const run = failing(MAX_SAVE_ATTEMPTS - 1);
    await expect(retryOnConflict(run.attempt)).resolves.toBe('saved');
    expect(run.calls()).toBe(MAX_SAVE_ATTEMPTS);
  });

  it('when every attempt collides, then it gives up after the limit with a friendly ProjectBusy', async () => {
    const run = failing(100);
    await expect(retryOnConflict(run.attempt)).rejects.toBeInstanceOf(ProjectBusy);
    expect(run.calls()).toBe(MAX_SAVE_ATTEMPTS);
  });

  it('when an attempt fails for another reason (a stale card), then it is not retried', async () => {
    const run = failing(1, () => new StaleEdit(1, 2));
    await expect(retryOnConflict(run.attempt)).rejects.toBeInstanceOf(StaleEdit);
    expect(run.calls()).toBe(1);
  });

  it('when attempts collide and a backoff is given, then it waits a random share of a ceiling that doubles, and not after the last try', async () => {
    const waits: number[] = [];
    const backoff: ConflictBackoff = { pause: (ms) => (waits.push(ms), Promise.resolve()), random: () => 0.999 };
    const run = failing(100);
    await expect(retryOnConflict(run.attempt, backoff)).rejects.toBeInstanceOf(ProjectBusy);
    expect(waits).toHaveLength(MAX_SAVE_ATTEMPTS - 1);
    expect(waits.slice(0, 3)).toEqual([19, 39, 79]);
    expect(Math.max(...waits)).toBeLessThan(MAX_RETRY_DELAY_MS);
  });

  it('when the die rolls low, then the wait is short, so instances that collided spread out rather than retry in step', () => {
    expect(retryDelayMs(1, 0)).toBe(0);
    expect(retryDelayMs(3, 0.5)).toBe(2 * FIRST_RETRY_DELAY_MS);
    expect(retryDelayMs(30, 0.5)).toBe(MAX_RETRY_DELAY_MS / 2);
  });

  it('when the first attempt lands, then it never waits', async () => {
    const waits: number[] = [];
    await retryOnConflict(() => Promise.resolve('saved'), { pause: (ms) => (waits.push(ms), Promise.resolve()), random: () => 0.5 });
    expect(waits).toEqual([]);
  });
});
