import { addDays, todayInLondon } from '../../bot/migration/shared/ukDates';

/** The project set-up card's fields, as Teams submits them (all text). */
export interface ProjectForm {
  readonly organisationName: string;
  readonly odsCode: string;
  readonly migrationMethod: string;
  readonly approximateUsers: string;
  readonly newAccounts: string;
  readonly phasing: string;
  readonly plannedStart: string;
  readonly cutover: string;
}

/**
 * A set-up form that passes validation without asking to confirm (a trust's ODS code, new accounts under the approval
 * threshold), so a test that only needs a project gets one in a single submit. A test whose point is one of the
 * answers names it in `overrides`.
 */
export function projectForm(overrides: Partial<ProjectForm> = {}): ProjectForm {
  return {
    organisationName: 'Ysbyty Example NHS Trust',
    odsCode: 'RYX',
    migrationMethod: 'self-migration',
    approximateUsers: '4,200',
    newAccounts: '120',
    phasing: 'phased',
    plannedStart: '2026-12-01',
    cutover: '2027-04-30',
    ...overrides,
  };
}

/**
 * The same form with its dates from today (the start a week away, the cutover 200 days away), for tests whose
 * roll-out dates and reminders must still be to come whenever they run.
 */
export function projectFormFromToday(overrides: Partial<ProjectForm> = {}): ProjectForm {
  const today = todayInLondon(new Date());
  return projectForm({ plannedStart: addDays(today, 7), cutover: addDays(today, 200), ...overrides });
}
