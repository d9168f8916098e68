import { describe, expect, it } from 'vitest';
import { weekJustEnded } from '../../../bot/jobs/weeklyHighlightJob';

describe('the week a scheduled run reports on', () => {
  it('when the run starts at 09:00 on a Monday, then it reports on the week that ended the night before', () => {
    expect(weekJustEnded(new Date('2026-11-30T09:00:00Z'))).toBe('2026-W48');
  });

  it('when the clocks have gone forward, then just after midnight on Monday in London is already the new week, so it reports on the one before', () => {
    // 23:30 UTC on Sun 5 Apr 2026 is 00:30 BST on Mon 6 Apr.
    expect(weekJustEnded(new Date('2026-04-05T23:30:00Z'))).toBe('2026-W14');
  });

  it('when the first Monday of the year runs, then it reports on the last week of the year before', () => {
    expect(weekJustEnded(new Date('2027-01-04T09:00:00Z'))).toBe('2026-W53');
  });
});
