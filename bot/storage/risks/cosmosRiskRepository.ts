import type { Container, SqlParameter } from '@azure/cosmos';
import type { Logger } from 'pino';
import { ConcurrentModification } from '../../migration/projects/conflictRetry';
import type { RiskEntry, RiskHistoryEntry } from '../../migration/risks/riskEntry';
import type { CreateRiskOutcome, RiskChange, RiskFilter, RiskPage, RiskPageQuery, RiskRepository } from '../../migration/risks/riskRepository';
import { NotFound } from '../../migration/shared/errors';
import { mergeBySeq, pageOutOldest, sequence, type Sequenced } from '../auditPages';
import { cosmosStatusCode, isPreconditionFailed } from '../cosmosErrors';
import { readDocument } from '../projects/cosmosDocuments';
import {
  assertRiskSchema,
  riskDocumentId,
  riskHistoryPageId,
  riskQueryFields,
  RISK_SCHEMA_VERSION,
  type RiskDocument,
  type RiskHistoryPageDocument,
} from './riskDocuments';

export interface CosmosRiskRepositoryOptions {
  /** History lines kept inside the entry document before the oldest move to a page. */
  readonly inlineHistoryLimit?: number;
  /** Lines moved per page. */
  readonly historyPageSize?: number;
  readonly logger?: Logger;
}

/** An entry with 100 lines of history is still only about 30 KB; pages of 50 lines about 15 KB. */
const DEFAULT_INLINE_HISTORY_LIMIT = 100;
const DEFAULT_HISTORY_PAGE_SIZE = 50;
/** The most a page may ask for: a guard, since the number goes into the SQL text. */
const MAX_PAGE_LIMIT = 100;

/**
 * The risks log in Cosmos: one document per entry in the project's partition,
 * so an entry's change and its history lines are one write (`IfMatch` on the
 * etag turns two overlapping saves into one success and one 412), and the
 * list is one query that filters, sorts and pages on the document's
 * top-level fields.
 *
 * Every query names the partition in its WHERE clause as well as in its
 * options: the embedded server ignores the option, and a query without the
 * filter would show another project's log without any test noticing.
 *
 * Paging is by rank ("entries after this one"), not OFFSET: the embedded
 * server has no OFFSET, Azure charges for every skipped row, and a rank keeps
 * pages from repeating or skipping entries while the log changes.
 */
export class CosmosRiskRepository implements RiskRepository {
  private readonly inlineHistoryLimit: number;
  private readonly historyPageSize: number;

  constructor(
    private readonly container: Container,
    private readonly options: CosmosRiskRepositoryOptions = {},
  ) {
    this.inlineHistoryLimit = options.inlineHistoryLimit ?? DEFAULT_INLINE_HISTORY_LIMIT;
    this.historyPageSize = Math.min(options.historyPageSize ?? DEFAULT_HISTORY_PAGE_SIZE, this.inlineHistoryLimit);
    if (this.historyPageSize < 1) throw new RangeError('historyPageSize and inlineHistoryLimit must be at least 1');
  }

  async get(projectId: string, riskId: string): Promise<RiskEntry | undefined> {
    return (await this.read(projectId, riskId))?.entry;
  }

  async create(entry: RiskEntry, history: readonly RiskHistoryEntry[]): Promise<CreateRiskOutcome> {
    const document = toDocument(entry, sequence(history, 0), history.length, false);
    try {
      await this.container.items.create(document);
      return 'created';
    } catch (err: unknown) {
      if (cosmosStatusCode(err) === 409) return 'exists';
      throw err;
    }
  }

  async tryUpdate(projectId: string, riskId: string, decide: (current: RiskEntry) => RiskChange | undefined): Promise<RiskEntry> {
    const document = await this.read(projectId, riskId);
    if (!document) throw new NotFound('risk or issue', riskId);
    const change = decide(document.entry);
    if (!change) return document.entry;
    if (change.entry.projectId !== projectId || change.entry.riskId !== riskId) throw new Error('A risk change may not move the entry');

    const firstSeq = document.nextHistorySeq;
    const next = toDocument(
      change.entry,
      [...document.history, ...sequence(change.history, firstSeq)],
      firstSeq + change.history.length,
      document.historyArchived,
    );
    let etag: string | undefined;
    try {
      ({ etag } = await this.container.item(next.id, projectId).replace(next, { accessCondition: { type: 'IfMatch', condition: document._etag } }));
    } catch (err: unknown) {
      if (isPreconditionFailed(err)) throw new ConcurrentModification('risk');
      throw err;
    }
    if (etag !== undefined) await this.archiveOldestHistory(next, etag);
    return change.entry;
  }

