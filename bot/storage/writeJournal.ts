import { open, readdir, readFile, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { EmbeddedWrite } from './embeddedWrites';
import { syncDirectory } from './syncDirectory';

/**
 * The embedded store's write-ahead journal: every acknowledged document write, in the order the server made them,
 * appended to `cosmos-journal-<segment>.log` in the data folder and flushed with fdatasync before the write's answer
 * is released. A snapshot says up to which sequence it holds; at start the journal's later records are replayed over
 * it, and each snapshot rotates to a new segment and deletes the ones it covers.
 *
 * A line is `<crc32 of the JSON, 8 hex digits> <JSON>\n`. The first line of a segment is a header naming the format
 * and its version; then one record per write: `{"seq":…,"op":"put","c":container,"id":…,"pk":[…],"doc":{…}}` or
 * `{"seq":…,"op":"delete","c":…,"id":…,"pk":[…]}`. Records hold whole documents, so replaying one twice, or over a
 * snapshot that already has it, changes nothing.
 *
 * Only the end of a segment can be torn (a crash mid-append): an unfinished or unreadable tail is dropped with a
 * warning, because nothing in it was acknowledged. A bad line with good records after it is damage, and the journal
 * is refused.
 */

export const JOURNAL_FORMAT = 'gateway-embedded-cosmos-journal';
export const JOURNAL_VERSION = 1;
const SEGMENT_PATTERN = /^cosmos-journal-(\d+)\.log$/;

export function segmentFileName(segment: number): string {
  return `cosmos-journal-${String(segment).padStart(6, '0')}.log`;
}

/** Raised for a journal that exists but cannot be used; names the file, which is left as it is. */
export class JournalFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Journal file ${file} is unusable: ${reason}`);
    this.name = 'JournalFileError';
  }
}

export interface JournalRecord {
  readonly seq: number;
  readonly op: 'put' | 'delete';
  readonly container: string;
  readonly id: string;
  readonly partitionKey: readonly unknown[];
  /** For `put`: the document as stored (system properties included). */
  readonly document?: Record<string, unknown>;
}

function line(json: string): string {
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

function recordJson(seq: number, write: EmbeddedWrite): string {
  const head = `{"seq":${seq},"op":"${write.kind}","c":${JSON.stringify(write.container)},"id":${JSON.stringify(write.id)},"pk":${JSON.stringify(write.partitionKey)}`;
  // The server's own JSON text is embedded as it is: no parse and re-serialise on the write path.
  return write.kind === 'put' ? `${head},"doc":${write.documentJson}}` : `${head}}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** Says why a stored document must not be loaded (a newer schema, say), or nothing if it may. */
export type DocumentCheck = (container: string, document: Record<string, unknown>) => string | undefined;

export interface ReadJournalOptions {
  /** The containers this Gateway has; a record for any other is refused, not dropped. */
  readonly knownContainers: readonly string[];
  readonly checkDocument?: DocumentCheck;
}

