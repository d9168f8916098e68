import path from 'node:path';
import { z } from 'zod';
import { entraDefaultsFor } from './http/entraJobToken';
import { assertCronPattern } from './jobs/scheduler';
import { DEFAULT_RISK_SETTINGS, resolveRiskSettings, type RiskSettings } from './migration/risks/riskSettings';
import { ValidationFailed } from './migration/shared/errors';
import { MAX_STAFF_IMPORT_FILE_MB, resolveStaffImportSettings, type StaffImportSettings } from './migration/staff/import/staffImportSettings';
import { DEFAULT_ROLLOUT_SETTINGS, formatPortalColumns, MAX_PORTAL_FILE_ROWS, parsePortalColumns, resolveRolloutSettings, type RolloutSettings } from './migration/staff/rollout/rolloutSettings';

/**
 * Where the bot keeps its records. `embedded` starts the in-process Cosmos server so a newcomer needs nothing
 * installed; `azure` is production. Both go through the same `@azure/cosmos` code path.
 */
export type StorageConfig =
  | { readonly kind: 'embedded'; readonly databaseId: string; readonly dataDir: string; readonly snapshotIntervalMs: number }
  | {
      readonly kind: 'azure';
      readonly endpoint: string;
      readonly key: string | undefined;
      readonly managedIdentityClientId: string | undefined;
      readonly databaseId: string;
    };

/**
 * Inbound authentication. `none` is only ever allowed on loopback (checked in {@link loadConfig}); with an app id
 * every request must carry a Bot Framework token.
 */
export type AuthConfig =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'bot-framework';
      readonly appId: string;
      readonly appPassword: string | undefined;
      readonly appType: 'SingleTenant' | 'UserAssignedMSI';
      readonly tenantId: string;
      /** Overrides for sovereign clouds and for tests against a loopback OpenID server. */
      readonly openIdMetadataUrl: string | undefined;
      readonly tokenIssuer: string | undefined;
    };

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly auth: AuthConfig;
  readonly storage: StorageConfig;
  /** Empty means "any tenant": only sensible in local mode, so production start-up warns about it. */
  readonly allowedTenantIds: readonly string[];
  /** Hosts the bot may reply to; a request naming any other service URL is refused before it is processed. */
  readonly allowedServiceUrlHosts: readonly string[];
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where people reach the bot (links in cards); undefined means "wherever the server listens" (local mode). */
  readonly publicBaseUrl: string | undefined;
  /** Signs export download links; a random per-process key when undefined. Needed with more than one instance. */
  readonly exportLinkSecret: string | undefined;
  /** Start the Agents Playground beside the bot (local mode only), working in `workDir` (its config and log). */
  readonly playground: { readonly enabled: boolean; readonly port: number; readonly workDir: string };
  /** Jobs that post by themselves (the weekly highlight). */
  readonly jobs: JobsConfig;
  /** The risks log's RAG thresholds and automatic escalation score (`bot/migration/risks/riskSettings.ts`). */
  readonly risks: RiskSettings;
  /** The Portal files' columns and size, and the registrations rule and reminder (`bot/migration/staff/rollout/rolloutSettings.ts`). */
  readonly rollout: RolloutSettings;
  /** The staff file size limit, and the quota its warnings use: the catalogue's (`bot/migration/staff/import/staffImportSettings.ts`). */
  readonly staffImport: StaffImportSettings;
  /** Undefined (the default): no language model, and no message text leaves the tenant. */
  readonly languageModel: LanguageModelConfig | undefined;
  /** Warnings worth printing once at start, e.g. "BOT_ID without COSMOS_ENDPOINT uses the embedded store". */
  readonly warnings: readonly string[];
}

/**
 * The in-process scheduler suits one instance; with several, turn it off and have an external timer call
 * `POST /api/jobs/weekly-highlights` with the key (the claims keep posts single either way).
 */
