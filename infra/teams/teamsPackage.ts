import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { decodePng } from './png';
import { readZip, writeZip } from './zip';

/** The schema type `validateAgainstSchema` takes (ajv's, which this project does not depend on directly). */
type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** Where the manifest template and icons live (this folder). */
export const TEAMS_PACKAGE_DIR = __dirname;
const ROOT = path.join(__dirname, '..', '..');

/** What fills the manifest template's `${{NAME}}` placeholders. */
export interface PackageSettings {
  /** The bot's app (client) id: `BOT_ID`, the managed identity's client id on Azure. */
  readonly botId: string;
  /** The host people reach the bot on, from `PUBLIC_BASE_URL` (privacy and terms pages, valid domains). */
  readonly botDomain: string;
  /** The Teams app's own id (`TEAMS_APP_ID`); the bot id when unset, as one bot is one app. */
  readonly teamsAppId: string;
  /** package.json's version, so an upgrade in Teams admin centre is recognised as newer. */
  readonly appVersion: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The package's settings from the same environment variables the bot reads (plus `TEAMS_APP_ID`), so the manifest
 * cannot name another bot or host than the one deployed. Every problem is returned at once.
 */
export function packageSettingsFrom(env: Readonly<Record<string, string | undefined>>): { settings?: PackageSettings; problems: string[] } {
  const problems: string[] = [];
  const botId = env.BOT_ID?.trim() ?? '';
  const teamsAppId = env.TEAMS_APP_ID?.trim() || botId;
  const base = env.PUBLIC_BASE_URL?.trim() ?? '';
  if (!GUID.test(botId)) problems.push('BOT_ID: the bot\'s app (client) id, a GUID (on Azure: the deployment\'s botId output)');
  if (!GUID.test(teamsAppId)) problems.push('TEAMS_APP_ID: must be a GUID (or leave it unset to use BOT_ID)');
  let botDomain = '';
  try {
    const url = new URL(base);
    if (url.protocol !== 'https:') problems.push('PUBLIC_BASE_URL: must start https:// (Teams opens the privacy and terms pages there)');
    botDomain = url.host;
  } catch {
    problems.push('PUBLIC_BASE_URL: the bot\'s public https address, e.g. https://gateway-rh8-web.azurewebsites.net');
  }
  if (problems.length > 0) return { problems };
  return { settings: { botId, botDomain, teamsAppId, appVersion: packageVersion() }, problems };
}

function packageVersion(): string {
  const json = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

/** The manifest template with every placeholder filled; a placeholder with no setting is an error, not left in. */
export function fillManifest(template: string, settings: PackageSettings): string {
  const values: Readonly<Record<string, string>> = {
    BOT_ID: settings.botId,
    BOT_DOMAIN: settings.botDomain,
    TEAMS_APP_ID: settings.teamsAppId,
    APP_VERSION: settings.appVersion,
  };
  return template.replace(/\$\{\{([A-Z_]+)\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`manifest.json: no setting fills \${{${name}}}`);
    return value;
  });
}

export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** The zip Teams takes: the filled manifest and the two icons at its root. */
export function buildTeamsPackage(settings: PackageSettings): Buffer {
  const manifest = fillManifest(readFileSync(path.join(TEAMS_PACKAGE_DIR, 'manifest.json'), 'utf8'), settings);
  return writeZip(PACKAGE_FILES.map((name) => ({ name, data: name === 'manifest.json' ? Buffer.from(manifest, 'utf8') : readFileSync(path.join(TEAMS_PACKAGE_DIR, name)) })));
}

/**
 * The manifest's JSON schema from the copy `@microsoft/app-manifest` bundles, never the network: the check must give
 * the same answer offline, in CI, as on a developer's machine.
 */
export function bundledSchema(schemaUrl: string): ManifestSchema {
  const match = /^https:\/\/developer\.microsoft\.com\/(?:en-us\/)?json-schemas\/teams\/(v[\d.]+)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl);
  if (!match?.[1]) throw new Error(`$schema ${schemaUrl} is not a Teams manifest schema the package bundles`);
  const file = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', match[1], 'MicrosoftTeams.schema.json');
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text) as ManifestSchema;
}