export interface JournalContents {
  /** Every record in sequence order. */
  readonly records: readonly JournalRecord[];
  /** Segment numbers found, ascending. */
  readonly segments: readonly number[];
  readonly lastSeq: number;
  /** One line per torn tail dropped, for the log. */
  readonly warnings: readonly string[];
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseLine(text: string): Parsed {
  const match = /^([0-9a-f]{8}) (.*)$/.exec(text);
  if (!match) return { ok: false };
  const json = match[2] as string;
  if (crc32(json).toString(16).padStart(8, '0') !== match[1]) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toRecord(file: string, lineNumber: number, value: unknown, options: ReadJournalOptions): JournalRecord {
  const bad = (reason: string): JournalFileError => new JournalFileError(file, `line ${lineNumber} ${reason}`);
  if (!isObject(value)) throw bad('is not a record');
  const { seq, op, c, id, pk, doc } = value;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) throw bad('has no valid sequence number');
  if (op !== 'put' && op !== 'delete') throw bad(`has an unknown operation ${JSON.stringify(op)}`);
  if (typeof c !== 'string' || typeof id !== 'string' || !Array.isArray(pk)) throw bad('lacks its container, id or partition key');
  if (!options.knownContainers.includes(c)) {
    throw new JournalFileError(file, `it holds writes to container "${c}", which this Gateway does not know (was it written by a newer one?)`);
  }
  if (op === 'delete') return { seq, op, container: c, id, partitionKey: pk };
  if (!isObject(doc) || doc.id !== id) throw bad('has no document');
  const problem = options.checkDocument?.(c, doc);
  if (problem !== undefined) throw new JournalFileError(file, problem);
  return { seq, op, container: c, id, partitionKey: pk, document: doc };
}

function checkHeader(file: string, value: unknown): void {
  if (!isObject(value) || value.format !== JOURNAL_FORMAT) throw new JournalFileError(file, 'it does not start with a journal header');
  if (value.version !== JOURNAL_VERSION) {
    throw new JournalFileError(file, `it is journal version ${String(value.version)}, and this Gateway reads version ${JOURNAL_VERSION} (was it written by a newer one?)`);
  }
}

async function readSegment(file: string, options: ReadJournalOptions, warnings: string[]): Promise<JournalRecord[]> {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  // Whatever follows the last newline was never completed.
  const unfinished = lines.pop() ?? '';
  const parsed = lines.map(parseLine);
  // The tail of unreadable lines (and the unfinished one) is the torn part; a bad line before a good one is damage.
  let good = parsed.length;
  while (good > 0 && !(parsed[good - 1] as Parsed).ok) good -= 1;
  const damaged = parsed.slice(0, good).findIndex((entry) => !entry.ok);
  if (damaged >= 0) throw new JournalFileError(file, `line ${damaged + 1} is damaged and later records are intact, so this is not a torn end`);
  const tornLines = parsed.length - good + (unfinished.length > 0 ? 1 : 0);
  if (tornLines > 0) warnings.push(`journal ${path.basename(file)}: dropped a torn last record (${tornLines} unfinished line${tornLines === 1 ? '' : 's'}, never acknowledged)`);
  if (good === 0) return [];
  const [header, ...rest] = parsed.slice(0, good) as { ok: true; value: unknown }[];
  checkHeader(file, (header as { value: unknown }).value);
  return rest.map((entry, index) => toRecord(file, index + 2, entry.value, options));
}

/** Lists the journal's segments in the data folder, oldest first. */
export async function listSegments(dir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err: unknown) {
    if ((err as { code?: unknown }).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .map((name) => SEGMENT_PATTERN.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}

/** Reads every segment and checks it; changes nothing on disk, so a refused journal is left for an operator to see. */
export async function readJournal(dir: string, options: ReadJournalOptions): Promise<JournalContents> {
  const segments = await listSegments(dir);
  const warnings: string[] = [];
  const records: JournalRecord[] = [];
  let lastSeq = 0;
  for (const segment of segments) {
    const file = path.join(dir, segmentFileName(segment));
    for (const record of await readSegment(file, options, warnings)) {
      if (record.seq <= lastSeq) throw new JournalFileError(file, `record ${record.seq} is out of order (after ${lastSeq})`);
      lastSeq = record.seq;
      records.push(record);
    }
  }
  return { records, segments, lastSeq, warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** Where a rotation cut the journal: segments before `segment` hold only records up to `throughSeq`. */
export interface JournalMark {
  readonly throughSeq: number;
  readonly segment: number;
}

export interface JournalStats {
  /** Records appended. */
  readonly records: number;
  /** fdatasync calls for records: fewer than records when writes arrive together (group commit). */
  readonly syncs: number;
}

interface PendingLine {
  readonly kind: 'line';
  readonly text: string;
  resolve(): void;
  reject(err: unknown): void;
}

interface PendingRotation {
  readonly kind: 'rotate';
  readonly mark: JournalMark;
  resolve(): void;
  reject(err: unknown): void;
}

type Pending = PendingLine | PendingRotation;

async function createSegment(dir: string, segment: number): Promise<FileHandle> {
  const handle = await open(path.join(dir, segmentFileName(segment)), 'wx', 0o600);
  try {
    await handle.write(line(JSON.stringify({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION, segment, createdAt: new Date().toISOString() })));
    await handle.datasync();
    // The new file's name must be durable too, or a crash could lose the whole segment.
    await syncDirectory(dir);
    return handle;
  } catch (err: unknown) {
    await handle.close();
    throw err;
  }
}

/**
 * Appends records with group commit: while one fdatasync runs, the writes arriving meanwhile queue up and go to disk
 * together in the next. One loop does all file work, so records land in the order they were appended, across
 * rotations too: a record is never durable while an earlier one is not.
 */
export class JournalWriter {
  private queue: Pending[] = [];
  private running = false;
  private failure: Error | undefined;
  private closed = false;
  private records = 0;
  private syncs = 0;

  private constructor(
    private readonly dir: string,
    private handle: FileHandle,
    private segment: number,
    private seq: number,
  ) {}

  /** Starts a new segment (never appending to an old one, whose end may be torn); sequences go on after `lastSeq`. */
  static async open(dir: string, options: { segment: number; lastSeq: number }): Promise<JournalWriter> {
    const handle = await createSegment(dir, options.segment);
    return new JournalWriter(dir, handle, options.segment, options.lastSeq);
  }

  /** Why the journal takes no more records, if it does not: a failed disk write, or closing. */
  get unavailable(): string | undefined {
    if (this.failure !== undefined) return 'The embedded store can no longer save changes to disk; see the log.';
    if (this.closed) return 'The embedded store is closing.';
    return undefined;
  }

  get lastSeq(): number {
    return this.seq;
  }

  stats(): JournalStats {
    return { records: this.records, syncs: this.syncs };
  }

  /** Resolves once the writes are on disk. */
  append(writes: readonly EmbeddedWrite[]): Promise<void> {
    const reason = this.unavailable;
    if (reason !== undefined) return Promise.reject(this.failure ?? new Error(reason));
    const text = writes.map((write) => line(recordJson(++this.seq, write))).join('');
    this.records += writes.length;
    return this.enqueue((resolve, reject) => ({ kind: 'line', text, resolve, reject }));
  }

  /**
   * Closes the current segment and opens the next. Every record appended before the call is in the older segments,
   * and is on disk when this resolves; the mark says so, for the snapshot that will cover them.
   */
  rotate(): Promise<JournalMark> {
    const mark: JournalMark = { throughSeq: this.seq, segment: this.segment + 1 };
    this.segment += 1;
    return this.enqueue<PendingRotation>((resolve, reject) => ({ kind: 'rotate', mark, resolve, reject })).then(() => mark);
  }

  /** Deletes the segments a durable snapshot now covers. */
  async compact(mark: JournalMark): Promise<void> {
    const covered = (await listSegments(this.dir)).filter((segment) => segment < mark.segment);
    for (const segment of covered) await unlink(path.join(this.dir, segmentFileName(segment)));
    if (covered.length > 0) await syncDirectory(this.dir);
  }

  /** Waits for queued records, then closes the file; later appends are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.enqueue<PendingLine>((resolve, reject) => ({ kind: 'line', text: '', resolve, reject })).catch(() => undefined);
    await this.handle.close();
  }

  private enqueue<T extends Pending>(make: (resolve: () => void, reject: (err: unknown) => void) => T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push(make(resolve, reject));
      if (!this.running) {
        this.running = true;
        this.drain().catch((err: unknown) => this.fail(err));
      }
    });
  }

  private fail(err: unknown): void {
    this.failure ??= err instanceof Error ? err : new Error(String(err));
    for (const pending of this.queue.splice(0)) pending.reject(this.failure);
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        if (this.failure !== undefined) throw this.failure;
        const head = this.queue[0] as Pending;
        if (head.kind === 'rotate') {
          this.queue.shift();
          try {
            await this.switchTo(head.mark.segment);
          } catch (err: unknown) {
            head.reject(err);
            throw err;
          }
          head.resolve();
          continue;
        }
        const until = this.queue.findIndex((pending) => pending.kind === 'rotate');
        const batch = this.queue.splice(0, until < 0 ? this.queue.length : until) as PendingLine[];
        try {
          const text = batch.map((pending) => pending.text).join('');
          if (text.length > 0) {
            await this.handle.write(text);
            await this.handle.datasync();
            this.syncs += 1;
          }
        } catch (err: unknown) {
          for (const pending of batch) pending.reject(err);
          throw err;
        }
        for (const pending of batch) pending.resolve();
      }
    } finally {
      this.running = false;
    }
  }

  private async switchTo(segment: number): Promise<void> {
    const next = await createSegment(this.dir, segment);
    const previous = this.handle;
    this.handle = next;
    await previous.close();
  }
}
