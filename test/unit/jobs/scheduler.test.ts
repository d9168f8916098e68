import { describe, expect, it } from 'vitest';
import { assertCronPattern, nextRunsOf } from '../../../bot/jobs/scheduler';
import { DEFAULT_WEEKLY_HIGHLIGHT_CRON } from '../../../bot/config';

describe('weekly schedule', () => {
  it('when the clocks go forward in March, then the default still fires at 09:00 London (08:00 UTC)', () => {
    const runs = nextRunsOf(DEFAULT_WEEKLY_HIGHLIGHT_CRON, new Date('2026-03-20T00:00:00Z'), 3).map((d) => d.toISOString());
    expect(runs).toEqual(['2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-04-06T08:00:00.000Z']);
  });

  it('when the clocks go back in October, then it moves back to 09:00 UTC', () => {
    const runs = nextRunsOf(DEFAULT_WEEKLY_HIGHLIGHT_CRON, new Date('2026-10-20T00:00:00Z'), 2).map((d) => d.toISOString());
    expect(runs).toEqual(['2026-10-26T09:00:00.000Z', '2026-11-02T09:00:00.000Z']);
  });

  it('when a pattern has seconds, then it is accepted; when it is nonsense, then it is refused', () => {
    expect(() => assertCronPattern('*/10 * * * * *')).not.toThrow();
    expect(() => assertCronPattern('every monday')).toThrow();
  });
});
