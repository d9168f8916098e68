import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { loadConfig } from '../../bot/config';
import type { GatewayConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { startGateway } from '../../bot/runtime';
import type { RunningGateway, RuntimeOptions } from '../../bot/runtime';
import { FakeConnector } from './fakeConnector';

export interface GatewayUnderTest {
  readonly gateway: RunningGateway;
  readonly connector: FakeConnector;
  readonly config: GatewayConfig;
  readonly url: string;
  readonly dataDir: string;
  /** Stops the bot (saving its snapshot) but keeps the connector, to start it again on the same data. */
  restart(): Promise<GatewayUnderTest>;
  close(): Promise<void>;
}

export interface GatewayUnderTestOptions {
  readonly env?: Record<string, string>;
  readonly credentialsFactory?: ServiceClientCredentialsFactory;
  readonly dataDir?: string;
  readonly connector?: FakeConnector;
  /** Where log lines go (at LOG_LEVEL, default silent), to check what the bot writes. */
  readonly logDestination?: { write(line: string): void };
  /** The weekly job's composer and the sender's clock, sleep and limits. */
  readonly runtime?: Pick<RuntimeOptions, 'composeHighlight' | 'proactive' | 'languageModel'>;
}

/**
 * The real bot, as `npm start` builds it, on a random loopback port with its own embedded Cosmos and data folder,
 * and a fake connector to reply to. Logs are silent unless TEST_LOG_LEVEL is set.
 */
export async function startGatewayUnderTest(options: GatewayUnderTestOptions = {}): Promise<GatewayUnderTest> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'gateway-test-'));
  const connector = options.connector ?? (await FakeConnector.start());
  const config = loadConfig({
    PORT: '0',
    PLAYGROUND: 'off',
    DATA_DIR: dataDir,
    SNAPSHOT_INTERVAL_SECONDS: '3600',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // No Monday-morning surprises in a test that happens to run then; tests that want the timer turn it on.
    JOB_SCHEDULER: 'off',
    ...options.env,
  });
  const gateway = await startGateway(config, {
    logger: createLogger(config.logLevel, options.logDestination),
    ...(options.credentialsFactory === undefined ? {} : { credentialsFactory: options.credentialsFactory }),
    ...options.runtime,
  });
  const self: GatewayUnderTest = {
    gateway,
    connector,
    config,
    url: gateway.url,
    dataDir,
    async restart() {
      await gateway.close();
      return startGatewayUnderTest({ ...options, dataDir, connector });
    },
    async close() {
      await gateway.close();
      await connector.close();
    },
  };
  return self;
}
