import { describe, expect, it } from 'vitest';
import { decideOne, GroupCommit, MAX_BATCH, type Outcome } from '../../bot/storage/groupCommit';

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A store of counters: each request adds to its document's total, or throws when told to. */
function counters(delayMs = 5) {
  const totals = new Map<string, number>();
  const batches: { document: string; requests: number[] }[] = [];
  const commit = async (partition: string, id: string, requests: readonly number[]): Promise<readonly Outcome<number>[]> => {
    const document = `${partition}/${id}`;
    batches.push({ document, requests: [...requests] });
    let total = totals.get(document) ?? 0;
    await later(delayMs); // the read
    const outcomes = requests.map((n) =>
      decideOne(() => {
        if (n < 0) throw new Error(`refused ${n}`);
        total += n;
        return total;
      }),
    );
    await later(delayMs); // the write
    totals.set(document, total);
    return outcomes;
  };
  return { totals, batches, commit };
}

describe('group commit', () => {
  it('when saves of one document arrive while a batch is being written, then they share the next batch, applied in the order they came', async () => {
    const store = counters();
    const saves = new GroupCommit(store.commit);
    const results = await Promise.all([1, 2, 3, 4].map((n) => saves.submit('project-1', 'gateway-4', n)));
    expect(store.batches.map((b) => b.requests)).toEqual([[1], [2, 3, 4]]);
    expect(results).toEqual([1, 3, 6, 10]);
    expect(store.totals.get('project-1/gateway-4')).toBe(10);
    expect(saves.busyDocuments).toBe(0);
  });

  it('when one save in a batch is refused, then only its caller gets the error and the others land', async () => {
    const store = counters();
    const saves = new GroupCommit(store.commit);
    const results = await Promise.allSettled([5, 1, -1, 2].map((n) => saves.submit('project-1', 'gateway-4', n)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([5, 6, 'refused -1', 8]);
  });

  it('when a batch cannot be written, then every save in it gets that error, and saves arriving later still run', async () => {
    let failNext = true;
    const store = counters();
    const saves = new GroupCommit<number, number>(async (partition, id, requests) => {
      if (failNext) {
        failNext = false;
        await later(5);
        throw new Error('changed by another instance');
      }
      return store.commit(partition, id, requests);
    });
    const first = saves.submit('project-1', 'project', 1);
    await expect(first).rejects.toThrow('changed by another instance');
    await expect(saves.submit('project-1', 'project', 2)).resolves.toBe(2);
    expect(saves.busyDocuments).toBe(0);
  });

  it('when saves are of different documents or projects, then neither waits for the other', async () => {
    const store = counters(20);
    const saves = new GroupCommit(store.commit);
    const pending = [saves.submit('project-1', 'gateway-4', 1), saves.submit('project-1', 'gateway-3', 1), saves.submit('project-2', 'gateway-4', 1)];
    await later(5);
    expect(store.batches.map((b) => b.document).sort()).toEqual(['project-1/gateway-3', 'project-1/gateway-4', 'project-2/gateway-4']);
    await Promise.all(pending);
  });

  it('when more saves wait than one batch holds, then they are written in batches of at most MAX_BATCH', async () => {
    const store = counters();
    const saves = new GroupCommit(store.commit);
    await Promise.all(Array.from({ length: 2 * MAX_BATCH + 1 }, () => saves.submit('project-1', 'gateway-4', 1)));
    expect(store.batches.map((b) => b.requests.length)).toEqual([1, MAX_BATCH, MAX_BATCH]);
    expect(store.totals.get('project-1/gateway-4')).toBe(2 * MAX_BATCH + 1);
  });
});
