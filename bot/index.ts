import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config';
import type { Playground } from './local/playground';
import { createLogger, errorSummary } from './log';
import { startGateway } from './runtime';

/**
 * Composition root for `npm start`: read settings, start the bot, and in local mode the Agents Playground beside it.
 * Nothing here is tested directly; everything it calls is.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  for (const warning of config.warnings) logger.warn(warning);
  if (config.auth.kind === 'none') {
    logger.warn(
      'LOCAL MODE: BOT_ID is not set, so requests are NOT authenticated. The bot listens on loopback only and is meant for the Agents Playground.',
    );
  }

  const gateway = await startGateway(config, { logger });
  let playground: Playground | undefined;
  if (config.playground.enabled) {
    // Loaded only in local mode: production never needs the playground's code.
    const { startPlayground, writePlaygroundConfig } = await import('./local/playground');
    const { DEMO_TEAM } = await import('./local/demoTeam');
    await writePlaygroundConfig(config.playground.workDir, DEMO_TEAM);
    playground = await startPlayground({
      botEndpoint: `${gateway.url}/api/messages`,
      port: config.playground.port,
      cwd: config.playground.workDir,
      logger,
    });
    process.stdout.write(`\n  Gateway is running. Open ${playground.url} in your browser to chat with it.\n\n`);
  } else {
    process.stdout.write(`\n  Gateway is listening on ${gateway.url}/api/messages\n\n`);
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void (async () => {
      try {
        await playground?.stop();
        await gateway.close();
        process.exit(0);
      } catch (err) {
        logger.error({ err: errorSummary(err) }, 'shutdown failed');
        process.exit(1);
      }
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Gateway failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
