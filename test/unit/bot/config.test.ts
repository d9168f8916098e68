import { describe, expect, it } from 'vitest';
import { loadConfig, TEAMS_SERVICE_URL_HOSTS } from '../../../bot/config';
import { problemsOf } from './configProblems';

const production = {
  BOT_ID: 'app-id',
  BOT_PASSWORD: 'secret',
  BOT_TENANT_ID: 'tenant-id',
  COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
  ALLOWED_TENANT_IDS: 'tenant-id',
  PUBLIC_BASE_URL: 'https://gateway-rh8-web.azurewebsites.net',
  EXPORT_LINK_SECRET: 'a'.repeat(44),
};

describe('loadConfig', () => {
  it('when nothing is set, then it runs locally: loopback, embedded store in .data, playground on, no auth', () => {
    const config = loadConfig({}, '/srv/gateway');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3978,
      auth: { kind: 'none' },
      storage: { kind: 'embedded', databaseId: 'gateway', dataDir: '/srv/gateway/.data', snapshotIntervalMs: 30_000 },
      playground: { enabled: true, port: 56150, workDir: '/srv/gateway/.data/playground' },
      allowedTenantIds: [],
    });
    expect(config.allowedServiceUrlHosts).toEqual(expect.arrayContaining([...TEAMS_SERVICE_URL_HOSTS, '127.0.0.1']));
  });

  it('when production settings are given, then auth is on, Azure Cosmos is used, loopback replies are not allowed', () => {
    const config = loadConfig(production);
    expect(config.auth).toMatchObject({ kind: 'bot-framework', appId: 'app-id', appType: 'SingleTenant', tenantId: 'tenant-id' });
    expect(config.storage).toMatchObject({ kind: 'azure', key: undefined });
    expect(config.host).toBe('0.0.0.0');
    expect(config.allowedServiceUrlHosts).not.toContain('127.0.0.1');
    expect(config.playground.enabled).toBe(false);
    expect(config.warnings).toEqual([]);
  });

  it('when the config is loaded, then it cannot be changed afterwards', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.auth)).toBe(true);
  });

  it('when several settings are wrong, then one error names every problem', () => {
    const problems = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', COSMOS_ENDPOINT: 'not a url' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT.*whole number/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/COSMOS_ENDPOINT/);
  });

  it('when there is no BOT_ID but HOST is public, then it refuses to start unauthenticated', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })[0]).toMatch(/only listens on loopback/);
  });

  it('when BOT_ID is set without tenant or password, then both are named', () => {
    const problems = problemsOf({ BOT_ID: 'app-id' });
    expect(problems).toEqual([expect.stringMatching(/^BOT_TENANT_ID/), expect.stringMatching(/^BOT_PASSWORD/)]);
  });

  it('when the bot uses a managed identity, then a password is refused and none is needed', () => {
    expect(problemsOf({ BOT_ID: 'id', BOT_TENANT_ID: 't', BOT_TYPE: 'UserAssignedMSI', BOT_PASSWORD: 'x' })[0]).toMatch(/^BOT_PASSWORD: must be empty/);
    expect(loadConfig({ BOT_ID: 'id', BOT_TENANT_ID: 't', BOT_TYPE: 'UserAssignedMSI' }).auth).toMatchObject({ appType: 'UserAssignedMSI', appPassword: undefined });
  });

  it('when BOT_TYPE is MultiTenant, then it is refused (new bots are single-tenant or managed identity)', () => {
    expect(problemsOf({ ...production, BOT_TYPE: 'MultiTenant' })[0]).toMatch(/^BOT_TYPE/);
  });

  it('when a setting is blank, then it counts as unset', () => {
    expect(loadConfig({ BOT_ID: '', BOT_PASSWORD: '  ', COSMOS_ENDPOINT: '' }).auth.kind).toBe('none');
  });

  it('when BOT_ID is set without COSMOS_ENDPOINT, then it runs on the embedded store with a warning', () => {
    const { COSMOS_ENDPOINT: _none, ...rest } = production;
    const config = loadConfig(rest);
    expect(config.storage.kind).toBe('embedded');
    expect(config.warnings).toEqual([expect.stringMatching(/embedded Cosmos store/)]);
  });

  it('when production has no tenant allow-list, then it warns that every tenant is accepted', () => {
    const { ALLOWED_TENANT_IDS: _omitted, ...rest } = production;
    expect(loadConfig(rest).warnings).toEqual([expect.stringMatching(/ALLOWED_TENANT_IDS is empty/)]);
  });

  it('when production has no public address or link secret, then it warns about download links', () => {
    const { PUBLIC_BASE_URL: _url, EXPORT_LINK_SECRET: _secret, ...rest } = production;
    expect(loadConfig(rest).warnings).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL/), expect.stringMatching(/^EXPORT_LINK_SECRET/)]);
  });

  it('when the link secret is short, then it is refused', () => {
    expect(problemsOf({ ...production, EXPORT_LINK_SECRET: 'short' })[0]).toMatch(/^EXPORT_LINK_SECRET/);
  });

  it('when lists have spaces and empty entries, then they are trimmed', () => {
    expect(loadConfig({ ALLOWED_TENANT_IDS: ' a, ,b ,' }).allowedTenantIds).toEqual(['a', 'b']);
  });

  it('when secrets are set without what they belong to, then they are refused rather than ignored', () => {
    expect(problemsOf({ BOT_PASSWORD: 'p', COSMOS_KEY: 'k' })).toEqual([
      expect.stringMatching(/^BOT_PASSWORD: set without BOT_ID/),
      expect.stringMatching(/^COSMOS_KEY: set without COSMOS_ENDPOINT/),
    ]);
  });
});

