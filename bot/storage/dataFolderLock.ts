import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'gateway.lock';

/** Another Gateway holds the data folder; the message is one line for the person starting this one. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dir} is in use by another Gateway (process ${pid}); stop it or wait for it to finish saving, then start again. ` +
        `If no Gateway is running, delete ${path.join(dir, LOCK_FILE_NAME)}.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  /** Removes the lock file (if it is still this lock's); safe to call more than once. */
  release(): Promise<void>;
}

interface LockContent {
  readonly pid: number;
  readonly token: string;
}

/** Lock files this process holds, so a second open in the same process is refused although its pid is alive. */
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: unknown) {
    // EPERM: it runs, under another user.
    return (err as { code?: unknown }).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<LockContent | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown; token?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.token === 'string' ? { pid: parsed.pid, token: parsed.token } : undefined;
  } catch (err: unknown) {
    if ((err as { code?: unknown }).code === 'ENOENT') return undefined;
    // Unreadable content cannot name a live holder: the lock file is written whole before it appears (see below).
    return { pid: 0, token: '' };
  }
}

/** A lock whose process no longer runs; our own pid counts only if this process does not hold it (pid reuse after a restart). */
function isStale(file: string, holder: LockContent): boolean {
  if (holder.pid === process.pid) return !heldHere.has(file);
  return holder.pid <= 0 || !isRunning(holder.pid);
}

/**
 * Takes the data folder for this process: `gateway.lock` holding its pid. The file is written in full under a
 * temporary name and hard-linked into place, which fails if a lock exists, so no one ever reads a half-written
 * lock. A lock left by a process that no longer runs (a kill -9, a power cut) is taken over; one whose process runs
 * refuses with `DataFolderLockedError`. Two instances taking over the same stale lock at the same instant could both
 * succeed; that needs two starts within microseconds of each other after a crash, which a person does not do.
 */
export async function lockDataFolder(dir: string): Promise<DataFolderLock> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE_NAME);
  const content: LockContent = { pid: process.pid, token: randomUUID() };
  const temporary = path.join(dir, `${LOCK_FILE_NAME}.${content.token}.tmp`);
  await writeFile(temporary, `${JSON.stringify({ ...content, host: hostname(), since: new Date().toISOString() })}\n`, { mode: 0o600, flag: 'wx' });
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await link(temporary, file);
        break;
      } catch (err: unknown) {
        if ((err as { code?: unknown }).code !== 'EEXIST') throw err;
      }
      const holder = await readLock(file);
      if (holder === undefined) continue; // released meanwhile
      if (!isStale(file, holder) || attempt >= 2) throw new DataFolderLockedError(dir, holder.pid);
      // Remove the stale lock only if it is still the one judged stale.
      const again = await readLock(file);
      if (again?.token === holder.token) await unlink(file).catch(() => undefined);
    }
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  heldHere.add(file);

  let released: Promise<void> | undefined;
  return {
    release: () => {
      released ??= (async () => {
        heldHere.delete(file);
        const holder = await readLock(file);
        if (holder?.token === content.token) await unlink(file);
      })();
      return released;
    },
  };
}
