import type { Container } from '@azure/cosmos';
import type { Logger } from 'pino';
import { describeError } from './cosmosErrors';
import { saveSnapshot } from './snapshot';
import type { JournalMark } from './writeJournal';

/** What the keeper needs of the write journal: a cut before each save, and dropping what the save then covers. */
export interface CompactableJournal {
  rotate(): Promise<JournalMark>;
  compact(mark: JournalMark): Promise<void>;
}

export interface SnapshotKeeperOptions {
  containers: readonly Container[];
  file: string;
  intervalMs: number;
  logger?: Logger;
  /** With a journal, each save also compacts it (see saveCompacting). */
  journal?: CompactableJournal;
}

/**
 * One save: with a journal, rotate to a new segment, save the snapshot with the sequence the old segments end at,
 * and only once that snapshot is on disk delete them. A crash at any point leaves either the old snapshot with every
 * segment, or the new one with segments it partly covers (replay skips what it holds). Returns the documents saved.
 */
export async function saveCompacting(containers: readonly Container[], file: string, journal?: CompactableJournal): Promise<number> {
  const mark = await journal?.rotate();
  const documents = await saveSnapshot(containers, file, mark ? { journalSeq: mark.throughSeq } : {});
  if (mark) await journal?.compact(mark);
  return documents;
}

export interface SnapshotKeeper {
  /** Saves now (after any save in progress) and rejects if that save fails. */
  flush(): Promise<void>;
  /** Stops the timer and makes one final save; calling it again returns the same promise. */
  stop(): Promise<void>;
}

/**
 * Keeps the embedded server's in-memory data on disk: a save every `intervalMs`, and a
 * last one on stop. With the journal every acknowledged write is already on disk, so the
 * interval only bounds how long the journal grows (and so how long a restart replays). Saves run one at a time (a tick that finds one queued or running is
 * skipped), so two saves never read and rename over each other. The timer is unref'd so
 * it never keeps a finished process alive; the composition root calls stop() on shutdown.
 */
export function startSnapshots(options: SnapshotKeeperOptions): SnapshotKeeper {
  const { containers, file, intervalMs, logger, journal } = options;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(`Snapshot interval must be a positive number of milliseconds, got ${intervalMs}`);
  }

  let queue: Promise<void> = Promise.resolve();
  let pending = 0;

  const save = async (): Promise<void> => {
    const started = Date.now();
    const documents = await saveCompacting(containers, file, journal);
    logger?.debug({ documents, durationMs: Date.now() - started }, 'snapshot saved');
  };

  const enqueue = (): Promise<void> => {
    pending += 1;
    const run = queue.then(save).finally(() => {
      pending -= 1;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const timer = setInterval(() => {
    if (pending > 0) return;
    enqueue().catch((err: unknown) => {
      logger?.error({ err: describeError(err) }, 'periodic snapshot save failed');
    });
  }, intervalMs);
  timer.unref();

  let stopping: Promise<void> | undefined;
  return {
    flush: enqueue,
    stop: () => {
      clearInterval(timer);
      stopping ??= enqueue();
      return stopping;
    },
  };
}
