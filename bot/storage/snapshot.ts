import type { Container, ItemDefinition } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { forEachBounded } from './boundedParallel';
import { syncDirectory } from './syncDirectory';
import type { DocumentCheck } from './writeJournal';

export const SNAPSHOT_VERSION = 1;

export type SnapshotDocument = Record<string, unknown> & { id: string };

export interface SnapshotFile {
  version: typeof SNAPSHOT_VERSION;
  savedAt: string;
  /**
   * The last journal sequence whose write the snapshot is sure to hold (absent: none). The scan starts after that
   * write was applied, so it may hold later ones too; replaying those again is harmless (see writeJournal.ts).
   */
  journalSeq?: number;
  containers: Record<string, SnapshotDocument[]>;
}

export interface ReadSnapshotOptions {
  /** The containers this Gateway has: a snapshot holding any other is refused, rather than dropped at the next save. */
  readonly knownContainers: readonly string[];
  readonly checkDocument?: DocumentCheck;
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

export function withoutSystemProperties(doc: ItemDefinition): SnapshotDocument {
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
    // Journal segments are deleted once a snapshot covers them: the rename must be on disk first.
    await syncDirectory(dirname(file));
  } catch (err: unknown) {
    await unlink(temporary).catch(() => undefined);
    throw err;
  }
}

/**
 * Saves every document of the given containers to `file`, read through the SDK so the
 * snapshot sees exactly what the bot sees. Returns the number of documents saved.
 */
export async function saveSnapshot(containers: readonly Container[], file: string, options: { journalSeq?: number } = {}): Promise<number> {
  const snapshot: SnapshotFile = {
    version: SNAPSHOT_VERSION,
    savedAt: new Date().toISOString(),
    ...(options.journalSeq !== undefined ? { journalSeq: options.journalSeq } : {}),
    containers: {},
  };
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

function parseSnapshot(file: string, text: string, options: ReadSnapshotOptions): SnapshotFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SnapshotFileError(file, 'not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new SnapshotFileError(file, 'not a JSON object');
  const { version, containers, journalSeq } = parsed as { version?: unknown; containers?: unknown; journalSeq?: unknown };
  if (version !== SNAPSHOT_VERSION) {
    throw new SnapshotFileError(file, `unsupported version ${String(version)} (this Gateway reads version ${SNAPSHOT_VERSION}; was it written by a newer one?)`);
  }
  if (journalSeq !== undefined && (typeof journalSeq !== 'number' || !Number.isSafeInteger(journalSeq) || journalSeq < 0)) {
    throw new SnapshotFileError(file, '"journalSeq" is not a sequence number');
  }
  if (typeof containers !== 'object' || containers === null || Array.isArray(containers)) {
    throw new SnapshotFileError(file, '"containers" is not an object');
  }
  for (const [name, docs] of Object.entries(containers)) {
    if (!Array.isArray(docs) || !docs.every(isDocument)) {
      throw new SnapshotFileError(file, `container "${name}" is not a list of documents with string ids`);
    }
    if (!options.knownContainers.includes(name)) {
      throw new SnapshotFileError(file, `it holds container "${name}", which this Gateway does not know (was it written by a newer one?)`);
    }
    for (const doc of docs) {
      const problem = options.checkDocument?.(name, doc);
      if (problem !== undefined) throw new SnapshotFileError(file, problem);
    }
  }
  return parsed as SnapshotFile;
}

/**
 * Reads and checks a snapshot without touching the store or the file: a refused snapshot stays as it was, for an
 * operator to look at. No file yet is normal on first start (`undefined`).
 */
export async function readSnapshot(file: string, options: ReadSnapshotOptions): Promise<SnapshotFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err: unknown) {
    if ((err as { code?: unknown }).code === 'ENOENT') return undefined;
    throw err;
  }
  return parseSnapshot(file, text, options);
}

async function restoreDocuments(container: Container, docs: readonly SnapshotDocument[]): Promise<void> {
  // A bounded loop rather than executeBulkOperations: the bulk helper waits about a second
  // for partial batches on every call, which dominates a small development data set.
  // Items.upsert sends each document's partition key, extracted from the body with the
  // container's own definition (read once and cached), so no path is hard-coded here and a
  // document lacking its key still round-trips (Cosmos keeps it in the "none" partition).
  await forEachBounded(docs, LOAD_CONCURRENCY, async (doc) => {
    await container.items.upsert(doc);
  });
}

/** Upserts a checked snapshot into the (empty, freshly started) embedded server; returns how many documents it restored. */
export async function restoreSnapshot(containers: readonly Container[], snapshot: SnapshotFile): Promise<number> {
  let count = 0;
  for (const container of containers) {
    const docs = snapshot.containers[container.id] ?? [];
    await restoreDocuments(container, docs);
    count += docs.length;
  }
  return count;
}

/**
 * Reads, checks and restores a snapshot; returns how many documents it restored. No file yet is normal on first start
 * (0); an unusable one throws `SnapshotFileError` rather than starting with silently lost data.
 */
export async function loadSnapshot(
  containers: readonly Container[],
  file: string,
  options: Partial<ReadSnapshotOptions> = {},
): Promise<number> {
  const snapshot = await readSnapshot(file, { knownContainers: options.knownContainers ?? containers.map((c) => c.id), checkDocument: options.checkDocument });
  return snapshot ? restoreSnapshot(containers, snapshot) : 0;
}
