import type { Container } from '@azure/cosmos';
import type { Logger } from 'pino';
import type { StageNumber } from '../../migration/gateways/catalogueTypes';
import type { GatewayState, ItemState } from '../../migration/gateways/gatewayState';
import type { GatewayAuditEntry } from '../../migration/projects/auditEntries';
import { ConcurrentModification } from '../../migration/projects/conflictRetry';
import { newGatewayRecord, type GatewayChange, type GatewayRecord } from '../../migration/projects/gatewayRecord';
import type { GatewayRepository } from '../../migration/projects/gatewayRepository';
import { mergeBySeq, pageOutOldest, sequence } from '../auditPages';
import { cosmosStatusCode, isPreconditionFailed } from '../cosmosErrors';
import { decideOne, GroupCommit, type Outcome } from '../groupCommit';
import { queryPartition, readDocument } from './cosmosDocuments';
import {
  assertSchema,
  gatewayAuditPageId,
  gatewayDocumentId,
  SCHEMA_VERSION,
  type GatewayAuditPageDocument,
  type GatewayDocument,
} from './projectDocuments';

export interface CosmosGatewayRepositoryOptions {
  /** Entries kept inside the gateway document before the oldest move to a page. */
  readonly inlineAuditLimit?: number;
  /** Entries moved per page. */
  readonly auditPageSize?: number;
  readonly logger?: Logger;
}

/** Roughly 100 KB of log inline at most, a twentieth of Cosmos's document limit, and pages of about 50 KB. */
const DEFAULT_INLINE_AUDIT_LIMIT = 200;
const DEFAULT_AUDIT_PAGE_SIZE = 100;

/**
 * Gateways in Cosmos: one document per gateway holding its decision, its
 * item states and its audit log, so a change and its audit entries are one
 * write (the store has no transactions). Saves of one gateway made at the
 * same time are grouped (see `GroupCommit`): one read, each decision in
 * turn, one write. `IfMatch` on the document's etag turns an overlap with
 * another instance into a 412, which the use case retries against the new
 * version.
 *
 * The log would grow without bound inside the document, so once it passes a
 * limit the oldest entries are copied to audit pages and then trimmed, like
 * an outbox (see `pageOutOldest`): a crash between the two steps leaves
 * duplicates that history reads merge, never a gap.
 */
export class CosmosGatewayRepository implements GatewayRepository {
  private readonly inlineAuditLimit: number;
  private readonly auditPageSize: number;
  private readonly saves = new GroupCommit<GatewaySave, GatewayRecord>((projectId, _id, requests) => this.commit(projectId, requests));

  constructor(
    private readonly container: Container,
    private readonly options: CosmosGatewayRepositoryOptions = {},
  ) {
    this.inlineAuditLimit = options.inlineAuditLimit ?? DEFAULT_INLINE_AUDIT_LIMIT;
    this.auditPageSize = Math.min(options.auditPageSize ?? DEFAULT_AUDIT_PAGE_SIZE, this.inlineAuditLimit);
    if (this.auditPageSize < 1) throw new RangeError('auditPageSize and inlineAuditLimit must be at least 1');
  }

  async list(projectId: string): Promise<readonly GatewayRecord[]> {
    // Projected: the status view needs states and items, not the audit log that makes up most of each document.
    const rows = await queryPartition<{ stage: StageNumber; gateway: GatewayState; items: ItemState[]; schemaVersion: number; id: string }>(
      this.container,
      projectId,
      'c.id, c.schemaVersion, c.stage, c.gateway, c.items',
      "c.type = 'gateway'",
    );
    return rows.map((row) => {
      assertSchema(row);
      return { projectId, stage: row.stage, state: row.gateway, items: row.items };
    });
  }

  async get(projectId: string, stage: StageNumber): Promise<GatewayRecord> {
    const document = await this.readGateway(projectId, stage);
    return document ? toRecord(document) : newGatewayRecord(projectId, stage);
  }

  tryUpdate(projectId: string, stage: StageNumber, decide: (current: GatewayRecord) => GatewayChange | undefined): Promise<GatewayRecord> {
    return this.saves.submit(projectId, gatewayDocumentId(stage), { stage, decide });
  }