export interface JobsConfig {
  readonly scheduler: boolean;
  /** croner syntax (seconds allowed), in Europe/London time. */
  readonly weeklyHighlightCron: string;
  /** Unset, and no `entraToken`: the job endpoint does not exist (404). */
  readonly apiKey: string | undefined;
  /**
   * With `BOT_ID` set, the endpoint also accepts an Entra access token whose audience is the bot's app id, issued by
   * its tenant, to one of `callers` (by default the bot's own app id: a timer function sharing its managed identity).
   */
  readonly entraToken?: {
    readonly openIdMetadataUrl: string;
    readonly issuers: readonly string[];
    readonly audiences: readonly string[];
    readonly callers: readonly string[];
  };
  /** When the daily cutover reminder run looks for groups due a reminder (croner, Europe/London). */
  readonly cutoverReminderCron: string;
  /** Remind each group's members this many days before its cutover (each a separate reminder). */
  readonly cutoverReminderDays: readonly number[];
}

export const DEFAULT_WEEKLY_HIGHLIGHT_CRON = '0 9 * * 1';
export const DEFAULT_CUTOVER_REMINDER_CRON = '0 8 * * *';
export const DEFAULT_CUTOVER_REMINDER_DAYS: readonly number[] = [7, 1];

/**
 * An Azure OpenAI deployment, in the trust's own Azure tenant, that sorts staff questions into Gateway's intents
 * before the offline model. It only classifies: the answers are still Gateway's own cards.
 */
export interface LanguageModelConfig {
  /** `https://<resource>.openai.azure.com` (teams-ai refuses anything but https). */
  readonly endpoint: string;
  readonly deployment: string;
  readonly apiVersion: string;
  /** Undefined: Entra ID instead (the user-assigned managed identity when named, else the default credential chain). */
  readonly apiKey: string | undefined;
  readonly managedIdentityClientId: string | undefined;
  /** How long a question waits for the model before the offline answer. */
  readonly timeoutMs: number;
}

/** The GA version that takes `response_format: json_object` (the teams-ai default, 2023-05-15, does not). */
export const DEFAULT_AZURE_OPENAI_API_VERSION = '2024-10-21';
export const DEFAULT_AZURE_OPENAI_TIMEOUT_MS = 2000;

/** Thrown at boot with every problem found, so an operator fixes them all in one go rather than one per restart. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Gateway cannot start: fix these settings and try again:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Teams' Bot Connector hosts (public cloud, GCC, GCC High, DoD). Replies to anything else are refused. */
export const TEAMS_SERVICE_URL_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Tells "unset" (undefined or blank) from a value, so an empty `BOT_ID=` in a .env file means "not configured". */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const list = optionalText.transform((v) =>
  v === undefined
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
);

const portNumber = (fallback: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .refine((n) => n >= 0 && n <= 65535, 'must be between 0 and 65535')
      .optional()
      .transform((n) => n ?? fallback),
  );

/** A whole number whose range the domain's own settings check; `message` says what is wanted when it is not a number. */
const wholeNumber = (message: string) => optionalText.pipe(z.string().regex(/^\d+$/, message).transform(Number).optional());

const riskScore = wholeNumber('must be a whole number from 1 to 25');

