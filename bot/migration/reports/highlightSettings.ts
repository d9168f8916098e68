import type { StageNumber } from '../gateways/catalogueTypes';
import { ValidationFailed, type FieldError } from '../shared/errors';

/**
 * The highlight report's judgement calls, as settings with documented defaults.
 *
 * - `lateRedDays` (14): something late by more than two weeks (a required
 *   item past its due date, a gateway past its planned date) turns the
 *   report red; late by less, amber.
 * - `gatewaysBeforeCutover` (1 to 4): the gateways whose required items must
 *   be finished before cutover. Roll-out (5) is the cutover itself and the
 *   post-migration review (6) comes after. They count in the burn-down and
 *   the forecast.
 * - `forecastWeeks` (4): how many weeks of burn-down the forecast's rate is
 *   measured over.
 * - `topRisks` (5): how many risks and issues head the report.
 * - `maxBurnDownPoints` (104): two years of weekly points at most, so a chart
 *   card stays well inside Teams' message limit; the oldest weeks drop off.
 */
export interface HighlightSettings {
  readonly lateRedDays: number;
  readonly gatewaysBeforeCutover: readonly StageNumber[];
  readonly forecastWeeks: number;
  readonly topRisks: number;
  readonly maxBurnDownPoints: number;
}

export const DEFAULT_HIGHLIGHT_SETTINGS: HighlightSettings = Object.freeze({
  lateRedDays: 14,
  gatewaysBeforeCutover: Object.freeze([1, 2, 3, 4] as const),
  forecastWeeks: 4,
  topRisks: 5,
  maxBurnDownPoints: 104,
});

export function resolveHighlightSettings(overrides: Partial<HighlightSettings> = {}): HighlightSettings {
  const merged: HighlightSettings = { ...DEFAULT_HIGHLIGHT_SETTINGS, ...overrides };
  const errors: FieldError[] = [];
  const whole = (field: 'lateRedDays' | 'forecastWeeks' | 'topRisks' | 'maxBurnDownPoints', min: number, max: number): void => {
    const value = merged[field];
    if (!Number.isInteger(value) || value < min || value > max) errors.push({ field, message: `${field} must be a whole number from ${min} to ${max}.` });
  };
  whole('lateRedDays', 0, 365);
  whole('forecastWeeks', 1, 26);
  whole('topRisks', 1, 20);
  whole('maxBurnDownPoints', 2, 520);
  const stages = merged.gatewaysBeforeCutover;
  if (stages.length === 0 || stages.some((s) => ![1, 2, 3, 4, 5, 6].includes(s)) || new Set(stages).size !== stages.length) {
    errors.push({ field: 'gatewaysBeforeCutover', message: 'gatewaysBeforeCutover must list distinct gateways from 1 to 6.' });
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  return Object.freeze({ ...merged, gatewaysBeforeCutover: [...stages].sort((a, b) => a - b) });
}
