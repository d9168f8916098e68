import { describe, expect, it } from 'vitest';
import { ConcurrentModification, MAX_SAVE_ATTEMPTS, ProjectBusy, retryOnConflict } from '../../../bot/migration/projects/conflictRetry';
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
});
