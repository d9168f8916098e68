import type { Storage } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPreconditionFailed } from '../../bot/storage/cosmosErrors';
import type { StateDocument } from '../../bot/storage/cosmosStateStorage';
import { CosmosStateStorage } from '../../bot/storage/cosmosStateStorage';
import { MAX_STATE_DOCUMENT_ID_LENGTH, stateDocumentId } from '../../bot/storage/stateDocumentId';
import type { CosmosFixture } from './cosmosFixture';
import { startCosmosFixture } from './cosmosFixture';

const teamsKey = 'msteams/conversations/19:abc-DEF_1@thread.tacv2;messageid=1700000000000/users/29:1xYz?#\\*';

describe('CosmosStateStorage', () => {
  let fixture: CosmosFixture;
  let storage: Storage;

  beforeAll(async () => {
    fixture = await startCosmosFixture('state');
    storage = new CosmosStateStorage(fixture.containers.state);
  });

  afterAll(async () => {
    await fixture.close();
  });

  async function readOne(key: string): Promise<Record<string, unknown> | undefined> {
    const items = await storage.read([key]);
    return items[key] as Record<string, unknown> | undefined;
  }

  it('when state is written, then reading it returns the same values and an eTag', async () => {
    await storage.write({ 'round/trip': { dialogStack: [{ id: 'ask', state: { step: 2 } }], count: 3 } });
    const item = await readOne('round/trip');
    expect(item).toMatchObject({ dialogStack: [{ id: 'ask', state: { step: 2 } }], count: 3 });
    expect(typeof item?.eTag).toBe('string');
    expect(item?.eTag).not.toBe('');
  });

  it('when a key is missing, then read returns no entry for it', async () => {
    const items = await storage.read(['never/written']);
    expect(items).toEqual({});
    expect('never/written' in items).toBe(false);
  });

  it('when several keys are read at once, then only the existing ones come back', async () => {
    await storage.write({ 'multi/a': { n: 1 }, 'multi/b': { n: 2 } });
    const items = await storage.read(['multi/a', 'multi/b', 'multi/missing']);
    expect(Object.keys(items).sort()).toEqual(['multi/a', 'multi/b']);
    expect(items['multi/b']).toMatchObject({ n: 2 });
  });

  it('when a Teams key holds / \\ ? # and *, then it is stored under a legal id and read back', async () => {
    await storage.write({ [teamsKey]: { who: 'teams' } });
    expect(await readOne(teamsKey)).toMatchObject({ who: 'teams' });
    const { resource } = await fixture.containers.state.item(stateDocumentId(teamsKey), stateDocumentId(teamsKey)).read<StateDocument>();
    expect(resource?.realId).toBe(teamsKey);
    expect(resource?.id).not.toMatch(/[/\\?#]/);
  });

  it('when two keys differ only by an escaped character, then they do not share a document', async () => {
    expect(stateDocumentId('a/b')).not.toBe(stateDocumentId('a*2fb'));
    await storage.write({ 'a/b': { which: 'slash' }, 'a*2fb': { which: 'literal' } });
    expect(await readOne('a/b')).toMatchObject({ which: 'slash' });
    expect(await readOne('a*2fb')).toMatchObject({ which: 'literal' });
  });

  it('when a key is 300 characters long, then it is hashed deterministically and read back', async () => {
    const longKey = `msteams/conversations/${'x'.repeat(278)}`;
    expect(longKey).toHaveLength(300);
    const id = stateDocumentId(longKey);
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stateDocumentId(longKey)).toBe(id);
    expect(id.length).toBeLessThanOrEqual(MAX_STATE_DOCUMENT_ID_LENGTH);
    await storage.write({ [longKey]: { long: true } });
    expect(await readOne(longKey)).toMatchObject({ long: true });
  });

  it('when a key escapes to just over 255 characters, then it is hashed too', () => {
    const key = `${'k'.repeat(250)}///`;
    expect(key.length).toBeLessThanOrEqual(255);
    expect(stateDocumentId(key)).toMatch(/^sha256:/);
  });

  it('when the stored eTag is given, then the write succeeds; when a stale one is given, then it fails with 412', async () => {
    await storage.write({ 'etag/key': { v: 1 } });
    const first = await readOne('etag/key');
    await storage.write({ 'etag/key': { ...first, v: 2 } });

    const stale = storage.write({ 'etag/key': { ...first, v: 3 } });
    await expect(stale).rejects.toSatisfy(isPreconditionFailed);
    expect(await readOne('etag/key')).toMatchObject({ v: 2 });

    const current = await readOne('etag/key');
    await storage.write({ 'etag/key': { ...current, v: 4 } });
    expect(await readOne('etag/key')).toMatchObject({ v: 4 });
  });

  it('when the eTag is "*", then the write overwrites whatever is stored', async () => {
    await storage.write({ 'star/key': { v: 1 } });
    await storage.write({ 'star/key': { v: 2 } });
    await storage.write({ 'star/key': { v: 3, eTag: '*' } });
    expect(await readOne('star/key')).toMatchObject({ v: 3 });
  });

  it('when the eTag is written, then it is not stored inside the document', async () => {
    await storage.write({ 'no/etag/inside': { v: 1, eTag: '*' } });
    const id = stateDocumentId('no/etag/inside');
    const { resource } = await fixture.containers.state.item(id, id).read<StateDocument>();
    expect(resource?.document).toEqual({ v: 1 });
  });

  it('when one of several writes is stale, then the others still land and the stale one is reported', async () => {
    await storage.write({ 'batch/a': { v: 1 }, 'batch/b': { v: 1 } });
    const a = await readOne('batch/a');
    await storage.write({ 'batch/a': { ...a, v: 2 } });
    await expect(storage.write({ 'batch/a': { ...a, v: 3 }, 'batch/b': { v: 5 } })).rejects.toSatisfy(isPreconditionFailed);
    expect(await readOne('batch/a')).toMatchObject({ v: 2 });
    expect(await readOne('batch/b')).toMatchObject({ v: 5 });
  });

  it('when a key is deleted, then reading it returns nothing, and deleting it again is fine', async () => {
    await storage.write({ 'gone/key': { v: 1 } });
    await storage.delete(['gone/key']);
    expect(await storage.read(['gone/key'])).toEqual({});
    await expect(storage.delete(['gone/key', 'never/existed'])).resolves.toBeUndefined();
  });

  it('when a state value is not an object, then the write is refused', async () => {
    await expect(storage.write({ 'bad/value': 'text' })).rejects.toThrow(TypeError);
  });
});
