import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffImportRecord } from '../../../bot/migration/staff/import/staffImportStore';
import { aGroup } from './staffFixtures';
import { staffCsv, startImportWorld, type ImportWorld } from './staffImportWorld';

// About a minute on the embedded server: it runs each query over the whole container, which was quadratic until the
// engine was patched (infra/patches/); the bench gives the rate.
describe('importing a large staff list into Cosmos', () => {
  let world: ImportWorld;

  beforeAll(async () => {
    world = await startImportWorld('staff-import-large');
  });

  afterAll(async () => {
    await world.fixture.close();
  });

  it('when a file of 50,000 people is imported, then all are listed, the same file again changes nothing, and no staging is left', async () => {
    const { deps, staff, documentsOf, run } = world;
    const projectId = `p-${randomUUID()}`;
    await deps.groups.create(aGroup({ projectId }));
    const bytes = staffCsv(50_000);
    const phases = new Set<string>();
    const first = await run(projectId, bytes, randomUUID(), (p) => phases.add(p.phase));
    expect(first.outcome).toBe('imported');
    const record = (first as { record: StaffImportRecord }).record;
    expect(record.state).toBe('done');
    expect(record.report?.counts).toEqual({ rows: 50_000, added: 50_000, updated: 0, unchanged: 0, rejected: 0, missing: 0 });
    expect(record.report?.warnings.filter((w) => w.kind === 'over-quota').length).toBeGreaterThan(0);
    expect([...phases]).toEqual(['reading', 'staging', 'applying']);
    expect(await staff.count(projectId, {})).toBe(50_000);
    expect(await staff.count(projectId, { groupId: 'pilot' })).toBe(5_000);
    expect(await documentsOf(projectId)).toEqual({ 'staff-member': 50_000, 'staff-import': 1, 'rollout-group': 1 });

    const again = await run(projectId, bytes);
    expect(again.outcome === 'imported' && again.record.report?.counts).toEqual({ rows: 50_000, added: 0, updated: 0, unchanged: 50_000, rejected: 0, missing: 0 });
    expect(await staff.get(projectId, 'E000001')).toMatchObject({ version: 1 });
  }, 600_000);
});
