import { describe, expect, it } from 'vitest';
import { plannedGatewayDates } from '../../../bot/migration/reports/gatewayPlan';
import { DEFAULT_HIGHLIGHT_SETTINGS, resolveHighlightSettings } from '../../../bot/migration/reports/highlightSettings';
import { ValidationFailed } from '../../../bot/migration/shared/errors';
import { catalogue, reportProject } from './reportFixtures';

describe('planned gateway dates and report settings', () => {
  it('when the plan names no dates, then start to cutover is shared out by the guide’s working days, and roll-out is at cutover', () => {
    const dates = plannedGatewayDates(catalogue, reportProject(), DEFAULT_HIGHLIGHT_SETTINGS.gatewaysBeforeCutover);
    // 143 days from Mon 5 Jan to Thu 28 May 2026, shared 10 : 10 : 15 : 20.
    expect(Object.fromEntries(dates)).toEqual({ 1: '2026-01-31', 2: '2026-02-26', 3: '2026-04-06', 4: '2026-05-28', 5: '2026-05-28' });
  });

  it('when the team set a gateway’s date, then it wins over the derived one', () => {
    const dates = plannedGatewayDates(catalogue, reportProject(), [1, 2, 3, 4], { 2: '2026-03-15', 6: '2026-07-01' });
    expect(dates.get(2)).toBe('2026-03-15');
    expect(dates.get(6)).toBe('2026-07-01');
    expect(dates.get(1)).toBe('2026-01-31');
  });

  it('when settings are out of range, then every problem is named at once', () => {
    const error = (() => {
      try {
        resolveHighlightSettings({ lateRedDays: -1, forecastWeeks: 0, gatewaysBeforeCutover: [] });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).fieldErrors.map((e) => e.field)).toEqual(['lateRedDays', 'forecastWeeks', 'gatewaysBeforeCutover']);
    expect(resolveHighlightSettings({ gatewaysBeforeCutover: [3, 1, 2] }).gatewaysBeforeCutover).toEqual([1, 2, 3]);
  });
});
