import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_FILE_NAME } from '../../bot/storageRuntime';

const root = path.resolve(__dirname, '../..');

/** Runs `bot/index.ts` (what `npm start` runs) on a data folder until it exits by itself. */
async function start(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  // --no-deprecation: restify's warning about process.binding is not Gateway's to print, nor this test's to judge.
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'bot/index.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: '0', PLAYGROUND: 'off', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, stderr };
}

describe('npm start on a data folder written by a newer Gateway', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    [
      'a project document with a newer schemaVersion',
      { projects: [{ id: 'project', projectId: 'p1', type: 'project', schemaVersion: 2 }] },
      /it holds a "project" document with schemaVersion 2, newer than this Gateway reads \(1\)/,
    ],
  ])('when the snapshot holds %s, then it refuses to start in one line naming the file, exits non-zero and leaves the file untouched', async (_what, containers, reason) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'gateway-refusal-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, SNAPSHOT_FILE_NAME);
    const content = JSON.stringify({ version: 1, savedAt: '2026-11-30T09:00:00.000Z', containers });
    await writeFile(file, content, 'utf8');
    const before = await stat(file);

    const { code, stderr } = await start(dataDir);

    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toContain(`Gateway failed to start: Snapshot file ${file} is unusable: `);
    expect(lines[0]).toMatch(reason);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(await readFile(file, 'utf8')).toBe(content);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  }, 40_000);
});
