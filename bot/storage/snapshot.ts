import type { Container, ItemDefinition } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

export const SNAPSHOT_VERSION = 1;

export type SnapshotDocument = Record<string, unknown> & { id: string };

export interface SnapshotFile {
  version: typeof SNAPSHOT_VERSION;
  savedAt: string;
  containers: Record<string, SnapshotDocument[]>;
}

/** Raised for a snapshot that exists but cannot be used; names the file so an operator can inspect (it is never deleted). */
export class SnapshotFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Snapshot file ${file} is unusable: ${reason}`);
    this.name = 'SnapshotFileError';
  }
}

/** Server-assigned properties: restoring them would be meaningless (the server issues new ones) and they churn every save. */
const SYSTEM_PROPERTIES = new Set(['_rid', '_self', '_etag', '_attachments', '_ts']);

/** Parallel upserts on load: enough to hide per-request latency, few enough not to flood the event loop. */
const LOAD_CONCURRENCY = 16;

function withoutSystemProperties(doc: ItemDefinition): SnapshotDocument {
  const entries = Object.entries(doc).filter(([name]) => !SYSTEM_PROPERTIES.has(name));
  return Object.fromEntries(entries) as SnapshotDocument;
}

async function readAllDocuments(container: Container): Promise<SnapshotDocument[]> {
  const docs: SnapshotDocument[] = [];
  // Paged by continuation; the embedded server ignores partition-key options, so this is a plain cross-partition scan.
  const pages = container.items.query<ItemDefinition>('SELECT * FROM c', { maxItemCount: 1000 }).getAsyncIterator();
  for await (const page of pages) {
    for (const doc of page.resources) docs.push(withoutSystemProperties(doc));
  }
  // Stable order keeps successive snapshots diffable.
  return docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Writes to a temporary file beside the target and renames it, so a crash mid-save never leaves a torn snapshot. */
async function writeFileAtomically(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (err: unknown) {
    await unlink(temporary).catch(() => undefined);
    throw err;
  }
}

/**
 * Saves every document of the given containers to `file`, read through the SDK so the
 * snapshot sees exactly what the bot sees. Returns the number of documents saved.
 */
export async function saveSnapshot(containers: readonly Container[], file: string): Promise<number> {
  const snapshot: SnapshotFile = { version: SNAPSHOT_VERSION, savedAt: new Date().toISOString(), containers: {} };
  let count = 0;
  for (const container of containers) {
    const docs = await readAllDocuments(container);
    snapshot.containers[container.id] = docs;
    count += docs.length;
  }
  await writeFileAtomically(file, JSON.stringify(snapshot));
  return count;
}

function isDocument(value: unknown): value is SnapshotDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string';
}

function parseSnapshot(file: string, text: string): SnapshotFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SnapshotFileError(file, 'not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new SnapshotFileError(file, 'not a JSON object');
  const { version, containers } = parsed as { version?: unknown; containers?: unknown };
  if (version !== SNAPSHOT_VERSION) throw new SnapshotFileError(file, `unsupported version ${String(version)}`);
  if (typeof containers !== 'object' || containers === null || Array.isArray(containers)) {
    throw new SnapshotFileError(file, '"containers" is not an object');
  }
  for (const [name, docs] of Object.entries(containers)) {
    if (!Array.isArray(docs) || !docs.every(isDocument)) {
      throw new SnapshotFileError(file, `container "${name}" is not a list of documents with string ids`);
    }
  }
  return parsed as SnapshotFile;
}

async function readSnapshotFile(file: string): Promise<SnapshotFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err: unknown) {
    if ((err as { code?: unknown }).code === 'ENOENT') return undefined;
    throw err;
  }
  return parseSnapshot(file, text);
}

async function restoreDocuments(container: Container, docs: readonly SnapshotDocument[]): Promise<void> {
  // A bounded loop rather than executeBulkOperations: the bulk helper waits about a second
  // for partial batches on every call, which dominates a small development data set.
  // Items.upsert sends each document's partition key, extracted from the body with the
  // container's own definition (read once and cached), so no path is hard-coded here and a
  // document lacking its key still round-trips (Cosmos keeps it in the "none" partition).
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < docs.length) {
      const doc = docs[next++] as SnapshotDocument;
      try {
        await container.items.upsert(doc);
      } catch (err: unknown) {
        failed = true;
        throw err;
      }
    }
  };
  // Settle every worker before failing, so nothing is still writing when the caller sees the error.
  const results = await Promise.allSettled(Array.from({ length: Math.min(LOAD_CONCURRENCY, docs.length) }, worker));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * Upserts a saved snapshot back into the (empty, freshly started) embedded server and
 * returns how many documents it restored. No file yet is normal on first start (0);
 * an unreadable file throws `SnapshotFileError` rather than starting with silently lost data.
 */
export async function loadSnapshot(containers: readonly Container[], file: string): Promise<number> {
  const snapshot = await readSnapshotFile(file);
  if (!snapshot) return 0;
  let count = 0;
  for (const container of containers) {
    const docs = snapshot.containers[container.id] ?? [];
    await restoreDocuments(container, docs);
    count += docs.length;
  }
  return count;
}
