import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvParseReader } from '../../../bot/imports/csvParseReader';
import { importStaffList, type StaffImportDeps } from '../../../bot/migration/staff/import/importStaffList';
import { DEFAULT_STAFF_IMPORT_SETTINGS } from '../../../bot/migration/staff/import/staffImportSettings';
import type { StaffImportRecord } from '../../../bot/migration/staff/import/staffImportStore';
import type { ProjectRepository } from '../../../bot/migration/projects/projectRepository';
import { CosmosRolloutGroupRepository, CosmosStaffRepository } from '../../../bot/storage/staff';
import { CosmosStaffImportStore } from '../../../bot/storage/staff/cosmosStaffImportStore';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';
import { aGroup } from './staffFixtures';

const by = { id: '29:sam', name: 'Sam Patel' };
const HEADER = 'Local ID,First name,Last name,Email,Department,Mailbox size (MB),Group\r\n';

function staffCsv(count: number, offset = 0, lastName = (i: number) => `Surname${i % 997}`): Uint8Array {
  const lines = [HEADER];
  for (let i = offset; i < offset + count; i += 1) {
    lines.push(`E${String(i).padStart(6, '0')},First${i % 311},${lastName(i)},person${i}@trust.nhs.uk,${['Radiology', 'Estates', 'Pharmacy'][i % 3] ?? ''},${(i * 13) % 6000},${i % 10 === 0 ? 'Pilot' : ''}\r\n`);
  }
  return new TextEncoder().encode(lines.join(''));
}

// About a minute on the embedded server: it runs each query over the whole container, which was quadratic until the
// engine was patched (infra/patches/); the bench gives the rate.
describe('importing a large staff list into Cosmos', () => {
  let fixture: CosmosFixture;
  let store: CosmosStaffImportStore;
  let staff: CosmosStaffRepository;
  let deps: StaffImportDeps;

  beforeAll(async () => {
    fixture = await startCosmosFixture('staff-import-large');
    const container = fixture.containers.projects;
    store = new CosmosStaffImportStore(container);
    staff = new CosmosStaffRepository(container);
    const groups = new CosmosRolloutGroupRepository(container);
    deps = { projects: {} as ProjectRepository, store, groups, clock: { now: () => new Date('2026-12-01T12:00:00Z') }, settings: DEFAULT_STAFF_IMPORT_SETTINGS };
  });

  afterAll(async () => {
    await fixture.close();
  });

  async function documentsOf(projectId: string): Promise<Record<string, number>> {
    const { resources } = await fixture.containers.projects.items
      // Large pages: the embedded server runs the whole query again for every page, so 100 a page is 500 scans.
      .query<string>({ query: 'SELECT VALUE c.type FROM c WHERE c.projectId = @p', parameters: [{ name: '@p', value: projectId }] }, { maxItemCount: 10_000 })
      .fetchAll();
    const counts: Record<string, number> = {};
    for (const type of resources) counts[type] = (counts[type] ?? 0) + 1;
    return counts;
  }

  const run = (projectId: string, bytes: Uint8Array, importId = randomUUID()) =>
    importStaffList(deps, { projectId, importId, fileName: 'staff.csv', bytes, by }, csvParseReader);

  it('when a file of 50,000 people is imported, then all are listed, the same file again changes nothing, and no staging is left', async () => {
    const projectId = `p-${randomUUID()}`;
    await deps.groups.create(aGroup({ projectId }));
    const bytes = staffCsv(50_000);
    const phases = new Set<string>();
    const first = await importStaffList(deps, { projectId, importId: randomUUID(), fileName: 'staff.csv', bytes, by }, csvParseReader, (p) => phases.add(p.phase));
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