const envSchema = z.object({
  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TENANT_ID: optionalText,
  BOT_TYPE: optionalText.pipe(z.enum(['SingleTenant', 'UserAssignedMSI']).optional()),
  BOT_OPENID_METADATA_URL: optionalText.pipe(z.string().url('must be a URL').optional()),
  BOT_TOKEN_ISSUER: optionalText,
  HOST: optionalText,
  PORT: portNumber(3978),
  COSMOS_ENDPOINT: optionalText.pipe(z.string().url('must be a URL such as https://<account>.documents.azure.com:443/').optional()),
  COSMOS_KEY: optionalText,
  COSMOS_MANAGED_IDENTITY_CLIENT_ID: optionalText,
  COSMOS_DATABASE: optionalText,
  ALLOWED_TENANT_IDS: list,
  ALLOWED_SERVICE_URL_HOSTS: list,
  DATA_DIR: optionalText,
  SNAPSHOT_INTERVAL_SECONDS: optionalText.pipe(
    z.string().regex(/^\d+$/, 'must be a whole number of seconds').transform(Number).optional(),
  ),
  LOG_LEVEL: optionalText.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  PLAYGROUND: optionalText.pipe(z.enum(['on', 'off']).optional()),
  PLAYGROUND_PORT: portNumber(56150),
  PUBLIC_BASE_URL: optionalText.pipe(z.string().url('must be a URL such as https://gateway.example.nhs.uk').optional()),
  EXPORT_LINK_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional()),
  WEEKLY_HIGHLIGHT_CRON: optionalText,
  CUTOVER_REMINDER_CRON: optionalText,
  CUTOVER_REMINDER_DAYS: optionalText.pipe(
    z
      .string()
      .regex(/^\s*\d{1,3}(?:\s*,\s*\d{1,3})*\s*$/, 'must be whole numbers of days separated by commas, such as 7,1')
      .transform((text) => text.split(',').map((n) => Number(n.trim())))
      .refine((days) => days.every((n) => n >= 1), 'every number of days must be at least 1')
      .optional(),
  ),
  JOB_SCHEDULER: optionalText.pipe(z.enum(['on', 'off']).optional()),
  JOBS_API_KEY: optionalText.pipe(z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional()),
  JOBS_TOKEN_CALLERS: list,
  JOBS_TOKEN_OPENID_METADATA_URL: optionalText.pipe(z.string().url('must be a URL').optional()),
  JOBS_TOKEN_ISSUERS: list,
  RISK_RED_SCORE: riskScore,
  RISK_AMBER_SCORE: riskScore,
  RISK_ESCALATE_SCORE: riskScore,
  PORTAL_COLUMNS: optionalText,
  PORTAL_FILE_ROWS: wholeNumber(`must be a whole number from 1 to ${MAX_PORTAL_FILE_ROWS}`),
  REGISTRATIONS_BEHIND_PLAN_SHARE: optionalText.pipe(
    z
      .string()
      .regex(/^(?:\d+(?:\.\d+)?|\.\d+)$/, 'must be a share above 0 and at most 1, such as 0.9 (1 is every planned account)')
      .transform(Number)
      .optional(),
  ),
  REGISTRATIONS_REMINDER_WORKING_DAYS: wholeNumber('must be a whole number from 0 to 15'),
  STAFF_IMPORT_MAX_FILE_MB: wholeNumber(`must be a whole number of MB from 1 to ${MAX_STAFF_IMPORT_FILE_MB}`),
  AZURE_OPENAI_ENDPOINT: optionalText.pipe(
    z
      .string()
      .url('must be a URL such as https://<resource>.openai.azure.com')
      .refine((v) => v.toLowerCase().startsWith('https://'), 'must be https:// (message text is never sent in the clear; teams-ai refuses anything else)')
      .optional(),
  ),
  AZURE_OPENAI_DEPLOYMENT: optionalText.pipe(z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be the deployment name (letters, digits, ".", "_", "-")').optional()),
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_MANAGED_IDENTITY_CLIENT_ID: optionalText,
  AZURE_OPENAI_API_VERSION: optionalText.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}(?:-preview)?$/, 'must be an API version such as 2024-10-21').optional()),
  AZURE_OPENAI_TIMEOUT_MS: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of milliseconds')
      .transform(Number)
      .refine((n) => n >= 100 && n <= 10_000, 'must be between 100 and 10000 ms (a turn must answer within seconds)')
      .optional(),
  ),
});

/** The environment name of each domain setting, so the domain's own checks can be reported in the operator's terms. */
const RISK_SETTING_NAMES: Readonly<Record<string, string>> = { redScore: 'RISK_RED_SCORE', amberScore: 'RISK_AMBER_SCORE', escalateScore: 'RISK_ESCALATE_SCORE' };
const ROLLOUT_SETTING_NAMES: Readonly<Record<string, string>> = {
  portalFileRows: 'PORTAL_FILE_ROWS',
  behindPlanShare: 'REGISTRATIONS_BEHIND_PLAN_SHARE',
  reminderWorkingDaysBeforeMonthEnd: 'REGISTRATIONS_REMINDER_WORKING_DAYS',
};
const STAFF_IMPORT_SETTING_NAMES: Readonly<Record<string, string>> = { maxFileMb: 'STAFF_IMPORT_MAX_FILE_MB' };

/** A domain settings check's field errors as start-up problems, each named by its environment variable. */
function problemsNamed(err: unknown, names: Readonly<Record<string, string>>, problems: string[]): void {
  if (!(err instanceof ValidationFailed)) throw err;
  const fields = new RegExp(`\\b(${Object.keys(names).join('|')})\\b`, 'g');
  for (const { field, message } of err.fieldErrors) {
    problems.push(`${names[field] ?? field}: ${message.replace(new RegExp(`^${field} `), '').replace(fields, (f) => names[f] ?? f)}`);
  }
}

