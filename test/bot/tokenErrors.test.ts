import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, TEST_TENANT } from '../harness/activities';
import { OpenIdServer } from '../harness/openIdServer';

const root = path.resolve(__dirname, '../..');
const APP_ID = '11111111-2222-4333-8444-555555555555';
/** Any loopback service URL: no request in this file gets as far as replying. */
const SERVICE_URL = 'http://127.0.0.1:9/';

/** What the SDK prints on a failed token check when left alone: the key it tried, the jsonwebtoken error and its stack. */
const SDK_NOISE = [/Available keys/, /BEGIN (RSA )?PUBLIC KEY/, /JsonWebTokenError/, /TokenExpiredError/, /^\s+at /m, /FetchError/, /ECONNREFUSED/];

interface BotProcess {
  readonly url: string;
  readonly stderr: () => string;
  readonly stdout: () => string;
  stop(): Promise<void>;
}

/** The bot as `npm start` runs it (its own process, so its stderr is exactly what an operator would see). */
async function startBotProcess(openIdMetadataUrl: string): Promise<BotProcess> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bot/index.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      PLAYGROUND: 'off',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'gateway-token-')),
      LOG_LEVEL: 'debug',
      BOT_ID: APP_ID,
      BOT_PASSWORD: 'not-used-outbound-in-tests',
      BOT_TENANT_ID: TEST_TENANT,
      BOT_OPENID_METADATA_URL: openIdMetadataUrl,
      ALLOWED_TENANT_IDS: TEST_TENANT,
      ALLOWED_SERVICE_URL_HOSTS: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 100_000;
  let match: RegExpExecArray | null = null;
  while (!(match = /listening on (http:\/\/127\.0\.0\.1:\d+)\/api\/messages/.exec(stdout)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!match) {
    child.kill('SIGKILL');
    throw new Error(`the bot did not start:\n${stdout}\n${stderr}`);
  }
  return {
    url: match[1]!,
    stderr: () => stderr,
    stdout: () => stdout,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function post(url: string, token: string): Promise<{ status: number; retryAfter: string | null; body: string }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(messageActivity({ serviceUrl: SERVICE_URL, text: 'help' })),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
}

/** A port that was free a moment ago: nothing answers there, like a key server that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function expectNoSdkNoise(stderr: string): void {
  for (const pattern of SDK_NOISE) expect(stderr, `stderr holds ${String(pattern)}:\n${stderr}`).not.toMatch(pattern);
}

describe('failed token checks (the bot in its own process, so its stderr is what an operator sees)', () => {
  let openId: OpenIdServer;
  /** One bot with a working key server, one whose key server cannot be reached; started side by side. */
  let bot: BotProcess;
  let keyless: BotProcess;
  beforeAll(async () => {
    openId = await OpenIdServer.start();
    const unreachable = `http://127.0.0.1:${await closedPort()}/.well-known/openid-configuration`;
    [bot, keyless] = await Promise.all([startBotProcess(openId.metadataUrl), startBotProcess(unreachable)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([bot.stop(), keyless.stop()]);
    await openId.close();
  });

  it('when tokens are forged or expired, then each gets 401, stderr stays clean, and the SDK’s lines are in the debug log', async () => {
    const forged = await post(bot.url, openId.signToken({ audience: APP_ID, serviceUrl: SERVICE_URL, forged: true }));
    const expired = await post(bot.url, openId.signToken({ audience: APP_ID, serviceUrl: SERVICE_URL, expiresInSeconds: -3600 }));
    expect([forged.status, expired.status]).toEqual([401, 401]);
    expectNoSdkNoise(bot.stderr());
    const authLines = bot
      .stdout()
      .split('\n')
      .filter((line) => line.includes('"module":"auth"'))
      .map((line) => JSON.parse(line) as { level: number });
    expect(authLines.length).toBeGreaterThan(0);
    expect(authLines.every((line) => line.level === 20)).toBe(true);
  });

  it('when a forged token arrives while the key server cannot be reached, then it gets 503 with Retry-After (never 500), and stderr stays clean', async () => {
    const result = await post(keyless.url, openId.signToken({ audience: APP_ID, serviceUrl: SERVICE_URL, forged: true }));
    expect(result.status).toBe(503);
    expect(Number(result.retryAfter)).toBeGreaterThan(0);
    expect(result.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    expectNoSdkNoise(keyless.stderr());
  });
});
