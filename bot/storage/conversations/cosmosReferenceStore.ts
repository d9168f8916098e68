import type { Container } from '@azure/cosmos';
import type {
  ObservedReference,
  ReferenceKey,
  ReferenceStore,
  StoredReference,
  UnreachableReason,
} from '../../teams/conversationReferences';
import { referenceKeyText, sameReference } from '../../teams/conversationReferences';
import { cosmosStatusCode, isPreconditionFailed } from '../cosmosErrors';
import { readDocument } from '../projects/cosmosDocuments';
import { tenantPartition } from '../projects/projectDocuments';
import { stateDocumentId } from '../stateDocumentId';

export const REFERENCE_SCHEMA_VERSION = 1;

/**
 * A conversation reference in the `projects` container, in the tenant's partition (`tenant:<tenantId>`) beside the
 * team and member links: looked up by team, chat or user id, never by project, and one tenant's references are
 * one partition.
 */
export interface ReferenceDocument extends StoredReference {
  readonly id: string;
  readonly projectId: string;
  readonly type: 'conversation-ref';
  readonly schemaVersion: typeof REFERENCE_SCHEMA_VERSION;
}

export function referenceDocumentId(key: ReferenceKey): string {
  return stateDocumentId(`conversation-ref:${referenceKeyText(key)}`);
}

/**
 * Every activity checks its references with one point read and writes only when something changed, so a busy
 * channel costs a read per turn, not a write. Writes use the read's eTag; losing that race means another turn
 * just wrote the same facts, so it is not retried.
 */
export class CosmosReferenceStore implements ReferenceStore {
  constructor(private readonly container: Container) {}

  async get(tenantId: string, key: ReferenceKey): Promise<StoredReference | undefined> {
    const document = await readDocument<ReferenceDocument>(this.container, referenceDocumentId(key), tenantPartition(tenantId));
    return document ? toStored(document) : undefined;
  }

  async refresh(observed: ObservedReference, now: Date): Promise<'created' | 'updated' | 'unchanged'> {
    const partition = tenantPartition(observed.tenantId);
    const id = referenceDocumentId(observed.key);
    const existing = await readDocument<ReferenceDocument>(this.container, id, partition);
    if (existing && sameReference(existing, observed)) return 'unchanged';
    const document: ReferenceDocument = {
      id,
      projectId: partition,
      type: 'conversation-ref',
      schemaVersion: REFERENCE_SCHEMA_VERSION,
      ...observed,
      reachable: true,
      updatedAt: now.toISOString(),
    };
    try {
      if (existing) await this.container.item(id, partition).replace(document, { accessCondition: { type: 'IfMatch', condition: existing._etag } });
      else await this.container.items.create(document);
    } catch (err: unknown) {
      if (isPreconditionFailed(err) || cosmosStatusCode(err) === 409) return 'unchanged';
      throw err;
    }
    return existing ? 'updated' : 'created';
  }

  async markUnreachable(tenantId: string, key: ReferenceKey, reason: UnreachableReason, now: Date): Promise<void> {
    const partition = tenantPartition(tenantId);
    const id = referenceDocumentId(key);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const existing = await readDocument<ReferenceDocument>(this.container, id, partition);
      if (!existing) return; // Never seen: nothing to mark, and no record is invented without a service URL.
      if (!existing.reachable && existing.unreachableReason === reason) return;
      const document: ReferenceDocument = { ...stripSystem(existing), reachable: false, unreachableReason: reason, unreachableSince: now.toISOString(), updatedAt: now.toISOString() };
      try {
        await this.container.item(id, partition).replace(document, { accessCondition: { type: 'IfMatch', condition: existing._etag } });
        return;
      } catch (err: unknown) {
        if (!isPreconditionFailed(err)) throw err;
      }
    }
  }
}

function stripSystem(document: ReferenceDocument): ReferenceDocument {
  const rest: Record<string, unknown> = { ...document };
  for (const key of Object.keys(rest)) if (key.startsWith('_')) delete rest[key];
  return rest as unknown as ReferenceDocument;
}

function toStored(document: ReferenceDocument): StoredReference {
  return {
    key: document.key,
    tenantId: document.tenantId,
    serviceUrl: document.serviceUrl,
    botId: document.botId,
    conversationId: document.conversationId,
    conversationType: document.conversationType,
    ...(document.aadObjectId === undefined ? {} : { aadObjectId: document.aadObjectId }),
    reachable: document.reachable,
    ...(document.unreachableReason === undefined ? {} : { unreachableReason: document.unreachableReason }),
    ...(document.unreachableSince === undefined ? {} : { unreachableSince: document.unreachableSince }),
    updatedAt: document.updatedAt,
  };
}
