import { Constants, OperationType, ResourceType } from '@azure/cosmos';
import type { PluginConfig } from '@azure/cosmos';

export const COSMOS_OPERATION_KINDS = ['read', 'create', 'upsert', 'replace', 'delete', 'query', 'other'] as const;
export type CosmosOperationKind = (typeof COSMOS_OPERATION_KINDS)[number];
export type CosmosOperationCounts = Readonly<Record<CosmosOperationKind, number>>;

type RequestContext = Parameters<PluginConfig['plugin']>[0];

const documentKinds: Partial<Record<string, CosmosOperationKind>> = {
  [OperationType.Read]: 'read',
  [OperationType.Create]: 'create',
  [OperationType.Upsert]: 'upsert',
  [OperationType.Replace]: 'replace',
  [OperationType.Delete]: 'delete',
  [OperationType.Query]: 'query',
};

/**
 * Only document requests get their own kind: they are what the bot's code asks for and
 * what costs RUs. Metadata traffic (database/container/partition-range reads, query plans)
 * is real but incidental, so it lands in `other` rather than inflating `read`.
 */
function classify(context: RequestContext): CosmosOperationKind {
  if (context.resourceType !== ResourceType.item) return 'other';
  if (context.headers?.[Constants.HttpHeaders.IsQueryPlan] !== undefined) return 'other';
  return documentKinds[context.operationType ?? ''] ?? 'other';
}

/** A bulk request's body is the JSON text of its operations by the time it reaches the request stage. */
function operationsIn(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  if (typeof body !== 'string') return 0;
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? parsed.length : 0;
  } catch {
    return 0;
  }
}

function zeroCounts(): Record<CosmosOperationKind, number> {
  return { read: 0, create: 0, upsert: 0, replace: 0, delete: 0, query: 0, other: 0 };
}

/**
 * Counts Cosmos requests by kind. The embedded server reports 1 RU for everything, so
 * the benchmark estimates cost from operation counts instead.
 *
 * It hooks the SDK's `request` plugin stage, not `operation`: in @azure/cosmos 4.9 queries
 * (`queryFeed`) bypass operation plugins entirely, so only the request stage sees them.
 * The consequence is that each network request counts, including retries and each page
 * of a paged query, which is also how Cosmos bills.
 */
export class CosmosOperationCounter {
  private counts = zeroCounts();
  private bulk = 0;

  /** Pass to the client's `plugins` (createCosmosClient does this). */
  readonly plugin: PluginConfig = {
    on: 'request',
    plugin: (context, diagnosticNode, next) => {
      this.counts[classify(context)] += 1;
      if (context.operationType === OperationType.Batch) this.bulk += operationsIn(context.body);
      return next(context);
    },
  };

  /**
   * Document operations carried inside bulk and batch requests (each request counts once, under `other`). Cosmos
   * bills each of these as the point operation it is, so it is what an import's cost per row is made of.
   */
  get bulkOperations(): number {
    return this.bulk;
  }

  snapshot(): CosmosOperationCounts {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = zeroCounts();
    this.bulk = 0;
  }

  get total(): number {
    return COSMOS_OPERATION_KINDS.reduce((sum, kind) => sum + this.counts[kind], 0);
  }
}
