import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StorageConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { DataFolderLockedError, LOCK_FILE_NAME } from '../../bot/storage/dataFolderLock';
import { CosmosOperationCounter } from '../../bot/storage/operationCounter';
import { openStorage } from '../../bot/storageRuntime';

const deps = { logger: createLogger('silent'), counter: new CosmosOperationCounter() };

function embedded(dataDir: string): StorageConfig {
  return { kind: 'embedded', databaseId: 'gateway', dataDir, snapshotIntervalMs: 3_600_000 };
}

/** A real other process, alive until `stop()`: its pid in a lock file is a Gateway that still runs. */
async function otherProcess(): Promise<{ pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  await new Promise<void>((resolve) => child.once('spawn', () => resolve()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid as number,
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

describe('the data folder lock', () => {
  const dirs: string[] = [];
  const newDir = async (): Promise<string> => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gateway-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('when a second store opens a data folder that one has open, then it is refused in one line and the first keeps working', async () => {
    const dir = await newDir();
    const first = await openStorage(embedded(dir), deps);
    try {
      await first.containers.projects.items.upsert({ id: 'd1', projectId: 'p1' });
      const second = openStorage(embedded(dir), deps);
      await expect(second).rejects.toBeInstanceOf(DataFolderLockedError);
      const error = await second.then(
        () => new Error('opened'),
        (err: unknown) => err as Error,
      );
      expect(error.message).toContain(`The data folder ${dir} is in use by another Gateway (process ${process.pid})`);
      expect(error.message).not.toContain('\n');
      await first.containers.projects.items.upsert({ id: 'd2', projectId: 'p1' });
    } finally {
      await first.close();
    }
    // Closing released it: the folder opens again, with both documents.
    const again = await openStorage(embedded(dir), deps);
    try {
      const { resources } = await again.containers.projects.items.query('SELECT VALUE c.id FROM c').fetchAll();
      expect((resources as string[]).sort()).toEqual(['d1', 'd2']);
    } finally {
      await again.close();
    }
  });

  it('when the lock names a process that still runs, then the store refuses and leaves the lock alone', async () => {
    const dir = await newDir();
    const other = await otherProcess();
    try {
      const lock = JSON.stringify({ pid: other.pid, token: 'theirs' });
      await writeFile(path.join(dir, LOCK_FILE_NAME), lock, 'utf8');
      await expect(openStorage(embedded(dir), deps)).rejects.toThrow(`in use by another Gateway (process ${other.pid})`);
      expect(await readFile(path.join(dir, LOCK_FILE_NAME), 'utf8')).toBe(lock);
    } finally {
      await other.stop();
    }
  });

  it('when the lock was left by a process that no longer runs (a kill -9), then the store takes it over', async () => {
    const dir = await newDir();
    const other = await otherProcess();
    await other.stop();
    await writeFile(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: other.pid, token: 'dead' }), 'utf8');
    const storage = await openStorage(embedded(dir), deps);
    try {
      const holder = JSON.parse(await readFile(path.join(dir, LOCK_FILE_NAME), 'utf8')) as { pid: number };
      expect(holder.pid).toBe(process.pid);
    } finally {
      await storage.close();
    }
  });
});
