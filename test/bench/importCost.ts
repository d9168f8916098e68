import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { JSONObject, OperationInput } from '@azure/cosmos';
import { csvParseReader } from '../../bot/imports/csvParseReader';
import { importStaffList, type ImportProgress, type StaffImportDeps } from '../../bot/migration/staff/import/importStaffList';
import { DEFAULT_STAFF_IMPORT_SETTINGS } from '../../bot/migration/staff/import/staffImportSettings';
import type { StaffMember } from '../../bot/migration/staff/staffMember';
import type { RunningGateway } from '../../bot/runtime';
import { runBulk, succeeded } from '../../bot/storage/staff/bulkWrites';
import { CosmosStaffImportStore } from '../../bot/storage/staff/cosmosStaffImportStore';
import { staffDocumentId, toStaffDocument } from '../../bot/storage/staff/staffDocuments';

/** One timed run over the whole list. */
export interface ImportRun {
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** Document operations per row: each one inside a bulk call, plus every point operation and query page. */
  readonly operationsPerRow: number;
  /** Seconds spent reading, staging and applying (the first run only has all three). */
  readonly phases: Readonly<Record<string, number>>;
}

export interface ImportCost {
  readonly rows: number;
  readonly bytes: number;
  /** The same records created by bare bulk calls, nothing checked or staged: the floor for this store in this run. */
  readonly floor: ImportRun;
  readonly first: ImportRun;
  /** The same file again: every row unchanged. */
  readonly again: ImportRun;
}

const HEADER = 'Local ID,First name,Last name,Email,Department,Job role,Mailbox size (MB),Account type,Group\r\n';
const DEPARTMENTS = ['Radiology', 'Estates', 'Pharmacy', 'Emergency Department', 'Finance', 'Maternity'];

/** A trust's list as people send it: one in ten in the pilot, a few over quota, every field filled. */
export function benchStaffCsv(rows: number): Uint8Array {
  const lines = [HEADER];
  for (let i = 0; i < rows; i += 1) {
    const department = DEPARTMENTS[i % DEPARTMENTS.length] ?? '';
    lines.push(`E${String(i).padStart(6, '0')},First${i % 311},Surname${i % 997},person${i}@bench-trust.nhs.uk,${department},Band ${5 + (i % 4)} nurse,${(i * 13) % 6000},person,${i % 10 === 0 ? 'Pilot' : ''}\r\n`);
  }
  return new TextEncoder().encode(lines.join(''));
}

function benchMember(projectId: string, i: number): StaffMember {
  return {
    projectId,
    localId: `E${String(i).padStart(6, '0')}`,
    firstName: `First${i % 311}`,
    lastName: `Surname${i % 997}`,
    currentEmail: `person${i}@bench-trust.nhs.uk`,
    department: DEPARTMENTS[i % DEPARTMENTS.length] ?? '',
    jobRole: `Band ${5 + (i % 4)} nurse`,
    mailboxMb: (i * 13) % 6000,
    accountType: 'person',
    delegateLocalIds: [],
    ...(i % 10 === 0 ? { groupId: 'pilot' } : {}),
    status: 'not-started',
    updatedAt: '2026-12-01T09:00:00.000Z',
    version: 1,
  };
}

/**
 * `import staff` at its largest, on the store the bot runs on (the embedded server with its write journal, or the
 * account in COSMOS_ENDPOINT): the import use case and its store, outside any turn, as the import job runs it.
 * Compared with bare bulk creates of the same records made in the same run, since the machine's speed drifts.
 */