/** Teams' own limits beyond the JSON schema (its upload check refuses longer command titles and descriptions). */
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;

interface ManifestShape {
  $schema?: string;
  developer?: { privacyUrl?: string; termsOfUseUrl?: string; websiteUrl?: string };
  validDomains?: string[];
  bots?: { commandLists?: { scopes?: string[]; commands?: { title?: string; description?: string }[] }[] }[];
}

/** Every problem with one manifest: its schema, Teams' command limits, and links outside its valid domains. */
export async function manifestProblems(manifestText: string): Promise<string[]> {
  if (/\$\{\{/.test(manifestText)) return ['manifest.json: a ${{…}} placeholder is left unfilled'];
  const manifest = JSON.parse(manifestText) as ManifestShape & AppManifest;
  const problems = (await AppManifestUtils.validateAgainstSchema(manifest, bundledSchema(String(manifest.$schema)))).map((p) => `manifest.json: ${p}`);
  for (const list of manifest.bots?.flatMap((b) => b.commandLists ?? []) ?? []) {
    for (const command of list.commands ?? []) {
      if ((command.title ?? '').length > COMMAND_TITLE_MAX) problems.push(`command "${command.title ?? ''}": title over ${COMMAND_TITLE_MAX} characters`);
      if ((command.description ?? '').length > COMMAND_DESCRIPTION_MAX) problems.push(`command "${command.title ?? ''}": description over ${COMMAND_DESCRIPTION_MAX} characters`);
    }
  }
  const domains = manifest.validDomains ?? [];
  for (const link of [manifest.developer?.privacyUrl, manifest.developer?.termsOfUseUrl, manifest.developer?.websiteUrl]) {
    if (link === undefined) continue;
    const host = new URL(link).host;
    if (!domains.includes(host)) problems.push(`${link}: its host is not in validDomains`);
  }
  return problems;
}

/** Teams' icon rules: colour 192×192; outline 32×32, white where drawn, transparent elsewhere. */
export function iconProblems(name: string, png: Buffer): string[] {
  const image = decodePng(png);
  const problems: string[] = [];
  if (name === 'color.png') {
    if (image.width !== 192 || image.height !== 192) problems.push(`color.png: ${image.width}×${image.height}, must be 192×192`);
    return problems;
  }
  if (image.width !== 32 || image.height !== 32) problems.push(`outline.png: ${image.width}×${image.height}, must be 32×32`);
  let transparent = 0;
  let notWhite = 0;
  for (let i = 0; i < image.rgba.length; i += 4) {
    const [r, g, b, a] = [image.rgba[i], image.rgba[i + 1], image.rgba[i + 2], image.rgba[i + 3]];
    if (a === 0) transparent += 1;
    else if (r !== 255 || g !== 255 || b !== 255) notWhite += 1;
  }
  if (transparent === 0) problems.push('outline.png: has no transparent pixels (Teams wants white on a transparent background)');
  if (transparent === image.width * image.height) problems.push('outline.png: is entirely transparent');
  if (notWhite > 0) problems.push(`outline.png: ${notWhite} visible pixels are not white`);
  return problems;
}

/** Opens a built package as Teams would and lists everything wrong with it (empty: it validates). */
export async function validateTeamsPackage(zip: Buffer): Promise<string[]> {
  const entries = readZip(zip);
  const names = entries.map((e) => e.name).sort();
  const problems: string[] = [];
  if (names.join() !== [...PACKAGE_FILES].sort().join()) problems.push(`the package holds ${names.join(', ')}; Teams expects ${PACKAGE_FILES.join(', ')} at its root`);
  for (const entry of entries) {
    if (entry.name === 'manifest.json') problems.push(...(await manifestProblems(entry.data.toString('utf8'))));
    else if (entry.name.endsWith('.png')) problems.push(...iconProblems(entry.name, entry.data));
  }
  return problems;
}