/**
 * App Service passes a Key Vault reference it could not resolve (no access yet, a missing secret) through as its own
 * text, `@Microsoft.KeyVault(…)`: long enough to pass as a key, and the same text anyone can read in the template.
 * Such a value is refused, so a job key or link secret is never the reference itself.
 */
function unresolvedKeyVaultReferences(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.keys(envSchema.shape)
    .filter((name) => env[name]?.trim().startsWith('@Microsoft.KeyVault(') === true)
    .map((name) => `${name}: App Service could not resolve its Key Vault reference (check the secret exists and the app's identity has Key Vault Secrets User)`);
}

/**
 * Parses the environment once at boot. Everything downstream takes the frozen result, never `process.env`, so a
 * setting is validated in one place and tests can build configs without touching the process.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): GatewayConfig {
  const unresolved = unresolvedKeyVaultReferences(env);
  const parsed = envSchema.safeParse(env);
  if (!parsed.success || unresolved.length > 0) {
    throw new ConfigError([...unresolved, ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))]);
  }
  const e = parsed.data;
  const problems: string[] = [];
  const warnings: string[] = [];

  let auth: AuthConfig = { kind: 'none' };
  if (e.BOT_ID !== undefined) {
    const appType = e.BOT_TYPE ?? 'SingleTenant';
    if (e.BOT_TENANT_ID === undefined) problems.push('BOT_TENANT_ID: required when BOT_ID is set (the Entra tenant of the bot registration)');
    if (appType === 'SingleTenant' && e.BOT_PASSWORD === undefined) problems.push('BOT_PASSWORD: required when BOT_TYPE is SingleTenant');
    if (appType === 'UserAssignedMSI' && e.BOT_PASSWORD !== undefined) problems.push('BOT_PASSWORD: must be empty when BOT_TYPE is UserAssignedMSI (the managed identity signs in)');
    auth = {
      kind: 'bot-framework',
      appId: e.BOT_ID,
      appPassword: e.BOT_PASSWORD,
      appType,
      tenantId: e.BOT_TENANT_ID ?? '',
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      tokenIssuer: e.BOT_TOKEN_ISSUER,
    };
  } else {
    for (const name of ['BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_TYPE'] as const) {
      if (e[name] !== undefined) problems.push(`${name}: set without BOT_ID; set BOT_ID too, or remove it`);
    }
  }

  const local = auth.kind === 'none';
  const host = e.HOST ?? (local ? '127.0.0.1' : '0.0.0.0');
  if (local && !LOOPBACK_HOSTS.has(host)) {
    problems.push(`HOST: without BOT_ID the bot does not check who is calling, so it only listens on loopback (127.0.0.1); set BOT_ID, BOT_PASSWORD and BOT_TENANT_ID to listen on ${host}`);
  }

  const databaseId = e.COSMOS_DATABASE ?? 'gateway';
  let storage: StorageConfig;
  if (e.COSMOS_ENDPOINT !== undefined) {
    storage = {
      kind: 'azure',
      endpoint: e.COSMOS_ENDPOINT,
      key: e.COSMOS_KEY,
      managedIdentityClientId: e.COSMOS_MANAGED_IDENTITY_CLIENT_ID,
      databaseId,
    };
  } else {
    if (e.COSMOS_KEY !== undefined) problems.push('COSMOS_KEY: set without COSMOS_ENDPOINT; set the endpoint too, or remove the key');
    if (!local) warnings.push('BOT_ID is set but COSMOS_ENDPOINT is not: using the embedded Cosmos store on this machine. Fine for trying sign-in locally, not for production.');
    storage = {
      kind: 'embedded',
      databaseId,
      dataDir: path.resolve(cwd, e.DATA_DIR ?? '.data'),
      snapshotIntervalMs: (e.SNAPSHOT_INTERVAL_SECONDS ?? 30) * 1000,
    };
  }

  if (!local && e.ALLOWED_TENANT_IDS.length === 0) {
    warnings.push('ALLOWED_TENANT_IDS is empty: activities from every tenant are accepted. Set it to your organisation tenant id.');
  }

  if (!local && e.PUBLIC_BASE_URL === undefined) {
    warnings.push('PUBLIC_BASE_URL is not set: questionnaire download links will name this machine\'s own address. Set it to the bot\'s public https address.');
  }
  if (!local && e.EXPORT_LINK_SECRET === undefined) {
    warnings.push('EXPORT_LINK_SECRET is not set: download links only work on the instance that made them, until it restarts.');
  }

  const weeklyHighlightCron = e.WEEKLY_HIGHLIGHT_CRON ?? DEFAULT_WEEKLY_HIGHLIGHT_CRON;
  try {
    assertCronPattern(weeklyHighlightCron);
  } catch (err) {
    problems.push(`WEEKLY_HIGHLIGHT_CRON: ${err instanceof Error ? err.message : 'not a cron pattern'} (default "${DEFAULT_WEEKLY_HIGHLIGHT_CRON}": Mondays 09:00 UK time)`);
  }

  let risks: RiskSettings = DEFAULT_RISK_SETTINGS;
  try {
    risks = resolveRiskSettings({
      ...(e.RISK_RED_SCORE === undefined ? {} : { redScore: e.RISK_RED_SCORE }),
      ...(e.RISK_AMBER_SCORE === undefined ? {} : { amberScore: e.RISK_AMBER_SCORE }),
      ...(e.RISK_ESCALATE_SCORE === undefined ? {} : { escalateScore: e.RISK_ESCALATE_SCORE }),
    });
  } catch (err) {
    problemsNamed(err, RISK_SETTING_NAMES, problems);
  }
  const rollout = rolloutFrom(e, problems);
  let staffImport: StaffImportSettings = resolveStaffImportSettings();
  try {
    staffImport = resolveStaffImportSettings(e.STAFF_IMPORT_MAX_FILE_MB === undefined ? {} : { maxFileMb: e.STAFF_IMPORT_MAX_FILE_MB });
  } catch (err) {
    problemsNamed(err, STAFF_IMPORT_SETTING_NAMES, problems);
  }
  const languageModel = languageModelFrom(e, problems);
  const cutoverReminderCron = e.CUTOVER_REMINDER_CRON ?? DEFAULT_CUTOVER_REMINDER_CRON;
  try {
    assertCronPattern(cutoverReminderCron);
  } catch (err) {
    problems.push(`CUTOVER_REMINDER_CRON: ${err instanceof Error ? err.message : 'not a cron pattern'} (default "${DEFAULT_CUTOVER_REMINDER_CRON}": every day at 08:00 UK time)`);
  }

  const allowedServiceUrlHosts = e.ALLOWED_SERVICE_URL_HOSTS.length > 0 ? e.ALLOWED_SERVICE_URL_HOSTS : TEAMS_SERVICE_URL_HOSTS;

  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    host,
    port: e.PORT,
    auth: Object.freeze(auth),
    storage: Object.freeze(storage),
    allowedTenantIds: Object.freeze([...e.ALLOWED_TENANT_IDS]),
    allowedServiceUrlHosts: Object.freeze([...allowedServiceUrlHosts, ...(local ? [...LOOPBACK_HOSTS] : [])]),
    logLevel: e.LOG_LEVEL ?? 'info',
    publicBaseUrl: e.PUBLIC_BASE_URL,
    exportLinkSecret: e.EXPORT_LINK_SECRET,
    playground: Object.freeze({
      enabled: local && e.PLAYGROUND !== 'off',
      port: e.PLAYGROUND_PORT,
      workDir: path.resolve(cwd, e.DATA_DIR ?? '.data', 'playground'),
    }),
    risks,
    rollout,
    staffImport,
    jobs: Object.freeze({
      scheduler: e.JOB_SCHEDULER !== 'off',
      weeklyHighlightCron,
      apiKey: e.JOBS_API_KEY,
      ...(auth.kind === 'bot-framework'
        ? {
            entraToken: Object.freeze({
              openIdMetadataUrl: e.JOBS_TOKEN_OPENID_METADATA_URL ?? entraDefaultsFor(auth.tenantId).openIdMetadataUrl,
              issuers: Object.freeze(e.JOBS_TOKEN_ISSUERS.length > 0 ? [...e.JOBS_TOKEN_ISSUERS] : [...entraDefaultsFor(auth.tenantId).issuers]),
              audiences: Object.freeze([auth.appId, `api://${auth.appId}`]),
              callers: Object.freeze(e.JOBS_TOKEN_CALLERS.length > 0 ? [...e.JOBS_TOKEN_CALLERS] : [auth.appId]),
            }),
          }
        : {}),
      cutoverReminderCron,
      cutoverReminderDays: Object.freeze([...new Set(e.CUTOVER_REMINDER_DAYS ?? DEFAULT_CUTOVER_REMINDER_DAYS)]),
    }),
    languageModel: languageModel === undefined ? undefined : Object.freeze(languageModel),
    warnings: Object.freeze(warnings),
  });
}

/** The roll-out settings: the Portal columns read from their `Heading=field,…` text, the numbers checked by the domain. */
function rolloutFrom(e: z.infer<typeof envSchema>, problems: string[]): RolloutSettings {
  let portalColumns = DEFAULT_ROLLOUT_SETTINGS.portalColumns;
  if (e.PORTAL_COLUMNS !== undefined) {
    const parsed = parsePortalColumns(e.PORTAL_COLUMNS);
    if (parsed.ok) portalColumns = parsed.columns;
    else problems.push(`PORTAL_COLUMNS: ${parsed.problem} (unset, it is ${formatPortalColumns(DEFAULT_ROLLOUT_SETTINGS.portalColumns)})`);
  }
  try {
    return resolveRolloutSettings({
      portalColumns,
      ...(e.PORTAL_FILE_ROWS === undefined ? {} : { portalFileRows: e.PORTAL_FILE_ROWS }),
      ...(e.REGISTRATIONS_BEHIND_PLAN_SHARE === undefined ? {} : { behindPlanShare: e.REGISTRATIONS_BEHIND_PLAN_SHARE }),
      ...(e.REGISTRATIONS_REMINDER_WORKING_DAYS === undefined ? {} : { reminderWorkingDaysBeforeMonthEnd: e.REGISTRATIONS_REMINDER_WORKING_DAYS }),
    });
  } catch (err) {
    problemsNamed(err, ROLLOUT_SETTING_NAMES, problems);
    return DEFAULT_ROLLOUT_SETTINGS;
  }
}

