import type { Container, JSONObject, OperationInput } from '@azure/cosmos';
import { rebase, type PlannedChange } from '../../migration/staff/import/importPlan';
import type { ImportReport, StaffImportRecord, StaffImportStore } from '../../migration/staff/import/staffImportStore';
import type { StaffMember } from '../../migration/staff/staffMember';
import { sequence } from '../auditPages';
import { cosmosStatusCode, isNotFound } from '../cosmosErrors';
import { queryPartition, readDocument } from '../projects/cosmosDocuments';
import { runBulk, succeeded, type BulkOutcome } from './bulkWrites';
import { assertStaffSchema, staffDocumentId, STAFF_MEMBER_TYPE, STAFF_SCHEMA_VERSION, toStaffDocument, type StaffDocument } from './staffDocuments';
import {
  importRecordId,
  importRowId,
  IMPORT_LOCK_ID,
  IMPORT_LOCK_TYPE,
  IMPORT_RECORD_TYPE,
  IMPORT_ROW_TYPE,
  type ImportLockDocument,
  type ImportRecordDocument,
  type ImportRowDocument,
} from './staffImportDocuments';

/** Staged rows applied per round: each round is one query, one bulk write and one bulk delete (plus a bulk read for rows that need rebasing). */
const APPLY_CHUNK = 10_000;
/** Rows per query page, above `WHOLE_READ_PAGE`: the import reads whole lists of 50,000 (Azure still caps a page at 4 MB). */
const QUERY_PAGE = 10_000;
/** Rounds a row may lose to a concurrent save (412) before the import gives up on it. */
const MAX_APPLY_ATTEMPTS = 5;

type WithEtag<T> = T & { readonly _etag: string };

/** What the plan's read of a record leaves for staging: enough to write the next document without reading it again. */
type StoredParts = Pick<WithEtag<StaffDocument>, '_etag' | 'history' | 'nextHistorySeq' | 'historyArchived' | 'schemaVersion' | 'member'>;

/**
 * The staff import's staging, commit and apply on Cosmos (see
 * `StaffImportStore` for the rule), with `executeBulkOperations` for the rows.
 *
 * Why applying can be repeated: a record the import already wrote carries its
 * `lastImportId` and is skipped; one written by someone else since is
 * rebased (the file's fields over the record as it now is); staged rows are
 * deleted only after their records are written. So a crash at any point of
 * the apply, followed by the apply again, leaves the same list as one apply.
 */
export class CosmosStaffImportStore implements StaffImportStore {
  /** The records the last plan of each project was made from, so staging can write whole documents (one instance's memory only). */
  private readonly readForPlan = new Map<string, Map<string, StoredParts>>();
  /**
   * The rows this instance staged, by import and local ID, so the apply that follows at once need not read 50,000
   * staged documents back (a fifth of a large import's time). An apply after a restart finds none and reads them.
   */
  private readonly stagedHere = new Map<string, Map<string, ImportRowDocument>>();

  constructor(
    private readonly container: Container,
    private readonly now: () => Date = () => new Date(),
    /** Rows per apply round; tests make it small to stop an apply between rounds. */
    private readonly applyChunk = APPLY_CHUNK,
  ) {}

  async storedMembers(projectId: string): Promise<ReadonlyMap<string, StaffMember>> {
    const rows = await queryPartition<StoredParts>(
      this.container,
      projectId,
      'c.schemaVersion, c.member, c.history, c.nextHistorySeq, c.historyArchived, c._etag',
      `c.type = '${STAFF_MEMBER_TYPE}'`,
      [],
      QUERY_PAGE,
    );
    const members = new Map<string, StaffMember>();
    const parts = new Map<string, StoredParts>();
    for (const row of rows) {
      assertStaffSchema(row);
      members.set(row.member.localId, row.member);
      parts.set(row.member.localId, row);
    }
    this.readForPlan.set(projectId, parts);
    return members;
  }

  async begin(record: StaffImportRecord): Promise<'begun' | 'busy'> {
    const lock: ImportLockDocument = { id: IMPORT_LOCK_ID, projectId: record.projectId, type: IMPORT_LOCK_TYPE, schemaVersion: STAFF_SCHEMA_VERSION, importId: record.importId };
    try {
      await this.container.items.create(lock);
    } catch (err: unknown) {
      if (cosmosStatusCode(err) === 409) return 'busy';
      throw err;
    }
    await this.container.items.upsert(recordDocument(record));
    return 'begun';
  }

