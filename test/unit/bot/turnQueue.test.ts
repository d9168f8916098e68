import { describe, expect, it } from 'vitest';
import { TurnQueue } from '../../../bot/turnQueue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Jobs that record when they start and end, to see whether they overlapped. */
function recorder(): { log: string[]; job: (name: string) => () => Promise<void> } {
  const log: string[] = [];
  const job = (name: string) => async () => {
    log.push(`start ${name}`);
    await tick();
    log.push(`end ${name}`);
  };
  return { log, job };
}

describe('TurnQueue', () => {
  it('when work shares a key, then it runs one at a time in arrival order', async () => {
    const queue = new TurnQueue();
    const { log, job } = recorder();
    await Promise.all([queue.run(['a'], job('1')), queue.run(['a'], job('2')), queue.run(['a'], job('3'))]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('when work has different keys, then it runs side by side', async () => {
    const queue = new TurnQueue();
    const { log, job } = recorder();
    await Promise.all([queue.run(['a'], job('1')), queue.run(['b'], job('2'))]);
    expect(log.slice(0, 2)).toEqual(['start 1', 'start 2']);
  });

  it('when two jobs need the same two keys in opposite order, then both finish (no deadlock)', async () => {
    const queue = new TurnQueue();
    const results = await Promise.all([queue.run(['conv', 'user'], async () => { await tick(); return 1; }), queue.run(['user', 'conv'], async () => { await tick(); return 2; })]);
    expect(results).toEqual([1, 2]);
  });

  it('when a job fails, then the error reaches its caller and the next job still runs', async () => {
    const queue = new TurnQueue();
    const failing = queue.run(['a'], () => Promise.reject(new Error('boom')));
    const next = queue.run(['a'], () => Promise.resolve('ran'));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('when all work is done, then no keys are left behind', async () => {
    const queue = new TurnQueue();
    await Promise.all([queue.run(['a', 'b'], tick), queue.run(['b'], tick)]);
    expect(queue.activeKeys).toBe(0);
  });
});
