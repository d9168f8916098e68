import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { OutputTail } from './outputTail';

export { writePlaygroundConfig, renderPlaygroundConfig, PLAYGROUND_CONFIG_FILE } from './playgroundConfig';
export type { PlaygroundConfigOptions, PlaygroundPerson } from './playgroundConfig';

/** A running Microsoft 365 Agents Playground. */
export type Playground = {
  /** Base URL of its web UI and internal API, e.g. `http://127.0.0.1:56150`. */
  url: string;
  /** The port it really listens on (it falls back to a free one when the asked port is taken). */
  port: number;
  /** Stops it (SIGTERM, then SIGKILL after a grace period); resolves once the process has exited. */
  stop(): Promise<void>;
};

export type StartPlaygroundOptions = {
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  botEndpoint: string;
  /** Port to ask for; 0 lets the operating system pick a free one. Default 56150, the playground's own. */
  port?: number;
  /** Working directory: where it reads `.m365agentsplayground.yml` and writes `devTools/m365agentsplayground.log`. */
  cwd?: string;
  logger?: Logger;
  /** Environment for the child; defaults to this process's. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for it to serve its API. Default 30 s (a cold start takes 1–3 s here). */
  startTimeoutMs?: number;
};

export const DEFAULT_PLAYGROUND_PORT = 56150;
const DEFAULT_START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;
const READY_POLL_MS = 100;
const PACKAGE = '@microsoft/m365agentsplayground';

/**
 * Starts the Agents Playground as a child process and resolves once its API answers.
 *
 * Why not resolve on "Listening on N": the playground prints that before it loads its config,
 * and with a bad `.m365agentsplayground.yml` it then exits with the reason only in its log file.
 * So readiness is "GET /_internal/v1/config answers 200", and an early exit is reported with the
 * tail of its output and the new part of its log.
 *
 * Why spawn the package's own bin with `node` rather than `npx`: npx may try the registry, and
 * the pinned devDependency is what the tests were verified against.
 */
export async function startPlayground(options: StartPlaygroundOptions): Promise<Playground> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), TEAMSAPPTESTER_BROWSER: 'none' };
  const logPath = playgroundLogPath(cwd, env);
  const startedAt = Date.now();
  const askedPort = options.port ?? DEFAULT_PLAYGROUND_PORT;
  const log = options.logger?.child({ module: 'playground' });

  const child = spawn(
    process.execPath,
    ['--disable-warning=DEP0111', '-r', join(__dirname, 'loopbackListen.cjs'), playgroundCliPath(), '-e', options.botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(askedPort)],
    { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = new OutputTail();
  child.stdout?.on('data', (chunk: Buffer) => output.append(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.append(chunk.toString('utf8')));
  const exited = waitForExit(child);
  const killOnParentExit = (): void => {
    child.kill('SIGKILL');
  };
  // An orphaned playground keeps its port; make sure it dies with the process that started it.
  process.once('exit', killOnParentExit);

  const stop = once(async () => {
    process.removeListener('exit', killOnParentExit);
    await terminate(child, exited);
    log?.info({ childPid: child.pid }, 'playground stopped');
  });

  try {
    const port = await waitUntilReady(output, exited, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    if (askedPort !== 0 && port !== askedPort) {
      log?.warn({ askedPort, port }, 'playground port was taken; it fell back to another');
    }
    log?.info({ childPid: child.pid, port }, 'playground ready');
    return { url: `http://127.0.0.1:${port}`, port, stop };
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    const logTail = await readLogTail(logPath, startedAt);
    throw new Error(
      [
        `Agents Playground did not start: ${reason}`,
        `Its output:\n${output.text().trimEnd() || '(none)'}`,
        `Its log (${logPath}):\n${logTail || '(not written by this run)'}`,
      ].join('\n'),
      { cause: error },
    );
  }
}

/** The CLI script named by the package's `bin`, found through Node's resolver from this file. */
function playgroundCliPath(): string {
  const manifestPath = require.resolve(`${PACKAGE}/package.json`);
  const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = isRecord(manifest) && isRecord(manifest.bin) ? manifest.bin.agentsplayground : undefined;
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : 'cli.js');
}

/** Where the playground writes its log: its env overrides, else `devTools/` under its cwd. */
function playgroundLogPath(cwd: string, env: NodeJS.ProcessEnv): string {
  const override = env.M365_AGENTS_PLAYGROUND_LOGFILE ?? env.TEAMSAPPTESTER_LOGFILE;
  return override ? resolve(cwd, override) : join(cwd, 'devTools', 'm365agentsplayground.log');
}

type Exit = { code: number | null; signal: NodeJS.Signals | null };

function waitForExit(child: ChildProcess): Promise<Exit> {
  return new Promise((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
    child.once('error', () => resolveExit({ code: null, signal: null }));
  });
}

/** Resolves with the port once the API answers; rejects on exit or timeout. */
async function waitUntilReady(output: OutputTail, exited: Promise<Exit>, timeoutMs: number): Promise<number> {
  let hasExited: Exit | undefined;
  void exited.then((exit) => {
    hasExited = exit;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) {
      throw new Error(`it exited early (code ${String(hasExited.code)}, signal ${String(hasExited.signal)})`);
    }
    const port = listeningPort(output.text());
    if (port !== undefined && (await answers(`http://127.0.0.1:${port}/_internal/v1/config`))) {
      return port;
    }
    await delay(READY_POLL_MS);
  }
  throw new Error(`it was not ready within ${timeoutMs} ms`);
}

/** The port from the last complete "Listening on N" line (a fallback port is what it really uses). */
function listeningPort(text: string): number | undefined {
  const matches = [...text.matchAll(/Listening on (\d+)\r?\n/g)];
  const last = matches.at(-1)?.[1];
  return last === undefined ? undefined : Number(last);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

async function terminate(child: ChildProcess, exited: Promise<Exit>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The last lines of the playground's log, if this run wrote it: the playground deletes and
 * rewrites the file at each start, and that is the only place it says why it quit.
 */
async function readLogTail(path: string, startedAt: number): Promise<string> {
  try {
    const { mtimeMs } = await stat(path);
    if (mtimeMs < startedAt - 1_000) {
      return '';
    }
    const lines = (await readFile(path, 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('debug '));
    return lines.slice(-15).join('\n');
  } catch {
    return '';
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
