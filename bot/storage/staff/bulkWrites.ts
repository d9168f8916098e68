import type { Container, JSONObject, OperationInput } from '@azure/cosmos';
import { cosmosStatusCode } from '../cosmosErrors';

/** What became of one bulk operation: its HTTP status (201, 200, 204, or 404, 409, 412 …) and the new eTag. */
export interface BulkOutcome {
  readonly statusCode: number;
  readonly eTag?: string;
  /** A Read's document. */
  readonly body?: JSONObject;
}

/**
 * Operations handed to `executeBulkOperations` per call. The SDK batches them
 * itself (100 or about 220 KB a batch, many batches in flight per partition)
 * and then sleeps a whole second before collecting a partial batch, on every
 * call (measured: 100 operations take 1.1 s, 2,000 take 1.6 s), so calls are
 * few and large; a bound still keeps 50,000 documents from being in memory
 * twice.
 */
export const BULK_CALL_SIZE = 10_000;

/**
 * Runs operations with `executeBulkOperations`, `BULK_CALL_SIZE` at a time, and
 * gives each one's status in the order given. The SDK retries throttling (429)
 * itself; every other status is the caller's to judge (a 409 on a create that
 * exists is not an error to every caller), which is why nothing here throws
 * on a status. A transport failure of a whole call rejects.
 */
export async function runBulk(container: Container, operations: readonly OperationInput[], callSize = BULK_CALL_SIZE): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (let start = 0; start < operations.length; start += callSize) {
    const slice = operations.slice(start, start + callSize);
    const results = await container.items.executeBulkOperations(slice);
    for (const result of results) {
      const statusCode = result.response?.statusCode ?? cosmosStatusCode(result.error) ?? 500;
      const eTag = result.response?.eTag;
      const body = result.response?.resourceBody;
      outcomes.push({ statusCode, ...(eTag !== undefined ? { eTag } : {}), ...(body !== undefined ? { body } : {}) });
    }
  }
  return outcomes;
}

export function succeeded(outcome: BulkOutcome): boolean {
  return outcome.statusCode >= 200 && outcome.statusCode < 300;
}
