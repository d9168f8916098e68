import type { Logger } from '../log';
import type { SlotWindow } from './slotWindows';

export type StartResult = { readonly started: true; readonly runId: string } | { readonly started: false; readonly reason: 'already-running' | 'stopping' };

/**
 * What a run is for: a catch-up scan (every project due by now: at start, on the default cron, on the job endpoint),
 * or only the projects whose own slot came in the given windows (the minute tick).
 */
export type RunRequest = { readonly kind: 'catch-up' } | { readonly kind: 'slots'; readonly windows: readonly SlotWindow[] };

export const CATCH_UP: RunRequest = Object.freeze({ kind: 'catch-up' });

/**
 * One weekly run at a time in this process, however it was asked for (the timers or the job endpoint), and a way to
 * stop it at shutdown. A catch-up asked for while another run goes is not dropped: it runs once that one ends (the
 * default cron's Monday 09:00 and the tick for a project's own 09:00 slot come together). Runs in other processes
 * are kept apart by the claims, not by this.
 */
/** `S`: what one run reports (a summary the tests read); the runner itself only waits for it. */
export class JobRunner<S = unknown> {
  private current: { readonly runId: string; readonly done: Promise<void>; readonly controller: AbortController } | undefined;
  private stopping = false;
  private catchUpPending = false;
  private readonly log: Logger;

  constructor(
    private readonly run: (options: { readonly runId: string; readonly signal: AbortSignal; readonly request: RunRequest }) => Promise<S>,
    private readonly newRunId: () => string,
    logger: Logger,
    private readonly jobName = 'weekly highlight',
  ) {
    this.log = logger.child({ module: 'job-runner' });
  }

  /** Starts a run in the background unless one is going; never throws (a failed run is logged). */
  start(request: RunRequest = CATCH_UP): StartResult {
    if (this.stopping) return { started: false, reason: 'stopping' };
    if (this.current) {
      if (request.kind === 'catch-up') this.catchUpPending = true;
      return { started: false, reason: 'already-running' };
    }
    if (request.kind === 'catch-up') this.catchUpPending = false;
    const runId = this.newRunId();
    const controller = new AbortController();
    const done = this.run({ runId, signal: controller.signal, request })
      .then(() => undefined)
      .catch((err: unknown) => {
        this.log.error({ runId, job: this.jobName, err: err instanceof Error ? err.name : typeof err }, `${this.jobName} run failed`);
      })
      .finally(() => {
        this.current = undefined;
        if (this.catchUpPending && !this.stopping) this.start(CATCH_UP);
      });
    this.current = { runId, done, controller };
    return { started: true, runId };
  }

  /** Runs and waits: for the timer, whose `protect` then skips overlapping firings. */
  async runNow(request: RunRequest = CATCH_UP): Promise<void> {
    const result = this.start(request);
    if (result.started) await this.current?.done;
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Resolves once nothing runs or waits to run (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.current) await this.current.done;
  }

  /** Stops taking new projects, lets in-flight sends finish their one HTTP call, and waits. */
  async stop(): Promise<void> {
    this.stopping = true;
    const current = this.current;
    if (!current) return;
    current.controller.abort();
    await current.done;
  }
}
