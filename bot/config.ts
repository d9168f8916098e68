import path from 'node:path';
import { z } from 'zod';
import { assertCronPattern } from './jobs/scheduler';

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
  /** Unset: the job endpoint does not exist (404). */
  readonly apiKey: string | undefined;
}

export const DEFAULT_WEEKLY_HIGHLIGHT_CRON = '0 9 * * 1';

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
  JOB_SCHEDULER: optionalText.pipe(z.enum(['on', 'off']).optional()),
  JOBS_API_KEY: optionalText.pipe(z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional()),
});

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
    jobs: Object.freeze({ scheduler: e.JOB_SCHEDULER !== 'off', weeklyHighlightCron, apiKey: e.JOBS_API_KEY }),
    warnings: Object.freeze(warnings),
  });
}
