import type { Logger } from '../log';
import type { RunSummary } from './weeklyHighlightJob';

export type StartResult = { readonly started: true; readonly runId: string } | { readonly started: false; readonly reason: 'already-running' | 'stopping' };

/**
 * One weekly run at a time in this process, however it was asked for (the in-process timer or the job endpoint), and
 * a way to stop it at shutdown. Runs in other processes are kept apart by the claims, not by this.
 */
export class JobRunner<S = RunSummary> {
  private current: { readonly runId: string; readonly done: Promise<void>; readonly controller: AbortController } | undefined;
  private stopping = false;
  private readonly log: Logger;

  constructor(
    private readonly run: (options: { readonly runId: string; readonly signal: AbortSignal }) => Promise<S>,
    private readonly newRunId: () => string,
    logger: Logger,
    private readonly jobName = 'weekly highlight',
  ) {
    this.log = logger.child({ module: 'job-runner' });
  }

  /** Starts a run in the background unless one is going; never throws (a failed run is logged). */
  start(): StartResult {
    if (this.stopping) return { started: false, reason: 'stopping' };
    if (this.current) return { started: false, reason: 'already-running' };
    const runId = this.newRunId();
    const controller = new AbortController();
    const done = this.run({ runId, signal: controller.signal })
      .then(() => undefined)
      .catch((err: unknown) => {
        this.log.error({ runId, job: this.jobName, err: err instanceof Error ? err.name : typeof err }, `${this.jobName} run failed`);
      })
      .finally(() => {
        this.current = undefined;
      });
    this.current = { runId, done, controller };
    return { started: true, runId };
  }

  /** Runs and waits: for the timer, whose `protect` then skips overlapping firings. */
  async runNow(): Promise<void> {
    const result = this.start();
    if (result.started) await this.current?.done;
  }

  get running(): boolean {
    return this.current !== undefined;
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
