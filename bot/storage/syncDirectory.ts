import { open } from 'node:fs/promises';

/**
 * Flushes a folder's entries: after creating, renaming or deleting a file, the name change itself is only durable
 * once its directory is synced (a crash could otherwise bring back a deleted journal segment, or lose a new one).
 */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
