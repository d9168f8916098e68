import { Cron } from 'croner';
import { UK_TIME_ZONE } from '../migration/shared/ukDates';

/** A recurring timer, behind Gateway's own interface so the cron library stays replaceable. */
export interface ScheduledJob {
  /** The next firing time, or undefined once stopped. */
  nextRun(): Date | undefined;
  stop(): void;
}

export type Schedule = (pattern: string, task: () => Promise<void>) => ScheduledJob;

/**
 * croner in London time: `0 9 * * 1` is 09:00 on Mondays in GMT and in BST alike (a UTC offset would drift by an
 * hour for half the year). In the autumn hour that happens twice it fires once; in the spring gap, at the first
 * valid time after it. `protect` skips a firing while the previous one still runs.
 */
export const cronSchedule: Schedule = (pattern, task) => {
  const job = new Cron(pattern, { timezone: UK_TIME_ZONE, protect: true }, async () => {
    await task();
  });
  return {
    nextRun: () => job.nextRun() ?? undefined,
    stop: () => job.stop(),
  };
};

/** Throws croner's own message for a pattern it cannot read; used by config to fail at boot, not on Monday. */
export function assertCronPattern(pattern: string): void {
  new Cron(pattern, { timezone: UK_TIME_ZONE, paused: true }).stop();
}

/** The next `count` firings after `from`, to show (and test) what a pattern means in London time. */
export function nextRunsOf(pattern: string, from: Date, count: number): Date[] {
  const job = new Cron(pattern, { timezone: UK_TIME_ZONE, paused: true });
  try {
    return job.nextRuns(count, from);
  } finally {
    job.stop();
  }
}

/**
 * Whether the default slot (`WEEKLY_HIGHLIGHT_CRON`) has come this ISO week (London) by `now`: a catch-up scan posts
 * the projects without their own slot only then, so a restart on Monday at 08:00 does not post Monday 09:00's reports
 * early. The Monday 00:00 the week starts on is found by croner too, so the clock changes are London's.
 */
export function defaultSlotHasCome(pattern: string, now: Date): boolean {
  const weekStart = nextRunsOf('0 0 0 * * 1', new Date(now.getTime() - 8 * 86_400_000), 2).filter((d) => d.getTime() <= now.getTime()).pop();
  if (weekStart === undefined) return true;
  const first = nextRunsOf(pattern, new Date(weekStart.getTime() - 1000), 1)[0];
  return first !== undefined && first.getTime() <= now.getTime();
}
