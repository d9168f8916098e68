import { assertCan } from '../../gateways/roles';
import type { PersonRef } from '../../gateways/gatewayState';
import type { Actor } from '../../projects/actor';
import type { Clock } from '../../projects/clock';
import { loadProjectFor, type ProjectAccess } from '../../projects/projectAccess';
import type { ProjectRepository } from '../../projects/projectRepository';
import type { RolloutGroupRepository } from '../staffRepository';
import { planImport, type ImportPlan } from './importPlan';
import { readStaffRecords, type CsvRecordReader } from './readStaffRecords';
import type { ImportReport, StaffImportRecord, StaffImportStore } from './staffImportStore';
import { MISSING_LIST_LIMIT, REPORT_LIST_LIMIT, type StaffImportSettings } from './staffImportSettings';

export interface StaffImportDeps {
  readonly projects: ProjectRepository;
  readonly store: StaffImportStore;
  readonly groups: RolloutGroupRepository;
  readonly clock: Clock;
  readonly settings: StaffImportSettings;
}

/** Where an import has got to, for the card updated in place. */
export type ImportProgress =
  | { readonly phase: 'reading' }
  | { readonly phase: 'staging' | 'applying'; readonly done: number; readonly total: number };

export type ImportOutcome =
  | { readonly outcome: 'imported'; readonly record: StaffImportRecord }
  | { readonly outcome: 'refused'; readonly reason: string }
  | { readonly outcome: 'busy' };

export interface ImportFile {
  readonly projectId: string;
  readonly importId: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly by: PersonRef;
}

/** Changes staged per step, so progress moves and no single call holds the whole file's operations. */
const STAGE_STEP = 10_000;

/** Only the PM and local administrators import; a refusal says who can. */
export async function loadStaffImportFor(deps: Pick<StaffImportDeps, 'projects'>, actor: Actor, projectId: unknown): Promise<ProjectAccess> {
  const access = await loadProjectFor(deps, actor, projectId);
  assertCan(access.role, 'import-staff');
  return access;
}

/** Said before anything is downloaded when the file's stated size is over the limit. */
export function sizeRefusal(bytes: number, settings: StaffImportSettings): string | undefined {
  if (bytes <= settings.maxFileBytes) return undefined;
  return `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${(settings.maxFileBytes / 1024 / 1024).toFixed(0)} MB limit. Split it, or remove columns Gateway does not use. Nothing was imported.`;
}

/**
 * Imports one staff file, the whole story: refuse a file that cannot be read
 * (too big, wrong encoding, no Local ID column, empty), plan the changes
 * against the stored list, stage them, commit, apply. Runs outside the turn
 * (a 50,000-row file takes longer than Teams waits); `progress` is told as it
 * goes. A refused file writes nothing at all. A failure before the commit
 * rolls the import back; after it, the import is left for `resumeImports`.
 */
export async function importStaffList(
  deps: StaffImportDeps,
  file: ImportFile,
  reader: CsvRecordReader,
  progress: (p: ImportProgress) => void = () => undefined,
): Promise<ImportOutcome> {
  const tooBig = sizeRefusal(file.bytes.length, deps.settings);
  if (tooBig !== undefined) return { outcome: 'refused', reason: tooBig };
  progress({ phase: 'reading' });
  const read = await readStaffRecords(file.bytes, reader);
  if (!read.ok) return { outcome: 'refused', reason: read.reason };

  const startedAt = deps.clock.now().toISOString();
  const record: StaffImportRecord = { projectId: file.projectId, importId: file.importId, fileName: file.fileName, by: file.by, startedAt, state: 'staging', applied: 0, toApply: 0 };
  if ((await deps.store.begin(record)) === 'busy') return { outcome: 'busy' };
  try {
    const [stored, groups] = await Promise.all([deps.store.storedMembers(file.projectId), deps.groups.all(file.projectId)]);
    const plan = planImport({
      projectId: file.projectId,
      rows: read.rows,
      rejections: read.rejections,
      stored,
      knownGroupIds: new Set(groups.map((g) => g.groupId)),
      quotaMb: deps.settings.quotaMb,
      by: file.by,
      now: startedAt,
    });
    for (let at = 0; at < plan.changes.length; at += STAGE_STEP) {
      progress({ phase: 'staging', done: at, total: plan.changes.length });
      await deps.store.stage(file.projectId, file.importId, plan.changes.slice(at, at + STAGE_STEP));
    }
    await deps.store.commit(file.projectId, file.importId, reportOf(plan, read.encoding, read.header.ignored), plan.changes.length);
  } catch (err: unknown) {
    await deps.store.rollBack(file.projectId, file.importId);
    throw err;
  }
  await deps.store.apply(file.projectId, file.importId, (done, total) => progress({ phase: 'applying', done, total }));
  const finished = await deps.store.get(file.projectId, file.importId);
  if (!finished) throw new Error('The import record vanished');
  return { outcome: 'imported', record: finished };
}

/**
 * Finishes every import a crash or restart stopped: rolled back before its
 * commit, rolled forward after. Safe to run on every start and twice at once
 * (each step can be repeated).
 */
export async function resumeImports(deps: Pick<StaffImportDeps, 'store'>): Promise<readonly StaffImportRecord[]> {
  const resumed: StaffImportRecord[] = [];
  for (const record of await deps.store.unfinished()) {
    if (record.state === 'committed' || record.state === 'done') await deps.store.apply(record.projectId, record.importId);
    else await deps.store.rollBack(record.projectId, record.importId);
    const after = await deps.store.get(record.projectId, record.importId);
    if (after) resumed.push(after);
  }
  return resumed;
}

export function reportOf(plan: ImportPlan, encoding: ImportReport['encoding'], ignoredColumns: readonly string[]): ImportReport {
  return {
    counts: plan.counts,
    rejections: plan.rejections.slice(0, REPORT_LIST_LIMIT),
    warnings: plan.warnings.slice(0, REPORT_LIST_LIMIT),
    missing: plan.missing.slice(0, MISSING_LIST_LIMIT),
    kept: {
      rejections: Math.min(plan.rejections.length, REPORT_LIST_LIMIT),
      warnings: Math.min(plan.warnings.length, REPORT_LIST_LIMIT),
      warningsTotal: plan.warnings.length,
      missing: Math.min(plan.missing.length, MISSING_LIST_LIMIT),
    },
    encoding,
    ignoredColumns: ignoredColumns.slice(0, 50),
  };
}
