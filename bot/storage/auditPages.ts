import type { Container } from '@azure/cosmos';
import type { Logger } from 'pino';
import { cosmosStatusCode, describeError, isPreconditionFailed } from './cosmosErrors';

/**
 * Paging out the oldest entries of a log kept inside a document (a gateway's
 * or a project's audit log, a risk entry's history), so the document stays
 * far below Cosmos's 2 MB however long the log grows.
 *
 * Why this shape: the store has no transactions, so a change and its log
 * entries are one write to one document, and moving entries out takes two
 * more writes. Done like an outbox, no order of crashes loses an entry:
 *
 * 1. every entry carries a sequence number, given when it is first saved;
 * 2. each page is written first, under an id derived from its first entry's
 *    sequence number, so repeating the move after a crash hits the same id
 *    (409) rather than making a second copy;
 * 3. only then are the moved entries trimmed from the document, with
 *    `IfMatch` on the etag of the save that made the log too long, so a save
 *    made meanwhile (412) is never overwritten: it, or the next one, moves
 *    the entries instead.
 *
 * A crash or failure between 2 and 3 leaves entries both on a page and
 * inline; reads merge by sequence number (`mergeBySeq`), so the reader sees
 * each entry once and never a gap. All of it is best effort and runs after
 * the change is saved: a failure here must not turn a saved change into an
 * error (the person would retry and hit a stale edit), and whatever is not
 * moved now is moved by a later save.
 */

export type Sequenced<T> = T & { readonly seq: number };

export function withoutSeq<T>(entry: Sequenced<T>): T {
  const { seq: _seq, ...rest } = entry;
  return rest as T;
}

/** Gives entries their sequence numbers, continuing from `nextSeq`. */
export function sequence<T>(entries: readonly T[], nextSeq: number): Sequenced<T>[] {
  return entries.map((entry, i) => ({ ...entry, seq: nextSeq + i }));
}

/** The part every page document has; each log adds its own `type` and owner fields. */
export interface LogPage<E> {
  readonly id: string;
  readonly projectId: string;
  readonly entries: readonly Sequenced<E>[];
}

export interface PageOut<E, D extends { readonly id: string; readonly projectId: string }> {
  readonly container: Container;
  /** The document exactly as just saved, and the etag that save returned. */
  readonly saved: D;
  readonly etag: string;
  /** The log inside `saved`, oldest first. */
  readonly inline: readonly Sequenced<E>[];
  /** Entries kept inline before the oldest move out. */
  readonly inlineLimit: number;
  /** Entries per page; at most `inlineLimit`. */
  readonly pageSize: number;
  /** A page document holding `entries`; its id must depend only on the first entry's sequence number. */
  readonly page: (entries: readonly Sequenced<E>[]) => LogPage<E>;
  /** `saved` with only `remaining` inline, marked as having pages. */
  readonly trimmed: (remaining: readonly Sequenced<E>[]) => D;
  readonly logger?: Logger;
  /** For the warning when entries could not be moved; ids only, no personal data. */
  readonly logContext: Readonly<Record<string, string | number>>;
}

/**
 * Moves the oldest entries out until at most `inlineLimit` stay inline (one
 * batch of saves can add more than one page's worth). Returns whether the
 * document was trimmed. Storage errors are logged, never thrown.
 */
export async function pageOutOldest<E, D extends { readonly id: string; readonly projectId: string }>(plan: PageOut<E, D>): Promise<boolean> {
  const { container, saved, inline, inlineLimit, pageSize } = plan;
  if (inline.length <= inlineLimit) return false;
  if (pageSize < 1 || pageSize > inlineLimit) throw new RangeError('pageSize must be between 1 and inlineLimit');
  try {
    // Entries known to be on a page; only those may leave the document.
    const paged = new Set<number>();
    let offset = 0;
    while (inline.length - offset > inlineLimit) {
      const page = plan.page(inline.slice(offset, offset + pageSize));
      for (const seq of await writePage(container, page)) paged.add(seq);
      offset += pageSize;
    }
    // Trim the longest run of oldest entries that is safely on pages: a page found from an earlier attempt may
    // hold fewer entries than this one would have (say the page size changed), and those must stay inline.
    let keepFrom = 0;
    while (keepFrom < inline.length && paged.has(inline[keepFrom]!.seq)) keepFrom += 1;
    if (keepFrom === 0) return false;
    const trimmed = plan.trimmed(inline.slice(keepFrom));
    await container.item(saved.id, saved.projectId).replace(trimmed, { accessCondition: { type: 'IfMatch', condition: plan.etag } });
    return true;
  } catch (err: unknown) {
    // A 412 only means someone saved meanwhile; their save (or the next) moves the entries instead.
    if (!isPreconditionFailed(err)) plan.logger?.warn({ err: describeError(err), ...plan.logContext }, 'log entries not paged out');
    return false;
  }
}

/** Writes a page, or finds the one an earlier attempt wrote under the same id; returns the sequence numbers it holds. */
async function writePage<E>(container: Container, page: LogPage<E>): Promise<number[]> {
  try {
    await container.items.create(page);
    return page.entries.map((e) => e.seq);
  } catch (err: unknown) {
    if (cosmosStatusCode(err) !== 409) throw err;
  }
  const { resource } = await container.item(page.id, page.projectId).read<LogPage<E>>();
  return (resource?.entries ?? []).map((e) => e.seq);
}

/** The whole log, oldest first, each entry once: entries both on a page and inline (after a crash) are merged by sequence number. */
export function mergeBySeq<E>(pages: readonly { readonly entries: readonly Sequenced<E>[] }[], inline: readonly Sequenced<E>[]): E[] {
  const bySeq = new Map<number, Sequenced<E>>();
  for (const page of pages) for (const entry of page.entries) bySeq.set(entry.seq, entry);
  for (const entry of inline) bySeq.set(entry.seq, entry);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq).map((e) => withoutSeq(e));
}
