import type { Container, ItemDefinition } from '@azure/cosmos';
import { appendFile, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/log';
import { createCosmosClient } from '../../bot/storage/cosmosClient';
import { openGatewayDatabase } from '../../bot/storage/database';
import type { GatewayContainers } from '../../bot/storage/database';
import { openDurableEmbeddedCosmos, SNAPSHOT_FILE_NAME } from '../../bot/storage/durableEmbeddedCosmos';
import { startEmbeddedCosmos } from '../../bot/storage/embeddedCosmos';
import type { EmbeddedWrite } from '../../bot/storage/embeddedWrites';
import type { SnapshotFile } from '../../bot/storage/snapshot';
import { saveCompacting } from '../../bot/storage/snapshotKeeper';
import { checkSchemaVersion } from '../../bot/storage/storedSchemaVersions';
import { JournalFileError, JournalWriter, listSegments, readJournal, segmentFileName } from '../../bot/storage/writeJournal';

const known = { knownContainers: ['state', 'projects'], checkDocument: checkSchemaVersion };
const silent = createLogger('silent');

function put(id: string, extra: Record<string, unknown> = {}, container = 'projects'): EmbeddedWrite {
  return { kind: 'put', container, id, partitionKey: ['p1'], documentJson: JSON.stringify({ id, projectId: 'p1', ...extra }) };
}

async function ids(container: Container): Promise<string[]> {
  const { resources } = await container.items.query<ItemDefinition>('SELECT c.id FROM c').fetchAll();
  return resources.map((doc) => String(doc.id)).sort();
}

/** A journaled embedded server without the orchestration around it, so a test can stop it as a crash would: no final save. */
async function journaledServer(dir: string): Promise<{ containers: GatewayContainers; writer: JournalWriter; crash(): Promise<void> }> {
  const writer = await JournalWriter.open(dir, { segment: 1, lastSeq: 0 });
  const cosmos = await startEmbeddedCosmos({ beforeWriteReply: (writes) => writer.append(writes) });
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
  const containers = await openGatewayDatabase(client, 'gateway');
  return {
    containers,
    writer,
    crash: async () => {
      client.dispose();
      await cosmos.close();
      await writer.close();
    },
  };
}

describe('the write journal', () => {
  const dirs: string[] = [];
  const newDir = async (): Promise<string> => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gateway-journal-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('when the last record is torn, then it is dropped with a warning and the records before it are kept', async () => {
    const dir = await newDir();
    const writer = await JournalWriter.open(dir, { segment: 1, lastSeq: 0 });
    await writer.append([put('a')]);
    await writer.append([put('b'), put('c')]);
    await writer.close();
    const file = path.join(dir, segmentFileName(1));
    // A crash mid-append: the last record lost its end (and its newline).
    await truncate(file, (await stat(file)).size - 7);
    const torn = await readJournal(dir, known);
    expect(torn.records.map((record) => record.id)).toEqual(['a', 'b']);
    expect(torn.lastSeq).toBe(2);
    expect(torn.warnings).toHaveLength(1);
    expect(torn.warnings[0]).toMatch(/cosmos-journal-000001\.log: dropped a torn last record/);

    // A power cut can also leave the end of the file zero-filled.
    await appendFile(file, Buffer.alloc(300));
    const zeroed = await readJournal(dir, known);
    expect(zeroed.records.map((record) => record.id)).toEqual(['a', 'b']);
    expect(zeroed.warnings).toHaveLength(1);
  });

  it('when a record in the middle is damaged, then the journal is refused naming the file, and the file is left as it was', async () => {
    const dir = await newDir();
    const writer = await JournalWriter.open(dir, { segment: 1, lastSeq: 0 });
    await writer.append([put('a'), put('b'), put('c')]);
    await writer.close();
    const file = path.join(dir, segmentFileName(1));
    const before = await readFile(file, 'utf8');
    await writeFile(file, before.replace('"id":"b"', '"id":"B"'), 'utf8');
    const damaged = await readFile(file, 'utf8');
    const refusal = readJournal(dir, known);
    await expect(refusal).rejects.toBeInstanceOf(JournalFileError);
    await expect(readJournal(dir, known)).rejects.toThrow(`Journal file ${file} is unusable: line 3 is damaged`);
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });

  it('when the journal was written by a newer Gateway (version, container or schema), then it is refused with the reason', async () => {
    const dir = await newDir();
    const writer = await JournalWriter.open(dir, { segment: 1, lastSeq: 0 });
    await writer.append([put('a', { type: 'gateway', schemaVersion: 2 })]);
    await writer.close();
    await expect(readJournal(dir, known)).rejects.toThrow(/cosmos-journal-000001\.log is unusable: it holds a "gateway" document with schemaVersion 2, newer than this Gateway reads \(1\)/);

    const other = await newDir();
    const second = await JournalWriter.open(other, { segment: 1, lastSeq: 0 });
    await second.append([put('x', {}, 'staff')]);
    await second.close();
    await expect(readJournal(other, known)).rejects.toThrow(/it holds writes to container "staff", which this Gateway does not know/);

    const third = await newDir();
    const header = JSON.stringify({ format: 'gateway-embedded-cosmos-journal', version: 2 });
    const { crc32 } = await import('node:zlib');
    await writeFile(path.join(third, segmentFileName(4)), `${crc32(header).toString(16).padStart(8, '0')} ${header}\n`, 'utf8');
    await expect(readJournal(third, known)).rejects.toThrow(/it is journal version 2, and this Gateway reads version 1/);
  });

  it('when writes arrive together, then they share one fsync (group commit) and keep their order', async () => {
    const dir = await newDir();
    const writer = await JournalWriter.open(dir, { segment: 1, lastSeq: 10 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer.append([put(`d${i}`)])));
    expect(writer.stats().records).toBe(50);
    expect(writer.stats().syncs).toBeLessThan(50);
    await writer.close();
    const { records } = await readJournal(dir, known);
    expect(records.map((record) => record.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 11 + i));
    expect(records.map((record) => record.id)).toEqual(Array.from({ length: 50 }, (_, i) => `d${i}`));
  });

  it('when a snapshot is saved, then the segments it covers are deleted, and after a crash the snapshot plus the rest of the journal hold every write', async () => {
    const dir = await newDir();
    const server = await journaledServer(dir);
    const { projects, state } = server.containers;
    await projects.items.create({ id: 'kept', projectId: 'p1', v: 1 });
    await projects.items.create({ id: 'deleted-later', projectId: 'p1' });
    await projects.items.create({ id: 'recreated', projectId: 'p2' });
    await state.items.upsert({ id: 's1', realId: 's1', document: { n: 1 } });
    await saveCompacting([state, projects], path.join(dir, SNAPSHOT_FILE_NAME), server.writer);
    expect(await listSegments(dir)).toEqual([2]);
    const snapshot = JSON.parse(await readFile(path.join(dir, SNAPSHOT_FILE_NAME), 'utf8')) as SnapshotFile;
    expect(snapshot.journalSeq).toBe(4);

    await projects.item('kept', 'p1').replace({ id: 'kept', projectId: 'p1', v: 2 });
    await projects.item('kept', 'p1').patch([{ op: 'set', path: '/patched', value: true }]);
    await projects.item('deleted-later', 'p1').delete();
    await projects.item('recreated', 'p2').delete();
    await projects.items.create({ id: 'recreated', projectId: 'p2', again: true });
    await projects.items.upsert({ id: 'new', projectId: 'p3' });
    await server.crash();

    const reopened = await openDurableEmbeddedCosmos({ dataDir: dir, databaseId: 'gateway', snapshotIntervalMs: 3_600_000, logger: silent });
    try {
      const { projects: after } = reopened.containers;
      expect(await ids(after)).toEqual(['kept', 'new', 'recreated']);
      const { resource: kept } = await after.item('kept', 'p1').read<{ v: number; patched: boolean }>();
      expect(kept).toMatchObject({ v: 2, patched: true });
      const { resource: recreated } = await after.item('recreated', 'p2').read<{ again: boolean }>();
      expect(recreated?.again).toBe(true);
      // Start-up folded the replayed records into a new snapshot and dropped the old segments.
      expect(await listSegments(dir)).toEqual([4]);
    } finally {
      await reopened.close();
    }
  });

  it('when the crash came after the snapshot was saved but before its segments were deleted, then the replay skips what the snapshot holds', async () => {
    const dir = await newDir();
    const server = await journaledServer(dir);
    const { projects, state } = server.containers;
    await projects.items.create({ id: 'a', projectId: 'p1', v: 1 });
    await projects.items.create({ id: 'b', projectId: 'p1' });
    await projects.item('b', 'p1').delete();
    // The snapshot covers all three records, but the segments stay, as if the process died before compacting.
    await saveCompacting([state, projects], path.join(dir, SNAPSHOT_FILE_NAME), { rotate: () => server.writer.rotate(), compact: () => Promise.resolve() });
    await projects.item('a', 'p1').replace({ id: 'a', projectId: 'p1', v: 2 });
    await server.crash();
    expect(await listSegments(dir)).toEqual([1, 2]);

    for (let start = 0; start < 2; start += 1) {
      const reopened = await openDurableEmbeddedCosmos({ dataDir: dir, databaseId: 'gateway', snapshotIntervalMs: 3_600_000, logger: silent });
      try {
        expect(await ids(reopened.containers.projects)).toEqual(['a']);
        const { resource } = await reopened.containers.projects.item('a', 'p1').read<{ v: number }>();
        expect(resource?.v).toBe(2);
      } finally {
        await reopened.close();
      }
    }
  });

  it('when documents are written in a bulk request, then its creates, upserts and deletes are journaled too', async () => {
    const dir = await newDir();
    const server = await journaledServer(dir);
    const { projects } = server.containers;
    await projects.items.create({ id: 'to-delete', projectId: 'p1' });
    const results = await projects.items.executeBulkOperations([
      { operationType: 'Create', resourceBody: { id: 'bulk-1', projectId: 'p1' }, partitionKey: 'p1' },
      { operationType: 'Upsert', resourceBody: { id: 'bulk-2', projectId: 'p2' }, partitionKey: 'p2' },
      { operationType: 'Delete', id: 'to-delete', partitionKey: 'p1' },
    ]);
    expect(results.map((result) => result.response?.statusCode)).toEqual([201, 201, 204]);
    await server.crash();
    const { records } = await readJournal(dir, known);
    expect(records.map((record) => `${record.op} ${record.id}`)).toEqual(['put to-delete', 'put bulk-1', 'put bulk-2', 'delete to-delete']);
    expect(records[3]?.partitionKey).toEqual(['p1']);
  });

  it('when the journal is listed, then only its own segment files count', async () => {
    const dir = await newDir();
    await writeFile(path.join(dir, 'cosmos-journal-notes.txt'), 'not a segment', 'utf8');
    const writer = await JournalWriter.open(dir, { segment: 7, lastSeq: 0 });
    await writer.close();
    expect(await listSegments(dir)).toEqual([7]);
    expect((await readdir(dir)).sort()).toEqual(['cosmos-journal-000007.log', 'cosmos-journal-notes.txt']);
  });
});
