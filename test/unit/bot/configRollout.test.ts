import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config';
import { DEFAULT_CATALOGUE_SETTINGS } from '../../../bot/migration/gateways/catalogueSettings';
import { DEFAULT_PORTAL_COLUMNS } from '../../../bot/migration/staff/rollout/rolloutSettings';
import { problemsOf } from './configProblems';

/** The roll-out's and the staff import's settings as an engineer sets them in App Service: environment variables. */

describe('loadConfig: roll-out settings', () => {
  it('when nothing is set or each is blank, then the documented defaults are used (the default columns, 250 rows, every planned account, 3 working days)', () => {
    for (const env of [{}, { PORTAL_COLUMNS: ' ', PORTAL_FILE_ROWS: '', REGISTRATIONS_BEHIND_PLAN_SHARE: '', REGISTRATIONS_REMINDER_WORKING_DAYS: '  ' }]) {
      expect(loadConfig(env).rollout).toEqual({ portalColumns: DEFAULT_PORTAL_COLUMNS, portalFileRows: 250, behindPlanShare: 1, reminderWorkingDaysBeforeMonthEnd: 3 });
    }
  });

  it('when the Portal columns are set as Heading=field pairs, then the files use those headings in that order', () => {
    expect(loadConfig({ PORTAL_COLUMNS: 'Local ID=local-id, Surname=last-name,Org=organisation-code' }).rollout.portalColumns).toEqual([
      { heading: 'Local ID', field: 'local-id' },
      { heading: 'Surname', field: 'last-name' },
      { heading: 'Org', field: 'organisation-code' },
    ]);
  });

  it('when the Portal columns cannot be read or leave out the local ID, then start-up names PORTAL_COLUMNS and why', () => {
    expect(problemsOf({ PORTAL_COLUMNS: 'ID=portal-id,Surname=last-name' })).toEqual([expect.stringMatching(/^PORTAL_COLUMNS: .*local-id/)]);
    expect(problemsOf({ PORTAL_COLUMNS: 'Local ID=local-id,Grade=band' })).toEqual([expect.stringMatching(/^PORTAL_COLUMNS: "Grade=band" should be Heading=field/)]);
  });

  it('when the rows per file, behind-plan share and reminder days are set, then they are used', () => {
    expect(loadConfig({ PORTAL_FILE_ROWS: '100', REGISTRATIONS_BEHIND_PLAN_SHARE: '0.9', REGISTRATIONS_REMINDER_WORKING_DAYS: '0' }).rollout).toMatchObject({
      portalFileRows: 100,
      behindPlanShare: 0.9,
      reminderWorkingDaysBeforeMonthEnd: 0,
    });
    expect(loadConfig({ PORTAL_FILE_ROWS: '5000', REGISTRATIONS_BEHIND_PLAN_SHARE: '1', REGISTRATIONS_REMINDER_WORKING_DAYS: '15' }).rollout).toMatchObject({
      portalFileRows: 5000,
      behindPlanShare: 1,
      reminderWorkingDaysBeforeMonthEnd: 15,
    });
  });

  it('when the rows per file are not 1 to 5000, then start-up names PORTAL_FILE_ROWS', () => {
    for (const value of ['0', '5001', 'lots', '2.5', '-1']) {
      expect(problemsOf({ PORTAL_FILE_ROWS: value }), value).toEqual([expect.stringMatching(/^PORTAL_FILE_ROWS: must be a whole number from 1 to 5000/)]);
    }
  });

  it('when the behind-plan share is not above 0 and at most 1, then start-up names REGISTRATIONS_BEHIND_PLAN_SHARE', () => {
    for (const value of ['0', '1.5', 'most', '90%', '-0.5']) {
      expect(problemsOf({ REGISTRATIONS_BEHIND_PLAN_SHARE: value }), value).toEqual([expect.stringMatching(/^REGISTRATIONS_BEHIND_PLAN_SHARE: must be .*above 0 and at most 1/)]);
    }
  });

  it('when the reminder days are not 0 to 15, then start-up names REGISTRATIONS_REMINDER_WORKING_DAYS', () => {
    for (const value of ['16', 'three', '1.5']) {
      expect(problemsOf({ REGISTRATIONS_REMINDER_WORKING_DAYS: value }), value).toEqual([expect.stringMatching(/^REGISTRATIONS_REMINDER_WORKING_DAYS: must be a whole number from 0 to 15/)]);
    }
  });
});

describe('loadConfig: staff import settings', () => {
  it('when the file size limit is blank or unset, then it is 20 MB, and the quota is the catalogue’s own (the one the checklist and answers quote)', () => {
    for (const env of [{}, { STAFF_IMPORT_MAX_FILE_MB: ' ' }]) {
      expect(loadConfig(env).staffImport).toEqual({ maxFileBytes: 20 * 1024 * 1024, quotaMb: DEFAULT_CATALOGUE_SETTINGS.mailboxQuotaGb * 1024 });
    }
  });

  it('when the file size limit is set in whole MB, then files are refused over it', () => {
    expect(loadConfig({ STAFF_IMPORT_MAX_FILE_MB: '50' }).staffImport.maxFileBytes).toBe(50 * 1024 * 1024);
    expect(loadConfig({ STAFF_IMPORT_MAX_FILE_MB: '1' }).staffImport.maxFileBytes).toBe(1024 * 1024);
  });

  it('when the file size limit is not a whole number from 1 to 100, then start-up names STAFF_IMPORT_MAX_FILE_MB', () => {
    for (const value of ['0', '101', '2.5', '20MB']) {
      expect(problemsOf({ STAFF_IMPORT_MAX_FILE_MB: value }), value).toEqual([expect.stringMatching(/^STAFF_IMPORT_MAX_FILE_MB: must be a whole number of MB from 1 to 100/)]);
    }
  });
});

describe('loadConfig: every roll-out and import problem at once', () => {
  it('when several are wrong, then one message names each of them by its variable', () => {
    const problems = problemsOf({ PORTAL_COLUMNS: 'ID=portal-id', PORTAL_FILE_ROWS: '0', REGISTRATIONS_BEHIND_PLAN_SHARE: '2', REGISTRATIONS_REMINDER_WORKING_DAYS: '20', STAFF_IMPORT_MAX_FILE_MB: '500', RISK_RED_SCORE: '30' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(
      ['PORTAL_COLUMNS', 'PORTAL_FILE_ROWS', 'REGISTRATIONS_BEHIND_PLAN_SHARE', 'REGISTRATIONS_REMINDER_WORKING_DAYS', 'RISK_RED_SCORE', 'STAFF_IMPORT_MAX_FILE_MB'].sort(),
    );
  });
});
