import { CATCH_UP, type JobRunner } from './jobRunner';
import { slotWindowsBetween } from './slotWindows';

/**
 * Wakes the weekly run at each project's own slot: every tick (a minute by default) asks only for the slots that came
 * due since the last covered instant, which the due query reads by a range on the stored minute of the week, so an
 * idle tick is one small query. A tick that finds a run going leaves its window open, and the next one covers it; a
 * catch-up scan (at start, the default cron, the job endpoint) covers every slot up to its own instant.
 */
export class SlotTicker {
  private covered: Date;

  constructor(
    private readonly runner: Pick<JobRunner, 'running' | 'start'>,
    private readonly now: () => Date,
    coveredUntil: Date,
  ) {
    this.covered = coveredUntil;
  }

  tick(): void {
    if (this.runner.running) return;
    const now = this.now();
    const windows = slotWindowsBetween(this.covered, now);
    if (windows === undefined) {
      if (this.runner.start(CATCH_UP).started) this.covered = now;
      return;
    }
    if (windows.length === 0) {
      if (now.getTime() > this.covered.getTime()) this.covered = now;
      return;
    }
    if (this.runner.start({ kind: 'slots', windows }).started) this.covered = now;
  }

  /** A catch-up judged at `at` has looked at every slot up to it. */
  coveredUpTo(at: Date): void {
    if (at.getTime() > this.covered.getTime()) this.covered = at;
  }
}

/** The tick on a timer that does not keep the process alive; stop it at shutdown. */
export function startTicking(ticker: SlotTicker, everyMs: number): { stop(): void } {
  const timer = setInterval(() => ticker.tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
