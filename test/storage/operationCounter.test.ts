import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CosmosOperationCounter } from '../../bot/storage/operationCounter';
import type { CosmosFixture } from './cosmosFixture';
import { startCosmosFixture } from './cosmosFixture';

describe('CosmosOperationCounter', () => {
  const counter = new CosmosOperationCounter();
  let fixture: CosmosFixture;

  beforeAll(async () => {
    fixture = await startCosmosFixture('counter', counter);
    // Warm the SDK's partition-key cache so each test sees only its own requests.
    await fixture.containers.projects.items.upsert({ id: 'seed', projectId: 'p1' });
  });

  afterAll(async () => {
    await fixture.close();
  });

  beforeEach(() => {
    counter.reset();
  });

  it('when one point read runs, then exactly one read is counted', async () => {
    await fixture.containers.projects.item('seed', 'p1').read();
    expect(counter.snapshot()).toEqual({ read: 1, create: 0, upsert: 0, replace: 0, delete: 0, query: 0, other: 0 });
    expect(counter.total).toBe(1);
  });

  it('when a read misses, then it still counts (Cosmos charges for it)', async () => {
    await fixture.containers.projects.item('missing', 'p1').read();
    expect(counter.snapshot().read).toBe(1);
  });

  it('when each write kind runs once, then each is counted under its own kind', async () => {
    const { projects } = fixture.containers;
    await projects.items.create({ id: 'w', projectId: 'p1', v: 1 });
    await projects.items.upsert({ id: 'w', projectId: 'p1', v: 2 });
    await projects.item('w', 'p1').replace({ id: 'w', projectId: 'p1', v: 3 });
    await projects.item('w', 'p1').delete();
    expect(counter.snapshot()).toMatchObject({ create: 1, upsert: 1, replace: 1, delete: 1, read: 0 });
  });

  it('when a query returns three pages, then three query requests are counted and the plan is "other"', async () => {
    const { projects } = fixture.containers;
    for (let i = 0; i < 5; i += 1) await projects.items.upsert({ id: `q${i}`, projectId: 'pq' });
    counter.reset();
    const { resources } = await projects.items
      .query({ query: 'SELECT * FROM c WHERE c.projectId = @p', parameters: [{ name: '@p', value: 'pq' }] }, { maxItemCount: 2 })
      .fetchAll();
    expect(resources).toHaveLength(5);
    expect(counter.snapshot().query).toBe(3);
    expect(counter.snapshot().other).toBeGreaterThanOrEqual(1);
  });

  it('when 250 operations go in one bulk call, then each is counted as a bulk operation and none as a point write', async () => {
    const operations = Array.from({ length: 250 }, (_, i) => ({ operationType: 'Upsert' as const, partitionKey: 'pb', resourceBody: { id: `b${i}`, projectId: 'pb' } }));
    const results = await fixture.containers.projects.items.executeBulkOperations(operations);
    expect(results.every((r) => r.response?.statusCode === 201)).toBe(true);
    expect(counter.bulkOperations).toBe(250);
    expect(counter.snapshot()).toMatchObject({ create: 0, upsert: 0 });
    counter.reset();
    expect(counter.bulkOperations).toBe(0);
  });

  it('when database metadata is read, then it counts as "other", not as a document read', async () => {
    await fixture.containers.database.read();
    expect(counter.snapshot()).toMatchObject({ read: 0, other: 1 });
  });

  it('when reset, then every kind and the total go back to zero', async () => {
    await fixture.containers.projects.item('seed', 'p1').read();
    counter.reset();
    expect(counter.total).toBe(0);
    expect(Object.values(counter.snapshot()).every((n) => n === 0)).toBe(true);
  });

  it('when a snapshot is taken, then later operations do not change it', async () => {
    const before = counter.snapshot();
    await fixture.containers.projects.item('seed', 'p1').read();
    expect(before.read).toBe(0);
    expect(counter.snapshot().read).toBe(1);
  });
});