export async function measureImportCost(gateway: RunningGateway, rows: number): Promise<ImportCost> {
  const container = gateway.storage.containers.projects;
  const counter = gateway.cosmosOperations;
  const operations = (): number => counter.total + counter.bulkOperations;

  const floorProject = `bench-import-floor-${randomUUID()}`;
  const creates: OperationInput[] = Array.from({ length: rows }, (_, i) => ({
    operationType: 'Create',
    partitionKey: floorProject,
    resourceBody: JSON.parse(JSON.stringify(toStaffDocument(benchMember(floorProject, i), [], 0, false))) as JSONObject,
  }));
  counter.reset();
  let started = performance.now();
  const created = await runBulk(container, creates);
  const floorSeconds = (performance.now() - started) / 1000;
  if (!created.every(succeeded)) throw new Error('bench floor not written');
  const floor: ImportRun = { seconds: floorSeconds, rowsPerSecond: rows / floorSeconds, operationsPerRow: operations() / rows, phases: {} };
  // Gone again, so the import below runs on a store of the same size as the floor did.
  const deleted = await runBulk(container, creates.map((_, i) => ({ operationType: 'Delete', id: staffDocumentId(benchMember(floorProject, i).localId), partitionKey: floorProject })));
  if (!deleted.every(succeeded)) throw new Error('bench floor not cleared');

  const projectId = `bench-import-${randomUUID()}`;
  await gateway.staff.groups.create({ projectId, groupId: 'pilot', name: 'Pilot', kind: 'pilot', order: 0, cutoverDate: '2027-03-02', updatedAt: '2026-12-01T09:00:00.000Z', version: 1 });
  const deps: StaffImportDeps = { projects: gateway.projects.projects, store: new CosmosStaffImportStore(container), groups: gateway.staff.groups, clock: { now: () => new Date() }, settings: DEFAULT_STAFF_IMPORT_SETTINGS };
  const bytes = benchStaffCsv(rows);
  const by = { id: '29:bench-import', name: 'Bench PM' };

  const run = async (): Promise<ImportRun> => {
    const phases: Record<string, number> = {};
    let phase = 'reading';
    let phaseStarted = performance.now();
    const onProgress = (p: ImportProgress): void => {
      if (p.phase === phase) return;
      phases[phase] = (performance.now() - phaseStarted) / 1000;
      phase = p.phase;
      phaseStarted = performance.now();
    };
    counter.reset();
    started = performance.now();
    const outcome = await importStaffList(deps, { projectId, importId: randomUUID(), fileName: 'bench.csv', bytes, by }, csvParseReader, onProgress);
    const seconds = (performance.now() - started) / 1000;
    phases[phase] = (performance.now() - phaseStarted) / 1000;
    if (outcome.outcome !== 'imported' || outcome.record.report?.counts.rejected !== 0) throw new Error(`bench import ${outcome.outcome}`);
    return { seconds, rowsPerSecond: rows / seconds, operationsPerRow: operations() / rows, phases };
  };
  const first = await run();
  const again = await run();
  return { rows, bytes: bytes.byteLength, floor, first, again };
}

export function printImportCost(cost: ImportCost): void {
  const phases = (r: ImportRun): string => Object.entries(r.phases).map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(', ');
  console.log(`\n\`import staff\`: ${cost.rows.toLocaleString('en-GB')} rows (${(cost.bytes / 1_048_576).toFixed(1)} MB of CSV), the import use case and its store, outside the turn`);
  console.log('| run | seconds | rows/s | Cosmos operations per row | phases |');
  console.log('|---|---|---|---|---|');
  console.log(`| bare bulk creates of the same records (floor) | ${cost.floor.seconds.toFixed(1)} | ${cost.floor.rowsPerSecond.toFixed(0)} | ${cost.floor.operationsPerRow.toFixed(3)} | |`);
  console.log(`| first import: all added | ${cost.first.seconds.toFixed(1)} | ${cost.first.rowsPerSecond.toFixed(0)} | ${cost.first.operationsPerRow.toFixed(3)} | ${phases(cost.first)} |`);
  console.log(`| the same file again: all unchanged | ${cost.again.seconds.toFixed(1)} | ${cost.again.rowsPerSecond.toFixed(0)} | ${cost.again.operationsPerRow.toFixed(3)} | ${phases(cost.again)} |`);
  console.log(`first import / floor: ${(cost.first.seconds / cost.floor.seconds).toFixed(2)}x the time (staging every row, then applying it, is what makes an import safe to stop midway)`);
}
