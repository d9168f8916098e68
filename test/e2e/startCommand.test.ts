import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FILE_NAME } from '../../bot/storageRuntime';

const root = path.resolve(__dirname, '../..');
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** A package.json script that runs `node …`, as the arguments to give this Node (npm itself would add nothing). */
function nodeArgsOf(script: string): string[] {
  const [command, ...args] = script.split(/\s+/);
  expect(command, script).toBe('node');
  return args;
}

describe('the start scripts', () => {
  it.each(['start', 'start:prod'])('when %s runs, then Node is told to hide restify’s DEP0111 deprecation, and only that one', (name) => {
    const args = nodeArgsOf(scripts[name] ?? '');
    expect(args.filter((a) => a.startsWith('--disable-warning') || a.startsWith('--no-warnings') || a.startsWith('--no-deprecation'))).toEqual(['--disable-warning=DEP0111']);
  });
});

describe('npm start (bot/index.ts)', () => {
  it('when started with no settings, then bot, embedded Cosmos and playground come up with no deprecation warning, and SIGTERM stops all cleanly', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gateway-start-'));
    const child = spawn(process.execPath, nodeArgsOf(scripts.start ?? ''), {
      cwd: root,
      env: { PATH: process.env.PATH, PORT: '0', PLAYGROUND_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      let match: RegExpExecArray | null = null;
      while (!(match = /Open (http:\/\/127\.0\.0\.1:\d+) in your browser/.exec(stdout)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(match, `no address printed; output so far:\n${stdout}`).not.toBeNull();
      const playgroundUrl = match![1]!;
      expect((await fetch(playgroundUrl)).status).toBe(200);
      expect(stderr).not.toContain('DEP0111');
      expect(stderr).not.toContain('DeprecationWarning');

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(path.join(dataDir, SNAPSHOT_FILE_NAME))).toBe(true);
      await expect(fetch(playgroundUrl)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
    }
  }, 45_000);
});
