import { describe, expect, it } from 'vitest';
import { WriteLanes } from '../../bot/storage/writeLanes';

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('write lanes', () => {
  it('when saves of one document overlap, then they run one at a time in the order they came', async () => {
    const lanes = new WriteLanes();
    const log: string[] = [];
    const save = (name: string, ms: number) =>
      lanes.run('project-1', 'gateway-4', async () => {
        log.push(`start ${name}`);
        await later(ms);
        log.push(`end ${name}`);
      });
    await Promise.all([save('a', 20), save('b', 1), save('c', 5)]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(lanes.busyDocuments).toBe(0);
  });

  it('when saves are of different documents or projects, then neither waits for the other', async () => {
    const lanes = new WriteLanes();
    const log: string[] = [];
    const save = (partition: string, id: string, name: string) =>
      lanes.run(partition, id, async () => {
        log.push(`start ${name}`);
        await later(10);
        log.push(`end ${name}`);
      });
    await Promise.all([save('project-1', 'gateway-4', 'a'), save('project-1', 'gateway-3', 'b'), save('project-2', 'gateway-4', 'c')]);
    expect(log.slice(0, 3).sort()).toEqual(['start a', 'start b', 'start c']);
  });

  it('when a save fails, then its caller gets the error and the next save of the document still runs', async () => {
    const lanes = new WriteLanes();
    const failed = lanes.run('project-1', 'project', () => Promise.reject(new Error('refused')));
    const next = lanes.run('project-1', 'project', () => Promise.resolve('saved'));
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('saved');
    expect(lanes.busyDocuments).toBe(0);
  });
});
