import type { Container, ItemDefinition } from '@azure/cosmos';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot, saveSnapshot, SnapshotFileError } from '../../bot/storage/snapshot';
import { checkSchemaVersion } from '../../bot/storage/storedSchemaVersions';
import type { SnapshotFile } from '../../bot/storage/snapshot';
import type { CosmosFixture } from './cosmosFixture';
import { startCosmosFixture } from './cosmosFixture';

async function allDocuments(container: Container): Promise<Record<string, unknown>[]> {
  const { resources } = await container.items.query<ItemDefinition>('SELECT * FROM c').fetchAll();
  return resources
    .map(({ _rid, _self, _etag, _ts, _attachments, ...doc }) => doc)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

describe('snapshots', () => {
  let source: CosmosFixture;
  let dir: string;

  beforeAll(async () => {
    source = await startCosmosFixture('snapshot');
    dir = await mkdtemp(join(tmpdir(), 'gateway-snapshot-'));
    const { state, projects } = source.containers;
    await state.items.upsert({ id: 'conv*2fone', realId: 'conv/one', document: { dialogStack: [] } });
    for (let i = 0; i < 25; i += 1) {
      await projects.items.upsert({ id: `gw-${i}`, projectId: `p${i % 3}`, type: 'gateway', stage: { name: 'initiation', done: i % 2 === 0 }, tags: ['a', i] });
    }
    await projects.items.upsert({ id: 'orphan', type: 'no-partition-key' });
  });

  afterAll(async () => {
    await source.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when saved, then the file holds every document without system properties', async () => {
    const file = join(dir, 'nested', 'deeper', 'snapshot.json');
    const count = await saveSnapshot([source.containers.state, source.containers.projects], file);
    expect(count).toBe(27);
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as SnapshotFile;
    expect(snapshot.version).toBe(1);
    expect(Number.isNaN(Date.parse(snapshot.savedAt))).toBe(false);
    expect(snapshot.containers.state).toHaveLength(1);
    expect(snapshot.containers.projects).toHaveLength(26);
    const names = new Set(Object.values(snapshot.containers).flat().flatMap((doc) => Object.keys(doc)));
    for (const system of ['_rid', '_self', '_etag', '_ts', '_attachments']) expect(names.has(system)).toBe(false);
    expect((await readdir(join(dir, 'nested', 'deeper'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('when a snapshot is loaded into a new server, then its documents are identical', async () => {
    const file = join(dir, 'roundtrip.json');
    await saveSnapshot([source.containers.state, source.containers.projects], file);
    const target = await startCosmosFixture('snapshot-target');
    try {
      const loaded = await loadSnapshot([target.containers.state, target.containers.projects], file);
      expect(loaded).toBe(27);
      expect(await allDocuments(target.containers.projects)).toEqual(await allDocuments(source.containers.projects));
      expect(await allDocuments(target.containers.state)).toEqual(await allDocuments(source.containers.state));
      const { resource } = await target.containers.projects.item('gw-4', 'p1').read<{ stage: { done: boolean } }>();
      expect(resource?.stage.done).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('when the snapshot file does not exist, then loading restores nothing', async () => {
    await expect(loadSnapshot([source.containers.projects], join(dir, 'absent.json'))).resolves.toBe(0);
  });

  it('when the snapshot file is corrupt, then loading fails naming the file and leaves it in place', async () => {
    const file = join(dir, 'corrupt.json');
    await writeFile(file, '{"version":1,"containers":{"projects":[{"id":', 'utf8');
    const failure = loadSnapshot([source.containers.projects], file);
    await expect(failure).rejects.toBeInstanceOf(SnapshotFileError);
    await expect(loadSnapshot([source.containers.projects], file)).rejects.toThrow(file);
    expect((await stat(file)).size).toBeGreaterThan(0);
  });

  it('when the snapshot has another version or malformed documents, then loading fails clearly', async () => {
    const versioned = join(dir, 'v2.json');
    await writeFile(versioned, JSON.stringify({ version: 2, savedAt: '', containers: {} }), 'utf8');
    await expect(loadSnapshot([source.containers.projects], versioned)).rejects.toThrow(/unsupported version 2/);
    const malformed = join(dir, 'malformed.json');
    await writeFile(malformed, JSON.stringify({ version: 1, savedAt: '', containers: { projects: [{ projectId: 'p1' }] } }), 'utf8');
    await expect(loadSnapshot([source.containers.projects], malformed)).rejects.toThrow(/"projects".*string ids/);
  });

  it('when the snapshot holds a container this Gateway does not know, then loading refuses rather than dropping it at the next save', async () => {
    const file = join(dir, 'unknown-container.json');
    const content = JSON.stringify({ version: 1, savedAt: '', containers: { projects: [], staff: [{ id: 's1' }] } });
    await writeFile(file, content, 'utf8');
    await expect(loadSnapshot([source.containers.state, source.containers.projects], file)).rejects.toThrow(
      `Snapshot file ${file} is unusable: it holds container "staff", which this Gateway does not know (was it written by a newer one?)`,
    );
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('when the snapshot holds documents written with a newer schema, then loading refuses and names the document type, not its content', async () => {
    const cases = [
      [{ id: 'g', projectId: 'p1', type: 'gateway', schemaVersion: 2, secret: 'Dr Jane Smith' }, /"gateway" document with schemaVersion 2, newer than this Gateway reads \(1\)/],
      [{ id: 'q', projectId: 'p1', type: 'questionnaire-section', schemaVersion: 9 }, /"questionnaire-section" document with schemaVersion 9, newer than this Gateway reads \(1\)/],
      [{ id: 's', projectId: 'p1', type: 'staff-member', schemaVersion: 2, secret: 'Dr Jane Smith' }, /"staff-member" document with schemaVersion 2, newer than this Gateway reads \(1\)/],
      [{ id: 'r', projectId: 'p1', type: 'rollout-group', schemaVersion: 3 }, /"rollout-group" document with schemaVersion 3, newer than this Gateway reads \(1\)/],
    ] as const;
    for (const [doc, reason] of cases) {
      const file = join(dir, `newer-${doc.id}.json`);
      await writeFile(file, JSON.stringify({ version: 1, savedAt: '', containers: { projects: [doc] } }), 'utf8');
      const failure = await loadSnapshot([source.containers.projects], file, { checkDocument: checkSchemaVersion }).then(
        () => new Error('loaded'),
        (err: unknown) => err as Error,
      );
      expect(failure).toBeInstanceOf(SnapshotFileError);
      expect(failure.message).toMatch(reason);
      expect(failure.message).not.toContain('Jane');
    }
    // The current version, and documents without one (turn state), load as before.
    const current = join(dir, 'current.json');
    await writeFile(current, JSON.stringify({ version: 1, savedAt: '', containers: { projects: [{ id: 'ok', projectId: 'p9', type: 'gateway', schemaVersion: 1 }] } }), 'utf8');
    await expect(loadSnapshot([source.containers.projects], current, { checkDocument: checkSchemaVersion })).resolves.toBe(1);
  });
});
