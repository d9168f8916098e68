import { randomUUID } from 'node:crypto';
import { csvParseReader } from '../../../bot/imports/csvParseReader';
import { importStaffList, type ImportOutcome, type ImportProgress, type StaffImportDeps } from '../../../bot/migration/staff/import/importStaffList';
import { DEFAULT_STAFF_IMPORT_SETTINGS } from '../../../bot/migration/staff/import/staffImportSettings';
import type { ProjectRepository } from '../../../bot/migration/projects/projectRepository';
import { CosmosRolloutGroupRepository, CosmosStaffRepository } from '../../../bot/storage/staff';
import { CosmosStaffImportStore } from '../../../bot/storage/staff/cosmosStaffImportStore';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';

export const by = { id: '29:sam', name: 'Sam Patel' };
export const HEADER = 'Local ID,First name,Last name,Email,Department,Mailbox size (MB),Group\r\n';

/** `count` people from `offset`: three departments, one in ten in the Pilot, mailboxes up to 6,000 MB. */
export function staffCsv(count: number, offset = 0, lastName = (i: number) => `Surname${i % 997}`): Uint8Array {
  const lines = [HEADER];
  for (let i = offset; i < offset + count; i += 1) {
    lines.push(`E${String(i).padStart(6, '0')},First${i % 311},${lastName(i)},person${i}@trust.nhs.uk,${['Radiology', 'Estates', 'Pharmacy'][i % 3] ?? ''},${(i * 13) % 6000},${i % 10 === 0 ? 'Pilot' : ''}\r\n`);
  }
  return new TextEncoder().encode(lines.join(''));
}

/** The staff import on the embedded server, with the store, the staff list and the use case's deps. */
export interface ImportWorld {
  readonly fixture: CosmosFixture;
  readonly store: CosmosStaffImportStore;
  readonly staff: CosmosStaffRepository;
  readonly deps: StaffImportDeps;
  /** Every document of the project by type, to show nothing else was left behind. */
  readonly documentsOf: (projectId: string) => Promise<Record<string, number>>;
  readonly run: (projectId: string, bytes: Uint8Array, importId?: string, progress?: (p: ImportProgress) => void) => Promise<ImportOutcome>;
}

export async function startImportWorld(prefix: string): Promise<ImportWorld> {
  const fixture = await startCosmosFixture(prefix);
  const container = fixture.containers.projects;
  const store = new CosmosStaffImportStore(container);
  const deps: StaffImportDeps = {
    projects: {} as ProjectRepository,
    store,
    groups: new CosmosRolloutGroupRepository(container),
    clock: { now: () => new Date('2026-12-01T12:00:00Z') },
    settings: DEFAULT_STAFF_IMPORT_SETTINGS,
  };
  return {
    fixture,
    store,
    staff: new CosmosStaffRepository(container),
    deps,
    documentsOf: async (projectId) => {
      const { resources } = await container.items
        // Large pages: the embedded server runs the whole query again for every page, so 100 a page is 500 scans of 50,000.
        .query<string>({ query: 'SELECT VALUE c.type FROM c WHERE c.projectId = @p', parameters: [{ name: '@p', value: projectId }] }, { maxItemCount: 10_000 })
        .fetchAll();
      const counts: Record<string, number> = {};
      for (const type of resources) counts[type] = (counts[type] ?? 0) + 1;
      return counts;
    },
    run: (projectId, bytes, importId = randomUUID(), progress) => importStaffList(deps, { projectId, importId, fileName: 'staff.csv', bytes, by }, csvParseReader, progress),
  };
}
