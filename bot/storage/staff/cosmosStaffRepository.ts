import type { Container, OperationInput, SqlParameter } from '@azure/cosmos';
import type { Logger } from 'pino';
import { ConcurrentModification } from '../../migration/projects/conflictRetry';
import { NotFound } from '../../migration/shared/errors';
import type { StaffChange, StaffFilter, StaffPage, StaffPageQuery, StaffRepository } from '../../migration/staff/staffRepository';
import type { StaffHistoryEntry, StaffMember } from '../../migration/staff/staffMember';
import { mergeBySeq, pageOutOldest, sequence } from '../auditPages';
import { cosmosStatusCode, isPreconditionFailed } from '../cosmosErrors';
import { deleteDocument, readDocument, WHOLE_READ_PAGE } from '../projects/cosmosDocuments';
import { runBulk, succeeded } from './bulkWrites';
import {
  assertStaffSchema,
  departmentKey,
  staffDocumentId,
  staffHistoryPageId,
  STAFF_HISTORY_PAGE_TYPE,
  STAFF_MEMBER_TYPE,
  STAFF_SCHEMA_VERSION,
  toStaffDocument,
  type StaffDocument,
  type StaffHistoryPageDocument,
} from './staffDocuments';

export interface CosmosStaffRepositoryOptions {
  /** History lines kept inside the record before the oldest move to a page. */
  readonly inlineHistoryLimit?: number;
  /** Lines moved per page. */
  readonly historyPageSize?: number;
  readonly logger?: Logger;
}

/** A record with 40 lines of history is about 8 KB; a page of 20 lines about 3 KB. */
const DEFAULT_INLINE_HISTORY_LIMIT = 40;
const DEFAULT_HISTORY_PAGE_SIZE = 20;
/** The most a page may ask for: a guard, since the number goes into the SQL text. */
const MAX_PAGE_LIMIT = 200;

type Stored = StaffDocument & { readonly _etag: string };

/**
 * The staff list in Cosmos: one document per person in the project's
 * partition, so a change and its history line are one write (`IfMatch` on the
 * eTag makes two overlapping saves one success and one 412), and the list is
 * one query per page that filters, sorts and pages on the document's
 * top-level fields. Paging is by rank (`sortKey > @after`), not OFFSET: the
 * embedded server has none, and Azure charges for every row skipped.
 *
 * Every query names the partition in its WHERE clause as well as in its
 * options: the embedded server ignores the option, and a query without the
 * filter would show another project's staff without any test noticing.
 */
export class CosmosStaffRepository implements StaffRepository {
  private readonly inlineHistoryLimit: number;
  private readonly historyPageSize: number;

  constructor(
    private readonly container: Container,
    private readonly options: CosmosStaffRepositoryOptions = {},
  ) {
    this.inlineHistoryLimit = options.inlineHistoryLimit ?? DEFAULT_INLINE_HISTORY_LIMIT;
    this.historyPageSize = Math.min(options.historyPageSize ?? DEFAULT_HISTORY_PAGE_SIZE, this.inlineHistoryLimit);
    if (this.historyPageSize < 1) throw new RangeError('historyPageSize and inlineHistoryLimit must be at least 1');
  }

  async get(projectId: string, localId: string): Promise<StaffMember | undefined> {
    return (await this.read(projectId, localId))?.member;
  }

  /**
   * Adds one person (not on the port: the import writes in bulk through its own store). For tests, and for adding
   * someone by hand later. 'exists' when the local ID is taken.
   */
  async create(member: StaffMember, history: readonly StaffHistoryEntry[]): Promise<'created' | 'exists'> {
    try {
      await this.container.items.create(toStaffDocument(member, sequence(history, 0), history.length, false));
      return 'created';
    } catch (err: unknown) {
      if (cosmosStatusCode(err) === 409) return 'exists';
      throw err;
    }
  }