/** The optional Azure OpenAI settings: all unset means no model; a partial set is a mistake worth naming. */
function languageModelFrom(e: z.infer<typeof envSchema>, problems: string[]): LanguageModelConfig | undefined {
  if (e.AZURE_OPENAI_ENDPOINT === undefined) {
    for (const name of ['AZURE_OPENAI_DEPLOYMENT', 'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_MANAGED_IDENTITY_CLIENT_ID', 'AZURE_OPENAI_API_VERSION', 'AZURE_OPENAI_TIMEOUT_MS'] as const) {
      if (e[name] !== undefined) problems.push(`${name}: set without AZURE_OPENAI_ENDPOINT; set the endpoint too, or remove it (without one no message text leaves the tenant)`);
    }
    return undefined;
  }
  if (e.AZURE_OPENAI_DEPLOYMENT === undefined) problems.push('AZURE_OPENAI_DEPLOYMENT: required when AZURE_OPENAI_ENDPOINT is set (the name of the model deployment)');
  if (e.AZURE_OPENAI_API_KEY !== undefined && e.AZURE_OPENAI_MANAGED_IDENTITY_CLIENT_ID !== undefined) {
    problems.push('AZURE_OPENAI_MANAGED_IDENTITY_CLIENT_ID: set together with AZURE_OPENAI_API_KEY; keep one (the key, or the managed identity)');
  }
  return {
    endpoint: e.AZURE_OPENAI_ENDPOINT,
    deployment: e.AZURE_OPENAI_DEPLOYMENT ?? '',
    apiVersion: e.AZURE_OPENAI_API_VERSION ?? DEFAULT_AZURE_OPENAI_API_VERSION,
    apiKey: e.AZURE_OPENAI_API_KEY,
    managedIdentityClientId: e.AZURE_OPENAI_MANAGED_IDENTITY_CLIENT_ID,
    timeoutMs: e.AZURE_OPENAI_TIMEOUT_MS ?? DEFAULT_AZURE_OPENAI_TIMEOUT_MS,
  };
}
