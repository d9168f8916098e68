import { ValidationFailed, type FieldError } from '../shared/errors';

/**
 * The thresholds behind a risk's colour and its escalation, as settings.
 *
 * Why settings: organisations score risks on the same 5 × 5 grid but draw
 * their lines differently (many trusts' risk policies put red at 15, some at
 * 16 or 20), and the board decides what it wants to hear about. The defaults
 * follow the common NHS 5 × 5 matrix: 1–7 green, 8–14 amber, 15–25 red, and
 * escalation to senior management for the critical band, 20 and above (an
 * almost certain, severe risk, or a likely one with a severe impact).
 */
export interface RiskSettings {
  /** A score (likelihood × impact) at or above this is red. */
  readonly redScore: number;
  /** At or above this (and below red) is amber; below it is green. */
  readonly amberScore: number;
  /** At or above this an entry is escalated to senior management by itself. */
  readonly escalateScore: number;
  /** A new entry without a review date is due for review this many days after it is added: the log is kept weekly. */
  readonly defaultReviewDays: number;
  /** Entries per page of the list: a page must fit well inside Teams' message size limit. */
  readonly pageSize: number;
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = Object.freeze({
  redScore: 15,
  amberScore: 8,
  escalateScore: 20,
  defaultReviewDays: 7,
  pageSize: 10,
});

/** Fills in the defaults and checks the result, reporting every bad setting at once. */
export function resolveRiskSettings(overrides: Partial<RiskSettings> = {}): RiskSettings {
  const merged: RiskSettings = { ...DEFAULT_RISK_SETTINGS, ...overrides };
  const errors: FieldError[] = [];
  const score = (field: 'redScore' | 'amberScore' | 'escalateScore'): void => {
    const value = merged[field];
    if (!Number.isInteger(value) || value < 1 || value > 25) errors.push({ field, message: `${field} must be a whole number from 1 to 25.` });
  };
  score('redScore');
  score('amberScore');
  score('escalateScore');
  if (merged.amberScore > merged.redScore) errors.push({ field: 'amberScore', message: 'amberScore must not be above redScore.' });
  if (!Number.isInteger(merged.defaultReviewDays) || merged.defaultReviewDays < 0 || merged.defaultReviewDays > 366) {
    errors.push({ field: 'defaultReviewDays', message: 'defaultReviewDays must be a whole number from 0 to 366.' });
  }
  if (!Number.isInteger(merged.pageSize) || merged.pageSize < 1 || merged.pageSize > 50) {
    errors.push({ field: 'pageSize', message: 'pageSize must be a whole number from 1 to 50.' });
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  return Object.freeze(merged);
}
