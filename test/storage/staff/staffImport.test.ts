import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvParseReader } from '../../../bot/imports/csvParseReader';
import { importStaffList, resumeImports, type StaffImportDeps } from '../../../bot/migration/staff/import/importStaffList';
import { planImport } from '../../../bot/migration/staff/import/importPlan';
import type { StaffImportRecord } from '../../../bot/migration/staff/import/staffImportStore';
import type { CosmosStaffRepository } from '../../../bot/storage/staff';
import { CosmosStaffImportStore } from '../../../bot/storage/staff/cosmosStaffImportStore';
import type { CosmosFixture } from '../cosmosFixture';
import { by, HEADER, staffCsv, startImportWorld, type ImportWorld } from './staffImportWorld';

describe('importing a staff list into Cosmos', () => {
  let world: ImportWorld;
  let fixture: CosmosFixture;
  let store: CosmosStaffImportStore;
  let staff: CosmosStaffRepository;
  let deps: StaffImportDeps;

  beforeAll(async () => {
    world = await startImportWorld('staff-import');
    ({ fixture, store, staff, deps } = world);
  });

  afterAll(async () => {
    await fixture.close();
  });

  const documentsOf = (projectId: string) => world.documentsOf(projectId);
  const run = (projectId: string, bytes: Uint8Array, importId = randomUUID()) => world.run(projectId, bytes, importId);

  it('when a later file changes some people and leaves some out, then it updates by local ID and lists the missing without removing them', async () => {
    const projectId = `p-${randomUUID()}`;
    await run(projectId, staffCsv(300));
    await staff.tryUpdate(projectId, 'E000005', (m) => ({ member: { ...m, status: 'activated', version: m.version + 1 }, history: [] }));
    const later = await run(projectId, staffCsv(290, 0, (i) => (i < 10 ? `Married${i}` : `Surname${i % 997}`)));
    expect(later.outcome === 'imported' && later.record.report?.counts).toEqual({ rows: 290, added: 0, updated: 10, unchanged: 280, rejected: 0, missing: 10 });
    expect(later.outcome === 'imported' && later.record.report?.missing).toEqual(Array.from({ length: 10 }, (_, i) => `E000${290 + i}`));
    expect(await staff.get(projectId, 'E000005')).toMatchObject({ lastName: 'Married5', status: 'activated', version: 3 });
    expect(await staff.count(projectId, {})).toBe(300);
    const history = await staff.history(projectId, 'E000005');
    expect(history.at(-1)).toMatchObject({ field: 'details', to: 'last name', how: 'import' });
  }, 120_000);

  it('when a file is refused (no Local ID column, a header alone, over the size limit), then nothing at all is written', async () => {
    const projectId = `p-${randomUUID()}`;
    const refusals = [
      await run(projectId, new TextEncoder().encode('Name,Email\r\nAmelia,a@b.nhs.uk\r\n')),
      await run(projectId, new TextEncoder().encode(HEADER)),
      await importStaffList({ ...deps, settings: { ...deps.settings, maxFileBytes: 100 } }, { projectId, importId: randomUUID(), fileName: 'big.csv', bytes: staffCsv(10), by }, csvParseReader),
    ];
    expect(refusals.map((r) => r.outcome)).toEqual(['refused', 'refused', 'refused']);
    expect(refusals[2]).toMatchObject({ reason: expect.stringContaining('over the 0 MB limit') as unknown });
    expect(await documentsOf(projectId)).toEqual({});
  });

  it('when rows are bad or duplicated, then the good ones are imported and the rest reported with their lines', async () => {
    const projectId = `p-${randomUUID()}`;
    const text = `${HEADER}E1,Amelia,Jones,a@trust.nhs.uk,,,\r\nE1,Amelia,Smith,a2@trust.nhs.uk,,,\r\nE 2,Tom,Evans,,,,\r\nE3,Priya,Shah,,,,\r\n`;
    const result = await run(projectId, new TextEncoder().encode(text));
    expect(result.outcome === 'imported' && result.record.report?.counts).toEqual({ rows: 4, added: 2, updated: 0, unchanged: 0, rejected: 2, missing: 0 });
    expect(result.outcome === 'imported' && result.record.report?.rejections.map((r) => r.line)).toEqual([3, 4]);
    expect(await staff.get(projectId, 'E1')).toMatchObject({ lastName: 'Jones' });
  });

  it('when another import of the project is unfinished, then a second one is told so and writes nothing', async () => {
    const projectId = `p-${randomUUID()}`;
    const record: StaffImportRecord = { projectId, importId: randomUUID(), fileName: 'a.csv', by, startedAt: '2026-12-01T12:00:00.000Z', state: 'staging', applied: 0, toApply: 0 };
    expect(await store.begin(record)).toBe('begun');
    expect((await run(projectId, staffCsv(5))).outcome).toBe('busy');
    await store.rollBack(projectId, record.importId);
    expect((await run(projectId, staffCsv(5))).outcome).toBe('imported');
  });

  it('when an import stops before its commit, then resuming rolls it back: nothing of it is visible or left behind', async () => {
    const projectId = `p-${randomUUID()}`;
    const importId = randomUUID();
    await store.begin({ projectId, importId, fileName: 'a.csv', by, startedAt: '2026-12-01T12:00:00.000Z', state: 'staging', applied: 0, toApply: 0 });
    const plan = planImport({ projectId, rows: [], rejections: [], stored: new Map(), knownGroupIds: new Set(), quotaMb: 4096, by, now: '2026-12-01T12:00:00.000Z' });
    await store.stage(projectId, importId, plan.changes);
    const read = await import('../../../bot/migration/staff/import/readStaffRecords').then((m) => m.readStaffRecords(staffCsv(500), csvParseReader));
    if (!read.ok) throw new Error(read.reason);
    const staged = planImport({ projectId, rows: read.rows, rejections: [], stored: new Map(), knownGroupIds: new Set(), quotaMb: 4096, by, now: '2026-12-01T12:00:00.000Z' });
    await store.stage(projectId, importId, staged.changes.slice(0, 300));
    expect(await staff.count(projectId, {})).toBe(0);

    const resumed = await resumeImports({ store });
    expect(resumed.find((r) => r.importId === importId)?.state).toBe('rolled-back');
    expect(await documentsOf(projectId)).toEqual({ 'staff-import': 1 });
    expect((await run(projectId, staffCsv(5))).outcome).toBe('imported');
  });

  it('when an import stops after its commit, midway through applying, then resuming rolls it forward to exactly what one run gives', async () => {
    const projectId = `p-${randomUUID()}`;
    const importId = randomUUID();
    const store = new CosmosStaffImportStore(fixture.containers.projects, () => new Date('2026-12-01T12:00:00Z'), 500);
    const read = await import('../../../bot/migration/staff/import/readStaffRecords').then((m) => m.readStaffRecords(staffCsv(2_500), csvParseReader));
    if (!read.ok) throw new Error(read.reason);
    const plan = planImport({ projectId, rows: read.rows, rejections: [], stored: new Map(), knownGroupIds: new Set(), quotaMb: 4096, by, now: '2026-12-01T12:00:00.000Z' });
    await store.begin({ projectId, importId, fileName: 'a.csv', by, startedAt: '2026-12-01T12:00:00.000Z', state: 'staging', applied: 0, toApply: 0 });
    await store.stage(projectId, importId, plan.changes);
    const { reportOf } = await import('../../../bot/migration/staff/import/importStaffList');
    await store.commit(projectId, importId, reportOf(plan, 'utf-8', []), plan.changes.length);
    let calls = 0;
    await expect(
      store.apply(projectId, importId, () => {
        calls += 1;
        if (calls === 2) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    const midway = await staff.count(projectId, {});
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(2_500);

    const resumed = await resumeImports({ store });
    expect(resumed.find((r) => r.importId === importId)?.state).toBe('done');
    expect(await staff.count(projectId, {})).toBe(2_500);
    expect(await documentsOf(projectId)).toEqual({ 'staff-member': 2_500, 'staff-import': 1 });
    expect(await staff.history(projectId, 'E000000')).toHaveLength(1);
    // And applying once more changes nothing.
    await store.apply(projectId, importId);
    expect(await staff.get(projectId, 'E000000')).toMatchObject({ version: 1 });
  }, 180_000);
});
