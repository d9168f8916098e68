import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotFile } from '../../bot/storage/snapshot';
import { startSnapshots } from '../../bot/storage/snapshotKeeper';
import type { CosmosFixture } from './cosmosFixture';
import { startCosmosFixture } from './cosmosFixture';

async function savedIds(file: string): Promise<string[]> {
  try {
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as SnapshotFile;
    return (snapshot.containers.projects ?? []).map((doc) => doc.id);
  } catch {
    return [];
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function capturingLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

describe('startSnapshots', () => {
  let fixture: CosmosFixture;
  let dir: string;

  beforeAll(async () => {
    fixture = await startCosmosFixture('keeper');
    dir = await mkdtemp(join(tmpdir(), 'gateway-keeper-'));
  });

  afterAll(async () => {
    await fixture.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when the interval passes, then the data is saved without being asked', async () => {
    const file = join(dir, 'periodic.json');
    const keeper = startSnapshots({ containers: [fixture.containers.projects], file, intervalMs: 40 });
    try {
      await fixture.containers.projects.items.upsert({ id: 'periodic-1', projectId: 'p1' });
      await waitFor(async () => (await savedIds(file)).includes('periodic-1'));
      await fixture.containers.projects.items.upsert({ id: 'periodic-2', projectId: 'p1' });
      await waitFor(async () => (await savedIds(file)).includes('periodic-2'));
    } finally {
      await keeper.stop();
    }
  });

  it('when stopped, then a final save captures the latest writes, once', async () => {
    const file = join(dir, 'final.json');
    const keeper = startSnapshots({ containers: [fixture.containers.projects], file, intervalMs: 60_000 });
    await fixture.containers.projects.items.upsert({ id: 'final-write', projectId: 'p2' });
    const stopping = keeper.stop();
    expect(keeper.stop()).toBe(stopping);
    await stopping;
    expect(await savedIds(file)).toContain('final-write');
  });

  it('when flushed several times at once, then every flush resolves and the file is complete', async () => {
    const file = join(dir, 'flush.json');
    const keeper = startSnapshots({ containers: [fixture.containers.projects], file, intervalMs: 60_000 });
    try {
      await fixture.containers.projects.items.upsert({ id: 'flushed', projectId: 'p3' });
      await Promise.all([keeper.flush(), keeper.flush(), keeper.flush()]);
      expect(await savedIds(file)).toContain('flushed');
    } finally {
      await keeper.stop();
    }
  });

  it('when a periodic save fails, then it is logged without document contents and the keeper keeps going', async () => {
    const blocker = join(dir, 'not-a-directory');
    await writeFile(blocker, 'x', 'utf8');
    const { logger, lines } = capturingLogger();
    await fixture.containers.projects.items.upsert({ id: 'secret-doc', projectId: 'p4', name: 'Dr Jane Example' });
    const keeper = startSnapshots({ containers: [fixture.containers.projects], file: join(blocker, 'snap.json'), intervalMs: 30, logger });
    await waitFor(async () => Promise.resolve(lines.filter((line) => line.msg === 'periodic snapshot save failed').length >= 2));
    await expect(keeper.flush()).rejects.toThrow();
    await expect(keeper.stop()).rejects.toThrow();
    expect(JSON.stringify(lines)).not.toContain('Dr Jane Example');
  });

  it('when the interval is not positive, then starting is refused', () => {
    expect(() => startSnapshots({ containers: [], file: join(dir, 'x.json'), intervalMs: 0 })).toThrow(RangeError);
  });
});
