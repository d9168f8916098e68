import type { Container } from '@azure/cosmos';
import type { Storage, StoreItems } from 'botbuilder';
import { isNotFound } from './cosmosErrors';
import { stateDocumentId } from './stateDocumentId';

/** What one storage key looks like in the `state` container (the shape botbuilder-azure also uses). */
export interface StateDocument {
  id: string;
  /** The unescaped key, so a hashed id can still be traced to its conversation. */
  realId: string;
  document: Record<string, unknown>;
}

function asStateObject(key: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`State for storage key "${key}" must be an object`);
  }
  return value as Record<string, unknown>;
}

/** Runs every task to the end before failing, so no write is still in flight when the caller sees the error. */
async function settleAll(tasks: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(tasks);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * botbuilder `Storage` on the `state` container. Point reads only (one RU each), and
 * optimistic concurrency from the eTag: a stale write fails with 412 (see
 * `isPreconditionFailed`) instead of silently overwriting a concurrent turn.
 *
 * A write with an eTag uses upsert with If-Match. If the document was deleted since it was
 * read, Cosmos (and the embedded server) let the upsert recreate it: the same outcome as
 * botbuilder's MemoryStorage and CosmosDbPartitionedStorage, so swapping storages changes nothing.
 */
export class CosmosStateStorage implements Storage {
  constructor(private readonly container: Container) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const id = stateDocumentId(key);
        try {
          const { resource } = await this.container.item(id, id).read<StateDocument & { _etag: string }>();
          if (resource) items[key] = { ...resource.document, eTag: resource._etag };
        } catch (err: unknown) {
          if (!isNotFound(err)) throw err;
        }
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await settleAll(
      Object.keys(changes).map(async (key) => {
        const state: unknown = changes[key];
        const { eTag, ...document } = asStateObject(key, state);
        const id = stateDocumentId(key);
        const body: StateDocument = { id, realId: key, document };
        const guarded = typeof eTag === 'string' && eTag !== '' && eTag !== '*';
        await this.container.items.upsert(body, guarded ? { accessCondition: { type: 'IfMatch', condition: eTag } } : {});
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await settleAll(
      [...new Set(keys)].map(async (key) => {
        const id = stateDocumentId(key);
        try {
          await this.container.item(id, id).delete();
        } catch (err: unknown) {
          if (!isNotFound(err)) throw err;
        }
      }),
    );
  }
}