  /** One read, every waiting save's decision on the record the one before it left, one write for all of them. */
  private async commit(projectId: string, requests: readonly GatewaySave[]): Promise<readonly Outcome<GatewayRecord>[]> {
    const stage = requests[0]!.stage;
    const document = await this.readGateway(projectId, stage);
    const read = document ? toRecord(document) : newGatewayRecord(projectId, stage);
    let current = read;
    const audit: GatewayAuditEntry[] = [];
    const outcomes = requests.map(({ decide }) =>
      decideOne(() => {
        const change = decide(current);
        if (!change) return current;
        if (change.record.projectId !== projectId || change.record.stage !== stage) {
          throw new Error('A gateway change may not move it to another project or stage');
        }
        current = change.record;
        audit.push(...change.audit);
        return current;
      }),
    );
    if (current === read) return outcomes;

    const firstSeq = document?.nextAuditSeq ?? 0;
    const next: GatewayDocument = {
      id: gatewayDocumentId(stage),
      projectId,
      type: 'gateway',
      schemaVersion: SCHEMA_VERSION,
      stage,
      gateway: current.state,
      items: current.items,
      audit: [...(document?.audit ?? []), ...sequence(audit, firstSeq)],
      nextAuditSeq: firstSeq + audit.length,
      auditArchived: document?.auditArchived ?? false,
    };
    let etag: string | undefined;
    try {
      etag = document
        ? (await this.container.item(next.id, projectId).replace(next, { accessCondition: { type: 'IfMatch', condition: document._etag } })).etag
        : (await this.container.items.create(next)).etag;
    } catch (err: unknown) {
      // 412: saved by someone since our read. 409: someone else wrote this gateway's first change first.
      if (isPreconditionFailed(err) || cosmosStatusCode(err) === 409) throw new ConcurrentModification('gateway');
      throw err;
    }
    if (etag !== undefined) await this.archiveOldestAudit(next, etag);
    return outcomes;
  }

  async history(projectId: string, stage: StageNumber): Promise<readonly GatewayAuditEntry[]> {
    const document = await this.readGateway(projectId, stage);
    if (!document) return [];
    const pages = document.auditArchived
      ? await queryPartition<GatewayAuditPageDocument>(this.container, projectId, 'c.entries', "c.type = 'gateway-audit-page' AND c.stage = @stage", [
          { name: '@stage', value: stage },
        ])
      : [];
    return mergeBySeq(pages, document.audit);
  }

  private async readGateway(projectId: string, stage: StageNumber): Promise<(GatewayDocument & { _etag: string }) | undefined> {
    const document = await readDocument<GatewayDocument>(this.container, gatewayDocumentId(stage), projectId);
    if (document) assertSchema(document);
    return document;
  }

  /** Best effort, after the change is saved; whatever is not archived now is archived by a later save. */
  private async archiveOldestAudit(saved: GatewayDocument, etag: string): Promise<void> {
    await pageOutOldest<GatewayAuditEntry, GatewayDocument>({
      container: this.container,
      saved,
      etag,
      inline: saved.audit,
      inlineLimit: this.inlineAuditLimit,
      pageSize: this.auditPageSize,
      page: (entries): GatewayAuditPageDocument => ({
        id: gatewayAuditPageId(saved.stage, entries[0]?.seq ?? 0),
        projectId: saved.projectId,
        type: 'gateway-audit-page',
        schemaVersion: SCHEMA_VERSION,
        stage: saved.stage,
        entries,
      }),
      trimmed: (remaining) => ({ ...saved, audit: remaining, auditArchived: true }),
      ...(this.options.logger ? { logger: this.options.logger } : {}),
      logContext: { projectId: saved.projectId, stage: saved.stage, log: 'gateway audit' },
    });
  }
}

interface GatewaySave {
  readonly stage: StageNumber;
  readonly decide: (current: GatewayRecord) => GatewayChange | undefined;
}

function toRecord(document: GatewayDocument): GatewayRecord {
  return { projectId: document.projectId, stage: document.stage, state: document.gateway, items: document.items };
}
