import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildTeamsPackage, packageSettingsFrom, validateTeamsPackage } from './teamsPackage';

/**
 * `npm run package`: builds `dist/gateway-teams-app.zip` from the bot's own settings (`BOT_ID`, `PUBLIC_BASE_URL`,
 * optional `TEAMS_APP_ID`, from the environment or `.env`), then opens and validates the zip it wrote. Exits 1 naming
 * every problem. `--out <file>` writes elsewhere.
 */
async function main(): Promise<number> {
  const root = path.join(__dirname, '..', '..');
  const envFile = path.join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const outFlag = process.argv.indexOf('--out');
  const out = path.resolve(outFlag >= 0 ? (process.argv[outFlag + 1] ?? '') : path.join(root, 'dist', 'gateway-teams-app.zip'));
  const { settings, problems } = packageSettingsFrom(process.env);
  if (!settings) {
    process.stderr.write(`The Teams package needs these settings (environment or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  const zip = buildTeamsPackage(settings);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, zip);
  const invalid = await validateTeamsPackage(zip);
  if (invalid.length > 0) {
    process.stderr.write(`${out} does not validate:\n${invalid.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write(`Teams app package: ${out} (${zip.length} bytes; bot ${settings.botId}, ${settings.botDomain}, version ${settings.appVersion}); validated against the bundled manifest schema\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
