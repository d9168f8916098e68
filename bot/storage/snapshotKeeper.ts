import type { Container } from '@azure/cosmos';
import type { Logger } from 'pino';
import { describeError } from './cosmosErrors';
import { saveSnapshot } from './snapshot';

export interface SnapshotKeeperOptions {
  containers: readonly Container[];
  file: string;
  intervalMs: number;
  logger?: Logger;
}

export interface SnapshotKeeper {
  /** Saves now (after any save in progress) and rejects if that save fails. */
  flush(): Promise<void>;
  /** Stops the timer and makes one final save; calling it again returns the same promise. */
  stop(): Promise<void>;
}

/**
 * Keeps the embedded server's in-memory data on disk: a save every `intervalMs`, and a
 * last one on stop. Saves run one at a time (a tick that finds one queued or running is
 * skipped), so two saves never read and rename over each other. The timer is unref'd so
 * it never keeps a finished process alive; the composition root calls stop() on shutdown.
 */
export function startSnapshots(options: SnapshotKeeperOptions): SnapshotKeeper {
  const { containers, file, intervalMs, logger } = options;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(`Snapshot interval must be a positive number of milliseconds, got ${intervalMs}`);
  }

  let queue: Promise<void> = Promise.resolve();
  let pending = 0;

  const save = async (): Promise<void> => {
    const started = Date.now();
    const documents = await saveSnapshot(containers, file);
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