  async list(projectId: string, query: RiskPageQuery): Promise<RiskPage> {
    const limit = Math.floor(query.limit);
    if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) throw new RangeError(`A page holds 1 to ${MAX_PAGE_LIMIT} entries`);
    const { where, parameters } = filterSql(query.filter);
    if (query.after !== undefined) {
      where.push('c.rank > @after');
      parameters.push({ name: '@after', value: query.after });
    }
    // One more than the page, to know whether there is a next one without a second query.
    const rows = await this.queryEntries(projectId, `TOP ${limit + 1} c.id, c.schemaVersion, c.entry, c.rank`, where, parameters);
    const entries = rows.slice(0, limit);
    const last = rows[limit - 1];
    return { entries: entries.map((r) => r.entry), ...(rows.length > limit && last ? { next: last.rank } : {}) };
  }

  async all(projectId: string): Promise<readonly RiskEntry[]> {
    return (await this.queryEntries(projectId, 'c.id, c.schemaVersion, c.entry, c.rank', [], [])).map((r) => r.entry);
  }

  async history(projectId: string, riskId: string): Promise<readonly RiskHistoryEntry[]> {
    const document = await this.read(projectId, riskId);
    if (!document) return [];
    const pages = document.historyArchived
      ? await this.query<Pick<RiskHistoryPageDocument, 'id' | 'schemaVersion' | 'entries'>>(
          projectId,
          'c.id, c.schemaVersion, c.entries',
          "c.type = 'risk-history-page' AND c.riskId = @riskId",
          [{ name: '@riskId', value: riskId }],
        )
      : [];
    for (const page of pages) assertRiskSchema(page);
    return mergeBySeq(pages, document.history);
  }

  private async read(projectId: string, riskId: string): Promise<(RiskDocument & { _etag: string }) | undefined> {
    const document = await readDocument<RiskDocument>(this.container, riskDocumentId(riskId), projectId);
    if (document) assertRiskSchema(document);
    return document;
  }

  /** Entries of one project in list order; `where` conditions are ANDed after the partition and type filters. */
  private async queryEntries(
    projectId: string,
    select: string,
    where: readonly string[],
    parameters: readonly SqlParameter[],
  ): Promise<Pick<RiskDocument, 'id' | 'schemaVersion' | 'entry' | 'rank'>[]> {
    const rows = await this.query<Pick<RiskDocument, 'id' | 'schemaVersion' | 'entry' | 'rank'>>(
      projectId,
      select,
      ["c.type = 'risk-entry'", ...where].join(' AND '),
      parameters,
      ' ORDER BY c.rank',
    );
    for (const row of rows) assertRiskSchema(row);
    return rows;
  }

  private async query<T>(partition: string, select: string, where: string, parameters: readonly SqlParameter[], orderBy = ''): Promise<T[]> {
    const query = `SELECT ${select} FROM c WHERE c.projectId = @partition AND (${where})${orderBy}`;
    const { resources } = await this.container.items
      .query<T>({ query, parameters: [{ name: '@partition', value: partition }, ...parameters] }, { partitionKey: partition })
      .fetchAll();
    return resources;
  }

  /** Best effort, after the change is saved, exactly as gateway audit pages (see `pageOutOldest`). */
  private async archiveOldestHistory(saved: RiskDocument, etag: string): Promise<void> {
    await pageOutOldest<RiskHistoryEntry, RiskDocument>({
      container: this.container,
      saved,
      etag,
      inline: saved.history,
      inlineLimit: this.inlineHistoryLimit,
      pageSize: this.historyPageSize,
      page: (entries): RiskHistoryPageDocument => ({
        id: riskHistoryPageId(saved.riskId, entries[0]?.seq ?? 0),
        projectId: saved.projectId,
        type: 'risk-history-page',
        schemaVersion: RISK_SCHEMA_VERSION,
        riskId: saved.riskId,
        entries,
      }),
      trimmed: (remaining) => ({ ...saved, history: remaining, historyArchived: true }),
      ...(this.options.logger ? { logger: this.options.logger } : {}),
      logContext: { projectId: saved.projectId, log: 'risk history' },
    });
  }
}

function toDocument(entry: RiskEntry, history: readonly Sequenced<RiskHistoryEntry>[], nextHistorySeq: number, historyArchived: boolean): RiskDocument {
  return {
    id: riskDocumentId(entry.riskId),
    projectId: entry.projectId,
    type: 'risk-entry',
    schemaVersion: RISK_SCHEMA_VERSION,
    riskId: entry.riskId,
    entry,
    ...riskQueryFields(entry),
    history,
    nextHistorySeq,
    historyArchived,
  };
}

/** The filter as SQL conditions on the document's query fields, with parameters. */
function filterSql(filter: RiskFilter): { where: string[]; parameters: SqlParameter[] } {
  const where: string[] = [];
  const parameters: SqlParameter[] = [];
  if (filter.status === 'open') where.push('c.closed = false');
  if (filter.status === 'closed') where.push('c.closed = true');
  if (filter.ownerId !== undefined) {
    where.push('c.ownerId = @ownerId');
    parameters.push({ name: '@ownerId', value: filter.ownerId });
  }
  if (filter.stage !== undefined) {
    where.push('c.stage = @stage');
    parameters.push({ name: '@stage', value: filter.stage });
  }
  if (filter.minScore !== undefined) {
    where.push('c.score >= @minScore');
    parameters.push({ name: '@minScore', value: filter.minScore });
  }
  if (filter.reviewDueBy !== undefined) {
    where.push('c.reviewDate <= @reviewDueBy');
    parameters.push({ name: '@reviewDueBy', value: filter.reviewDueBy });
  }
  return { where, parameters };
}