  async list(projectId: string, query: StaffPageQuery): Promise<StaffPage> {
    const limit = Math.floor(query.limit);
    if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) throw new RangeError(`A page holds 1 to ${MAX_PAGE_LIMIT} people`);
    const { where, parameters } = filterSql(query.filter);
    if (query.after !== undefined) {
      where.push('c.sortKey > @after');
      parameters.push({ name: '@after', value: query.after });
    }
    // One more than the page, to know whether there is a next one without a second query.
    const rows = await this.query<Pick<StaffDocument, 'id' | 'schemaVersion' | 'member' | 'sortKey'>>(
      projectId,
      `TOP ${limit + 1} c.id, c.schemaVersion, c.member, c.sortKey`,
      where,
      parameters,
      ' ORDER BY c.sortKey',
    );
    for (const row of rows) assertStaffSchema(row);
    const last = rows[limit - 1];
    return { members: rows.slice(0, limit).map((r) => r.member), ...(rows.length > limit && last ? { next: last.sortKey } : {}) };
  }

  async count(projectId: string, filter: StaffFilter): Promise<number> {
    const { where, parameters } = filterSql(filter);
    const [count] = await this.query<number>(projectId, 'VALUE COUNT(1)', where, parameters);
    return count ?? 0;
  }

  async tryUpdate(projectId: string, localId: string, decide: (current: StaffMember) => StaffChange | undefined): Promise<StaffMember> {
    const document = await this.read(projectId, localId);
    if (!document) throw new NotFound('person on the staff list', localId);
    const change = decide(document.member);
    if (!change) return document.member;
    if (change.member.projectId !== projectId || change.member.localId !== localId) throw new Error('A staff change may not move the record');
    const firstSeq = document.nextHistorySeq;
    const next = toStaffDocument(
      change.member,
      [...document.history, ...sequence(change.history, firstSeq)],
      firstSeq + change.history.length,
      document.historyArchived,
      document.lastImportId,
    );
    let etag: string | undefined;
    try {
      ({ etag } = await this.container.item(next.id, projectId).replace(next, { accessCondition: { type: 'IfMatch', condition: document._etag } }));
    } catch (err: unknown) {
      if (isPreconditionFailed(err)) throw new ConcurrentModification('staff record');
      throw err;
    }
    if (etag !== undefined) await this.archiveOldestHistory(next, etag);
    return change.member;
  }

  /** A person's whole history, oldest first (not on the port yet: the roll-out's history card reads it here). */
  async history(projectId: string, localId: string): Promise<readonly StaffHistoryEntry[]> {
    const document = await this.read(projectId, localId);
    if (!document) return [];
    const pages = document.historyArchived ? await this.historyPages(projectId, localId) : [];
    return mergeBySeq(pages, document.history);
  }

  async remove(projectId: string, localId: string): Promise<boolean> {
    const document = await this.read(projectId, localId);
    if (!document) return false;
    // History pages first: were the record deleted first and the pages not, nothing would point at them again.
    if (document.historyArchived) {
      for (const page of await this.historyPages(projectId, localId)) await deleteDocument(this.container, page.id, projectId);
    }
    return deleteDocument(this.container, document.id, projectId);
  }

  async removeAll(projectId: string): Promise<number> {
    const rows = await this.query<{ id: string; type: string }>(
      projectId,
      'c.id, c.type',
      [`c.type IN ('${STAFF_MEMBER_TYPE}', '${STAFF_HISTORY_PAGE_TYPE}')`],
      [],
      '',
      false,
    );
    const operations: OperationInput[] = rows.map((row) => ({ operationType: 'Delete', id: row.id, partitionKey: projectId }));
    const outcomes = await runBulk(this.container, operations);
    const failed = outcomes.filter((o) => !succeeded(o) && o.statusCode !== 404);
    if (failed.length > 0) throw new Error(`${failed.length} staff documents could not be removed (status ${failed[0]?.statusCode ?? 0})`);
    return rows.filter((row) => row.type === STAFF_MEMBER_TYPE).length;
  }

  private async read(projectId: string, localId: string): Promise<Stored | undefined> {
    const document = await readDocument<StaffDocument>(this.container, staffDocumentId(localId), projectId);
    if (document) assertStaffSchema(document);
    return document;
  }

  private async historyPages(projectId: string, localId: string): Promise<Pick<StaffHistoryPageDocument, 'id' | 'schemaVersion' | 'entries'>[]> {
    const pages = await this.query<Pick<StaffHistoryPageDocument, 'id' | 'schemaVersion' | 'entries'>>(
      projectId,
      'c.id, c.schemaVersion, c.entries',
      ['c.localId = @localId'],
      [{ name: '@localId', value: localId }],
      '',
      true,
      STAFF_HISTORY_PAGE_TYPE,
    );
    for (const page of pages) assertStaffSchema(page);
    return pages;
  }

  /** One query in the project's partition; `where` conditions are ANDed after the partition and type filters. */
  private async query<T>(
    partition: string,
    select: string,
    where: readonly string[],
    parameters: readonly SqlParameter[],
    orderBy = '',
    typed = true,
    type: string = STAFF_MEMBER_TYPE,
  ): Promise<T[]> {
    const conditions = ['c.projectId = @partition', ...(typed ? [`c.type = '${type}'`] : []), ...where];
    const query = `SELECT ${select} FROM c WHERE ${conditions.join(' AND ')}${orderBy}`;
    const { resources } = await this.container.items
      .query<T>({ query, parameters: [{ name: '@partition', value: partition }, ...parameters] }, { partitionKey: partition, maxItemCount: WHOLE_READ_PAGE })
      .fetchAll();
    return resources;
  }

  /** Best effort, after the change is saved, exactly as risks' and gateways' audit pages (see `pageOutOldest`). */
  private async archiveOldestHistory(saved: StaffDocument, etag: string): Promise<void> {
    await pageOutOldest<StaffHistoryEntry, StaffDocument>({
      container: this.container,
      saved,
      etag,
      inline: saved.history,
      inlineLimit: this.inlineHistoryLimit,
      pageSize: this.historyPageSize,
      page: (entries): StaffHistoryPageDocument => ({
        id: staffHistoryPageId(saved.localId, entries[0]?.seq ?? 0),
        projectId: saved.projectId,
        type: STAFF_HISTORY_PAGE_TYPE,
        schemaVersion: STAFF_SCHEMA_VERSION,
        localId: saved.localId,
        entries,
      }),
      trimmed: (remaining) => ({ ...saved, history: remaining, historyArchived: true }),
      ...(this.options.logger ? { logger: this.options.logger } : {}),
      logContext: { projectId: saved.projectId, log: 'staff history' },
    });
  }
}

/** The filter as SQL conditions on the document's query fields, with parameters. */
function filterSql(filter: StaffFilter): { where: string[]; parameters: SqlParameter[] } {
  const where: string[] = [];
  const parameters: SqlParameter[] = [];
  if (filter.ungrouped === true) where.push('c.groupId = null');
  else if (filter.groupId !== undefined) {
    where.push('c.groupId = @groupId');
    parameters.push({ name: '@groupId', value: filter.groupId });
  }
  if (filter.status !== undefined) {
    where.push('c.status = @status');
    parameters.push({ name: '@status', value: filter.status });
  }
  if (filter.department !== undefined) {
    where.push('c.departmentKey = @department');
    parameters.push({ name: '@department', value: departmentKey(filter.department) });
  }
  if (filter.accountType !== undefined) {
    where.push('c.member.accountType = @accountType');
    parameters.push({ name: '@accountType', value: filter.accountType });
  }
  return { where, parameters };
}