describe('loadConfig: jobs', () => {
  it('when nothing is set, then the weekly highlight runs in-process on Mondays at 09:00 and the job endpoint is off', () => {
    expect(loadConfig({}).jobs).toEqual({ scheduler: true, weeklyHighlightCron: '0 9 * * 1', apiKey: undefined, cutoverReminderCron: '0 8 * * *', cutoverReminderDays: [7, 1] });
  });

  it('when a cron pattern with seconds and the scheduler switch are given, then both are used', () => {
    const jobs = loadConfig({ WEEKLY_HIGHLIGHT_CRON: '*/5 * * * * *', JOB_SCHEDULER: 'off', JOBS_API_KEY: 'k'.repeat(32) }).jobs;
    expect(jobs).toMatchObject({ scheduler: false, weeklyHighlightCron: '*/5 * * * * *', apiKey: 'k'.repeat(32) });
  });

  it('when cutover reminders are set to 14, 3 and 3 days, then each is one reminder', () => {
    expect(loadConfig({ CUTOVER_REMINDER_DAYS: '14, 3,3' }).jobs.cutoverReminderDays).toEqual([14, 3]);
  });

  it('when cutover reminder days or their cron cannot be read, then start-up names the setting', () => {
    expect(() => loadConfig({ CUTOVER_REMINDER_DAYS: 'a week' })).toThrow(/CUTOVER_REMINDER_DAYS: must be whole numbers of days/);
    expect(() => loadConfig({ CUTOVER_REMINDER_CRON: 'daily' })).toThrow(/CUTOVER_REMINDER_CRON: .*every day at 08:00 UK time/);
    expect(() => loadConfig({ CUTOVER_REMINDER_DAYS: '7,0' })).toThrow(/at least 1/);
  });

  it('when the cron pattern cannot be read, then start-up names it with the default', () => {
    expect(problemsOf({ WEEKLY_HIGHLIGHT_CRON: 'every monday' })).toEqual([expect.stringMatching(/^WEEKLY_HIGHLIGHT_CRON: .*default "0 9 \* \* 1"/)]);
  });

  it('when the job key is short or the scheduler switch is not on/off, then both are refused', () => {
    expect(problemsOf({ JOBS_API_KEY: 'short', JOB_SCHEDULER: 'no' })).toEqual([expect.stringMatching(/^JOB_SCHEDULER/), expect.stringMatching(/^JOBS_API_KEY: must be at least 32/)]);
  });
});

describe('loadConfig: risk settings', () => {
  it('when nothing is set, then the risks log uses the documented defaults (red from 15, amber from 8, escalated from 20)', () => {
    expect(loadConfig({}).risks).toMatchObject({ redScore: 15, amberScore: 8, escalateScore: 20 });
  });

  it('when the thresholds are set, then the log colours and escalates by them', () => {
    expect(loadConfig({ RISK_RED_SCORE: '16', RISK_AMBER_SCORE: '6', RISK_ESCALATE_SCORE: '25' }).risks).toMatchObject({ redScore: 16, amberScore: 6, escalateScore: 25 });
  });

  it('when a threshold is not a score or amber is above red, then start-up names each problem', () => {
    expect(problemsOf({ RISK_RED_SCORE: '12', RISK_AMBER_SCORE: '13', RISK_ESCALATE_SCORE: '30' })).toEqual([
      expect.stringMatching(/^RISK_ESCALATE_SCORE: .*1 to 25/),
      expect.stringMatching(/^RISK_AMBER_SCORE: .*not be above RISK_RED_SCORE/),
    ]);
    expect(problemsOf({ RISK_RED_SCORE: 'high' })).toEqual([expect.stringMatching(/^RISK_RED_SCORE: must be a whole number/)]);
  });
});
