import type { Container, SqlParameter } from '@azure/cosmos';
import { isNotFound } from '../cosmosErrors';

/**
 * The few Cosmos calls the project repositories make, in one place so that
 * every query is forced through the partition filter.
 */

/** A point read; undefined for a missing document (the SDK reports 404 either by status or by throwing). */
export async function readDocument<T>(container: Container, id: string, partition: string): Promise<(T & { _etag: string }) | undefined> {
  try {
    const { resource } = await container.item(id, partition).read<T & { _etag: string }>();
    return resource ?? undefined;
  } catch (err: unknown) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** A point delete; false when the document was not there (already gone is as good as deleted). */
export async function deleteDocument(container: Container, id: string, partition: string): Promise<boolean> {
  try {
    await container.item(id, partition).delete();
    return true;
  } catch (err: unknown) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/**
 * Page size for queries read to the end (`fetchAll`): the SDK's default of 100 a page makes a 50,000-row read 500
 * round trips, and the embedded server runs the whole query again for each one. Azure still caps a page at 4 MB.
 */
export const WHOLE_READ_PAGE = 1_000;

/**
 * A query inside one partition. The partition filter is part of the SQL, not
 * only the `partitionKey` option: the embedded server ignores the option, and
 * a query that forgot the filter would read other projects' documents in
 * tests without anyone noticing.
 */
export async function queryPartition<T>(
  container: Container,
  partition: string,
  select: string,
  where: string,
  parameters: readonly SqlParameter[] = [],
  pageSize = WHOLE_READ_PAGE,
): Promise<T[]> {
  const query = `SELECT ${select} FROM c WHERE c.projectId = @partition AND (${where})`;
  const { resources } = await container.items
    .query<T>({ query, parameters: [{ name: '@partition', value: partition }, ...parameters] }, { partitionKey: partition, maxItemCount: pageSize })
    .fetchAll();
  return resources;
}