  async stage(projectId: string, importId: string, changes: readonly PlannedChange[]): Promise<void> {
    const read = this.readForPlan.get(projectId);
    const rows: ImportRowDocument[] = [];
    const operations: OperationInput[] = changes.map((change) => {
      const base = read?.get(change.member.localId);
      const history = change.history;
      const whole =
        change.kind === 'added'
          ? { next: toStaffDocument(change.member, sequence(history, 0), history.length, false, importId) }
          : base && base.member.version === change.baseVersion
            ? {
                next: toStaffDocument(change.member, [...base.history, ...sequence(history, base.nextHistorySeq)], base.nextHistorySeq + history.length, base.historyArchived, importId),
                ifMatch: base._etag,
              }
            : {};
      const row: ImportRowDocument = {
        id: importRowId(importId, change.member.localId),
        projectId,
        type: IMPORT_ROW_TYPE,
        schemaVersion: STAFF_SCHEMA_VERSION,
        importId,
        localId: change.member.localId,
        change,
        ...whole,
      };
      rows.push(row);
      // Upsert: staging the same row again (a retry) is the same row.
      return { operationType: 'Upsert', partitionKey: projectId, resourceBody: row as unknown as JSONObject };
    });
    try {
      assertAll(await runBulk(this.container, operations), 'staged');
    } catch (err: unknown) {
      // What this instance holds is no longer the whole staging: the apply reads it back from the store.
      this.stagedHere.delete(importId);
      throw err;
    }
    const kept = this.stagedHere.get(importId) ?? new Map<string, ImportRowDocument>();
    this.stagedHere.set(importId, kept);
    for (const row of rows) kept.set(row.localId, row);
  }

