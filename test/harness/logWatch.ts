import type { DestinationStream } from 'pino';

export type LogLine = Readonly<Record<string, unknown>>;

export interface LogWatch {
  /** Give it to `createLogger` as the destination. */
  readonly destination: DestinationStream;
  /** Every line logged so far, parsed. */
  readonly lines: readonly LogLine[];
  /** A marker for "every line so far", for `waitFor`. */
  mark(): number;
  /** Resolves with the first `count` matching lines logged after `after`, once that many have come. */
  waitFor(predicate: (line: LogLine) => boolean, options: { readonly after: number; readonly count?: number; readonly timeoutMs?: number }): Promise<LogLine[]>;
}

/**
 * The bot's own log, read by a test: how an end-to-end test waits for background work the client cannot see (a
 * scheduled run that posted nothing) without sleeping for a guessed time. `echo` also prints each line, for
 * debugging with `TEST_LOG_LEVEL`.
 */
export function watchLog(options: { readonly echo?: boolean } = {}): LogWatch {
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  const destination: DestinationStream = {
    write(chunk: string) {
      if (options.echo === true) process.stdout.write(chunk);
      for (const text of chunk.split('\n')) {
        if (text.trim() === '') continue;
        try {
          lines.push(JSON.parse(text) as LogLine);
        } catch {
          lines.push({ msg: text });
        }
      }
      for (const waiter of waiters) waiter();
    },
  };
  return {
    destination,
    lines,
    mark: () => lines.length,
    waitFor(predicate, { after, count = 1, timeoutMs = 30_000 }) {
      const matching = () => lines.slice(after).filter(predicate);
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = matching();
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Only ${matching().length} of ${count} matching log lines within ${timeoutMs} ms.`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
