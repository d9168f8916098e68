import { describe, expect, it } from 'vitest';
import { CATCH_UP, JobRunner, type RunRequest } from '../../../bot/jobs/jobRunner';
import { defaultSlotHasCome } from '../../../bot/jobs/scheduler';
import { SlotTicker } from '../../../bot/jobs/slotTicker';
import { slotWindowsBetween } from '../../../bot/jobs/slotWindows';
import { reportedWeek } from '../../../bot/migration/reports/highlightSchedule';
import { createLogger } from '../../../bot/log';

const at = (iso: string) => new Date(iso);

describe('the slots that came due between two ticks', () => {
  it('when a minute passes on a Friday afternoon, then the window is that minute, judged now', () => {
    // Friday 4 December 2026, 16:00 GMT.
    const windows = slotWindowsBetween(at('2026-12-04T15:59:30Z'), at('2026-12-04T16:00:30Z'));
    expect(windows).toEqual([{ after: 4 * 1440 + 959, upTo: 4 * 1440 + 960, at: at('2026-12-04T16:00:30Z') }]);
  });

  it('when the ticks are in BST, then the minutes are London’s, not UTC’s', () => {
    // Monday 8 June 2026, 09:00 BST is 08:00Z.
    expect(slotWindowsBetween(at('2026-06-08T07:59:00Z'), at('2026-06-08T08:00:00Z'))).toEqual([{ after: 539, upTo: 540, at: at('2026-06-08T08:00:00Z') }]);
  });

  it('when the ticks straddle Sunday midnight, then the old week’s last minutes are judged in the old week, so a Sunday 23:59 slot reports on its own week', () => {
    const from = at('2026-12-06T23:58:30Z');
    const to = at('2026-12-07T00:00:30Z');
    const windows = slotWindowsBetween(from, to) ?? [];
    expect(windows.map((w) => [w.after, w.upTo])).toEqual([
      [7 * 1440 - 2, 7 * 1440 - 1],
      [-1, 0],
    ]);
    expect(reportedWeek({ weekday: 7, time: '23:59' }, windows[0]!.at).key).toBe('2026-W49');
    expect(reportedWeek({ weekday: 1, time: '00:00' }, windows[1]!.at).key).toBe('2026-W49');
  });

  it('when the clocks go back and the hour repeats, then the repeated minutes give no window; in the spring gap the skipped minutes fall in one window', () => {
    // 25 October 2026: 01:59 BST (00:59Z) is followed by 01:00 GMT (01:00Z).
    expect(slotWindowsBetween(at('2026-10-25T00:59:00Z'), at('2026-10-25T01:00:00Z'))).toEqual([]);
    // 29 March 2026: 00:59 GMT is followed by 02:00 BST (01:00Z); a 01:30 slot is in the window.
    const [spring] = slotWindowsBetween(at('2026-03-29T00:59:00Z'), at('2026-03-29T01:00:00Z')) ?? [];
    expect(spring?.after).toBe(6 * 1440 + 59);
    expect(spring?.upTo).toBe(6 * 1440 + 120);
  });

  it('when the gap is longer than six hours, then no windows are offered (a catch-up looks at the whole week instead)', () => {
    expect(slotWindowsBetween(at('2026-12-04T08:00:00Z'), at('2026-12-04T15:00:00Z'))).toBeUndefined();
  });
});

describe('the usual slot (WEEKLY_HIGHLIGHT_CRON) in a catch-up', () => {
  it('when it is Monday 08:00, then the default Monday 09:00 slot has not come; at 09:00 and later in the week it has', () => {
    expect(defaultSlotHasCome('0 9 * * 1', at('2026-12-07T08:00:00Z'))).toBe(false);
    expect(defaultSlotHasCome('0 9 * * 1', at('2026-12-07T09:00:00Z'))).toBe(true);
    expect(defaultSlotHasCome('0 9 * * 1', at('2026-12-11T12:00:00Z'))).toBe(true);
    // In BST 09:00 is 08:00Z.
    expect(defaultSlotHasCome('0 9 * * 1', at('2026-06-08T08:00:00Z'))).toBe(true);
    expect(defaultSlotHasCome('*/2 * * * * *', at('2026-12-07T00:00:05Z'))).toBe(true);
  });
});

describe('the minute tick and the runner', () => {
  const logger = createLogger('silent');

  it('when a catch-up is asked for while a tick’s run goes, then it runs once that run ends rather than being dropped', async () => {
    const runs: RunRequest[] = [];
    let release: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (release = resolve));
    let n = 0;
    const runner = new JobRunner(async ({ request }) => {
      runs.push(request);
      if ((n += 1) === 1) await first;
    }, () => `run-${n}`, logger);
    expect(runner.start({ kind: 'slots', windows: [] }).started).toBe(true);
    expect(runner.start(CATCH_UP)).toEqual({ started: false, reason: 'already-running' });
    expect(runner.start(CATCH_UP)).toEqual({ started: false, reason: 'already-running' });
    release();
    await runner.idle();
    expect(runs.map((r) => r.kind)).toEqual(['slots', 'catch-up']);
  });

  it('when a tick finds a run going, then it leaves its window open and the next tick covers it all', () => {
    const started: RunRequest[] = [];
    let running = false;
    let clock = at('2026-12-04T15:58:10Z');
    const runner = { get running() { return running; }, start: (r: RunRequest) => (started.push(r), { started: true as const, runId: 'x' }) };
    const ticker = new SlotTicker(runner, () => clock, clock);
    running = true;
    clock = at('2026-12-04T15:59:10Z');
    ticker.tick();
    expect(started).toEqual([]);
    running = false;
    clock = at('2026-12-04T16:00:10Z');
    ticker.tick();
    expect(started).toEqual([{ kind: 'slots', windows: [{ after: 4 * 1440 + 958, upTo: 4 * 1440 + 960, at: clock }] }]);
    ticker.tick();
    expect(started).toHaveLength(1);
  });
});