  async commit(projectId: string, importId: string, report: ImportReport, toApply: number): Promise<void> {
    const current = await this.readRecord(projectId, importId);
    if (current?.record.state !== 'staging') throw new Error(`Import ${importId} cannot be committed from ${current?.record.state ?? 'nothing'}`);
    const next = recordDocument({ ...current.record, state: 'committed', report, toApply, applied: 0 });
    await this.container.item(next.id, projectId).replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag } });
    this.readForPlan.delete(projectId);
  }

  async apply(projectId: string, importId: string, progress?: (applied: number, total: number) => void): Promise<void> {
    const current = await this.readRecord(projectId, importId);
    if (!current) throw new Error(`Import ${importId} not found`);
    if (current.record.state === 'done') return this.releaseLock(projectId, importId);
    if (current.record.state !== 'committed') throw new Error(`Import ${importId} cannot be applied from ${current.record.state}`);
    const total = current.record.toApply;
    const at = this.now().toISOString();
    let applied = total - (await this.countRows(projectId, importId));
    progress?.(applied, total);
    const kept = this.stagedHere.get(importId);
    this.stagedHere.delete(importId);
    // Only a whole, untouched staging is taken from memory; anything else (a restart, an apply cut off) reads the store.
    const fromMemory = kept !== undefined && applied === 0 && kept.size === total ? [...kept.values()] : undefined;
    for (let round = 0; ; round += 1) {
      const rows = fromMemory
        ? fromMemory.slice(round * this.applyChunk, (round + 1) * this.applyChunk)
        : await queryPartition<ImportRowDocument>(
            this.container,
            projectId,
            `TOP ${this.applyChunk} *`,
            `c.type = '${IMPORT_ROW_TYPE}' AND c.importId = @importId`,
            [{ name: '@importId', value: importId }],
            QUERY_PAGE,
          );
      if (rows.length === 0) break;
      await this.applyRows(projectId, importId, await this.writeWhole(projectId, rows), at);
      assertAll(
        await runBulk(
          this.container,
          rows.map((row) => ({ operationType: 'Delete', id: row.id, partitionKey: projectId })),
        ).then((outcomes) => outcomes.map((o) => (o.statusCode === 404 ? { statusCode: 204 } : o))),
        'cleared',
      );
      applied += rows.length;
      progress?.(Math.min(applied, total), total);
    }
    const latest = await this.readRecord(projectId, importId);
    if (latest) {
      const done = recordDocument({ ...latest.record, state: 'done', applied: total, finishedAt: this.now().toISOString() });
      await this.container.item(done.id, projectId).replace(done, { accessCondition: { type: 'IfMatch', condition: latest._etag } });
    }
    await this.releaseLock(projectId, importId);
  }

  async rollBack(projectId: string, importId: string): Promise<void> {
    this.stagedHere.delete(importId);
    const current = await this.readRecord(projectId, importId);
    if (current && current.record.state !== 'staging' && current.record.state !== 'rolled-back') {
      throw new Error(`Import ${importId} is ${current.record.state} and is rolled forward, not back`);
    }
    const ids = await queryPartition<string>(this.container, projectId, 'VALUE c.id', `c.type = '${IMPORT_ROW_TYPE}' AND c.importId = @importId`, [{ name: '@importId', value: importId }], QUERY_PAGE);
    const outcomes = await runBulk(
      this.container,
      ids.map((id) => ({ operationType: 'Delete', id, partitionKey: projectId })),
    );
    assertAll(outcomes.map((o) => (o.statusCode === 404 ? { statusCode: 204 } : o)), 'rolled back');
    if (current) {
      const rolled = recordDocument({ ...current.record, state: 'rolled-back', finishedAt: this.now().toISOString() });
      await this.container.item(rolled.id, projectId).replace(rolled);
    }
    await this.releaseLock(projectId, importId);
  }

  async get(projectId: string, importId: string): Promise<StaffImportRecord | undefined> {
    return (await this.readRecord(projectId, importId))?.record;
  }

  async unfinished(): Promise<readonly StaffImportRecord[]> {
    // Across partitions on purpose: at start nobody knows which projects had an import under way.
    const { resources } = await this.container.items
      .query<ImportLockDocument>({ query: `SELECT * FROM c WHERE c.type = '${IMPORT_LOCK_TYPE}'` })
      .fetchAll();
    const records: StaffImportRecord[] = [];
    for (const lock of resources) {
      const record = await this.get(lock.projectId, lock.importId);
      records.push(
        record ?? { projectId: lock.projectId, importId: lock.importId, fileName: '', by: { id: '', name: '' }, startedAt: '', state: 'staging', applied: 0, toApply: 0 },
      );
    }
    return records;
  }

  async markMissingRemoved(projectId: string, importId: string, at: string): Promise<void> {
    const current = await this.readRecord(projectId, importId);
    if (!current) return;
    const next = recordDocument({ ...current.record, missingRemovedAt: at });
    await this.container.item(next.id, projectId).replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag } });
  }

  /**
   * The one-write path: staged rows that carry their whole next document are written with `IfMatch` on the eTag the
   * plan read (or created). Returns the rows that still need the careful path: those without a document, and those
   * whose record changed since (412), exists already (409, say written by this import before a crash) or is gone.
   */
  private async writeWhole(projectId: string, rows: readonly ImportRowDocument[]): Promise<ImportRowDocument[]> {
    const whole = rows.filter((row) => row.next !== undefined);
    const careful = rows.filter((row) => row.next === undefined);
    const outcomes = await runBulk(
      this.container,
      whole.map((row): OperationInput => {
        const body = row.next as unknown as JSONObject;
        return row.ifMatch === undefined
          ? { operationType: 'Create', partitionKey: projectId, resourceBody: body }
          : { operationType: 'Replace', id: staffDocumentId(row.localId), partitionKey: projectId, ifMatch: row.ifMatch, resourceBody: body };
      }),
    );
    outcomes.forEach((outcome, i) => {
      const row = whole[i];
      if (!row || succeeded(outcome)) return;
      if (outcome.statusCode === 412 || outcome.statusCode === 409 || outcome.statusCode === 404) careful.push(row);
      else throw new Error(`A staff record could not be written (status ${outcome.statusCode})`);
    });
    return careful;
  }

  /** The careful path: read the records, rebase each change on what is there, write; rows that lost a race go round again. */
  private async applyRows(projectId: string, importId: string, rows: readonly ImportRowDocument[], at: string): Promise<void> {
    let pending = rows;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      // Rebased from here on: the staged document was made for a record that has changed since.
      if (attempt > MAX_APPLY_ATTEMPTS) throw new Error(`${pending.length} staff records kept changing while import ${importId} was applied`);
      const reads = await runBulk(
        this.container,
        pending.map((row) => ({ operationType: 'Read', id: staffDocumentId(row.localId), partitionKey: projectId })),
      );
      const bodies = await this.readBodies(projectId, pending, reads);
      const writes: { row: ImportRowDocument; op: OperationInput }[] = [];
      pending.forEach((row, i) => {
        const current = bodies[i];
        if (current?.lastImportId === importId) return; // written by this import before a crash
        const member = rebase(row.change, current?.member, at);
        if (!member) return;
        const history = row.change.history;
        if (!current) {
          const created = toStaffDocument(member, sequence(history, 0), history.length, false, importId);
          writes.push({ row, op: { operationType: 'Create', partitionKey: projectId, resourceBody: created as unknown as JSONObject } });
          return;
        }
        assertStaffSchema(current);
        const firstSeq = current.nextHistorySeq;
        const next = toStaffDocument(member, [...current.history, ...sequence(history, firstSeq)], firstSeq + history.length, current.historyArchived, importId);
        writes.push({ row, op: { operationType: 'Replace', id: next.id, partitionKey: projectId, ifMatch: current._etag, resourceBody: next as unknown as JSONObject } });
      });
      const outcomes = await runBulk(
        this.container,
        writes.map((w) => w.op),
      );
      const retry: ImportRowDocument[] = [];
      outcomes.forEach((outcome, i) => {
        const write = writes[i];
        if (!write || succeeded(outcome)) return;
        if (outcome.statusCode === 412 || outcome.statusCode === 409 || outcome.statusCode === 404) retry.push(write.row);
        else throw new Error(`A staff record could not be written (status ${outcome.statusCode})`);
      });
      pending = retry;
    }
  }

  /** Bulk reads give bodies without `_etag` on some servers: fall back to a point read for those. */
  private async readBodies(projectId: string, rows: readonly ImportRowDocument[], reads: readonly BulkOutcome[]): Promise<(WithEtag<StaffDocument> | undefined)[]> {
    return Promise.all(
      rows.map(async (row, i) => {
        const outcome = reads[i];
        if (!outcome || outcome.statusCode === 404) return undefined;
        if (!succeeded(outcome)) throw new Error(`A staff record could not be read (status ${outcome.statusCode})`);
        const body = outcome.body as Partial<WithEtag<StaffDocument>> | undefined;
        if (body && typeof body._etag === 'string' && body.type === STAFF_MEMBER_TYPE) return body as WithEtag<StaffDocument>;
        return readDocument<StaffDocument>(this.container, staffDocumentId(row.localId), projectId);
      }),
    );
  }

  private async countRows(projectId: string, importId: string): Promise<number> {
    const [count] = await queryPartition<number>(this.container, projectId, 'VALUE COUNT(1)', `c.type = '${IMPORT_ROW_TYPE}' AND c.importId = @importId`, [{ name: '@importId', value: importId }], QUERY_PAGE);
    return count ?? 0;
  }

  private async releaseLock(projectId: string, importId: string): Promise<void> {
    const lock = await readDocument<ImportLockDocument>(this.container, IMPORT_LOCK_ID, projectId);
    if (lock?.importId !== importId) return;
    try {
      await this.container.item(IMPORT_LOCK_ID, projectId).delete({ accessCondition: { type: 'IfMatch', condition: lock._etag } });
    } catch (err: unknown) {
      if (!isNotFound(err)) throw err;
    }
  }

  private async readRecord(projectId: string, importId: string): Promise<WithEtag<ImportRecordDocument> | undefined> {
    const document = await readDocument<ImportRecordDocument>(this.container, importRecordId(importId), projectId);
    if (document) assertStaffSchema(document);
    return document;
  }

}

function recordDocument(record: StaffImportRecord): ImportRecordDocument {
  return { id: importRecordId(record.importId), projectId: record.projectId, type: IMPORT_RECORD_TYPE, schemaVersion: STAFF_SCHEMA_VERSION, record };
}

function assertAll(outcomes: readonly BulkOutcome[], what: string): void {
  const failed = outcomes.find((o) => !succeeded(o));
  if (failed) throw new Error(`${outcomes.filter((o) => !succeeded(o)).length} staff import rows could not be ${what} (status ${failed.statusCode})`);
}
