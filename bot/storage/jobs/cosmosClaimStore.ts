import type { Container } from '@azure/cosmos';
import type { DeliveryClaim } from '../../jobs/deliveryClaim';
import type { ClaimStore, FinishedClaim } from '../../jobs/ports';
import { cosmosStatusCode, isPreconditionFailed } from '../cosmosErrors';
import { readDocument } from '../projects/cosmosDocuments';

export const CLAIM_SCHEMA_VERSION = 1;

/**
 * A delivery claim in the project's own partition (`projects` container), id `<kind>:<period>` such as
 * `highlight:2026-W19`: an id is unique within its partition, so `create` is the lock. No TTL (the embedded store
 * has none, and a claim is also the record of what was posted); `expiresAt` inside decides abandonment.
 */
interface ClaimDocument extends DeliveryClaim {
  readonly id: string;
  readonly type: 'delivery-claim';
  readonly schemaVersion: typeof CLAIM_SCHEMA_VERSION;
}

export class CosmosClaimStore implements ClaimStore {
  constructor(private readonly container: Container) {}

  async create(claim: DeliveryClaim): Promise<{ readonly created: true; readonly etag: string } | { readonly created: false }> {
    try {
      const { etag } = await this.container.items.create(toDocument(claim));
      return { created: true, etag };
    } catch (err: unknown) {
      if (cosmosStatusCode(err) === 409) return { created: false };
      throw err;
    }
  }

  async read(projectId: string, claimId: string): Promise<{ readonly claim: DeliveryClaim; readonly etag: string } | undefined> {
    const document = await readDocument<ClaimDocument>(this.container, claimId, projectId);
    if (!document) return undefined;
    if (document.schemaVersion !== CLAIM_SCHEMA_VERSION) throw new Error(`Claim ${claimId} has schema version ${String(document.schemaVersion)}`);
    return { claim: fromDocument(document), etag: document._etag };
  }

  async replace(claim: DeliveryClaim, etag: string): Promise<{ readonly replaced: true; readonly etag: string } | { readonly replaced: false }> {
    try {
      const response = await this.container.item(claim.claimId, claim.projectId).replace(toDocument(claim), { accessCondition: { type: 'IfMatch', condition: etag } });
      return { replaced: true, etag: response.etag };
    } catch (err: unknown) {
      if (isPreconditionFailed(err)) return { replaced: false };
      throw err;
    }
  }

  /** One cross-partition query with a three-field projection, paged; what is final is decided here, in the WHERE. */
  async *finished(kinds: readonly string[], periods: readonly string[], pageSize: number): AsyncIterable<readonly FinishedClaim[]> {
    if (kinds.length === 0 || periods.length === 0) return;
    const iterator = this.container.items.query<FinishedClaim>(
      {
        query:
          "SELECT c.projectId, c.kind, c.period FROM c WHERE c.type = 'delivery-claim' AND ARRAY_CONTAINS(@kinds, c.kind) AND ARRAY_CONTAINS(@periods, c.period) AND (c.state = 'sent' OR c.state = 'uncertain' OR (c.state = 'failed' AND (NOT IS_DEFINED(c.retryable) OR c.retryable = false)))",
        parameters: [
          { name: '@kinds', value: [...kinds] },
          { name: '@periods', value: [...periods] },
        ],
      },
      { maxItemCount: pageSize },
    );
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      if (resources.length > 0) yield resources.map((r) => ({ projectId: r.projectId, kind: r.kind, period: r.period }));
    }
  }
}

function toDocument(claim: DeliveryClaim): ClaimDocument {
  return { ...claim, id: claim.claimId, type: 'delivery-claim', schemaVersion: CLAIM_SCHEMA_VERSION };
}

/** The stored body without Cosmos's system properties and the document's own fields. */
function fromDocument(document: ClaimDocument): DeliveryClaim {
  const { id: _id, type: _type, schemaVersion: _v, ...rest } = document as ClaimDocument & Record<string, unknown>;
  for (const key of Object.keys(rest)) if (key.startsWith('_')) delete rest[key];
  return rest;
}
