import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * botframework-connector prints a failed token check straight to `console.error` (the public key it tried, the
 * jsonwebtoken error with its stack: about ten unstructured lines per forged request) and offers no logger hook.
 * Inside {@link routeConsole} those calls go to the given sink instead; everywhere else the console is untouched.
 *
 * Why AsyncLocalStorage rather than swapping `console.error` for the duration: turns overlap, so a swap would also
 * swallow (or leak) lines from other requests running at the same time.
 */

export type ConsoleSink = (method: ConsoleMethod, args: readonly unknown[]) => void;
type ConsoleMethod = 'error' | 'warn' | 'log' | 'info' | 'debug';

const METHODS: readonly ConsoleMethod[] = ['error', 'warn', 'log', 'info', 'debug'];
const scope = new AsyncLocalStorage<ConsoleSink>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const method of METHODS) {
    // The one place that touches the console on purpose: to take the SDK's lines off it.
    // eslint-disable-next-line no-console
    const original = console[method].bind(console);
    // eslint-disable-next-line no-console
    console[method] = (...args: unknown[]): void => {
      const sink = scope.getStore();
      if (sink === undefined) original(...args);
      else sink(method, args);
    };
  }
}

/** Runs `work` with the console calls it makes (and the async work it starts) sent to `sink`. */
export function routeConsole<T>(sink: ConsoleSink, work: () => Promise<T>): Promise<T> {
  install();
  return scope.run(sink, work);
}
