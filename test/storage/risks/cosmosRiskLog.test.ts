import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskEntry, RiskHistoryEntry } from '../../../bot/migration/risks/riskEntry';
import { riskListRank } from '../../../bot/migration/risks/riskOrder';
import { CosmosOperationCounter } from '../../../bot/storage/operationCounter';
import { CosmosRiskRepository } from '../../../bot/storage/risks/cosmosRiskRepository';
import { riskDocumentId, riskHistoryPageId, type RiskDocument, type RiskHistoryPageDocument } from '../../../bot/storage/risks/riskDocuments';
import { aRisk, added } from '../../unit/risks/riskRepositoryContract';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';

const priyaRef = { id: '29:priya', name: 'Priya Shah' };

describe('the risks log on Cosmos', () => {
  let fixture: CosmosFixture;
  let risks: CosmosRiskRepository;
  const counter = new CosmosOperationCounter();

  beforeAll(async () => {
    fixture = await startCosmosFixture('risk-log', counter);
    risks = new CosmosRiskRepository(fixture.containers.projects, { inlineHistoryLimit: 4, historyPageSize: 2 });
  });

  afterAll(async () => {
    await fixture.close();
  });

  function line(i: number): RiskHistoryEntry {
    return { at: `2026-11-25T10:${String(i).padStart(2, '0')}:00.000Z`, by: priyaRef, change: 'edited', field: 'title', before: `t${i}`, after: `t${i + 1}` };
  }

  async function editTimes(entry: RiskEntry, times: number): Promise<void> {
    for (let i = 0; i < times; i += 1) {
      await risks.tryUpdate(entry.projectId, entry.riskId, (e) => ({ entry: { ...e, title: `t${i + 1}`, version: e.version + 1 }, history: [line(i)] }));
    }
  }

  async function raw(entry: RiskEntry): Promise<RiskDocument> {
    const { resource } = await fixture.containers.projects.item(riskDocumentId(entry.riskId), entry.projectId).read<RiskDocument>();
    if (!resource) throw new Error('risk document missing');
    return resource;
  }

  it('when a log of 300 entries is listed in pages of 10, then every entry appears once, in order, at one query per page', async () => {
    const projectId = `p-${randomUUID()}`;
    const entries = Array.from({ length: 300 }, (_, i) =>
      aRisk({
        projectId,
        riskId: `risk-${String(i).padStart(3, '0')}`,
        likelihood: (i % 5) + 1,
        impact: ((i * 7) % 5) + 1,
        ...(i % 9 === 0 ? { status: 'closed' as const, closure: { reason: 'Resolved', by: priyaRef, at: '2026-11-25T10:00:00.000Z' } } : {}),
        createdAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
      }),
    );
    for (let i = 0; i < entries.length; i += 25) await Promise.all(entries.slice(i, i + 25).map((e) => risks.create(e, [added(e)])));
    const expected = [...entries].sort((a, b) => (riskListRank(a) < riskListRank(b) ? -1 : 1)).map((e) => e.riskId);

    counter.reset();
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await risks.list(projectId, { filter: {}, limit: 10, ...(after !== undefined ? { after } : {}) });
      expect(page.entries.length).toBeLessThanOrEqual(10);
      seen.push(...page.entries.map((e) => e.riskId));
      after = page.next;
      pages += 1;
    } while (after !== undefined && pages < 40);
    expect(pages).toBe(30);
    expect(seen).toEqual(expected);
    expect(counter.snapshot().query).toBe(30);

    const open = await risks.list(projectId, { filter: { status: 'open', minScore: 15 }, limit: 10 });
    expect(open.entries.every((e) => e.status !== 'closed' && e.likelihood * e.impact >= 15)).toBe(true);
    expect(open.entries.map((e) => e.riskId)).toEqual(expected.filter((id) => open.entries.some((e) => e.riskId === id)));
    expect((await risks.all(projectId)).map((e) => e.riskId)).toEqual(expected);
  });

  it('when the log is listed, then its rows carry no history, however long the entries’ histories are', async () => {
    const entry = aRisk();
    await risks.create(entry, [added(entry)]);
    await editTimes(entry, 3);
    const page = await risks.list(entry.projectId, { filter: {}, limit: 10 });
    expect(JSON.stringify(page)).not.toContain('"history"');
  });

  it('when an entry’s history passes the inline limit, then old lines move to pages and the history is still complete and in order', async () => {
    const entry = aRisk();
    await risks.create(entry, [added(entry)]);
    await editTimes(entry, 11);
    const document = await raw(entry);
    expect(document.history.length).toBeLessThanOrEqual(4);
    expect(document.historyArchived).toBe(true);
    const history = await risks.history(entry.projectId, entry.riskId);
    expect(history).toEqual([added(entry), ...Array.from({ length: 11 }, (_, i) => line(i))]);
    expect((await risks.get(entry.projectId, entry.riskId))?.title).toBe('t11');
  });

  it('when a history page was written but the trim never happened (a crash), then each line shows once and the next save finishes the job', async () => {
    const entry = aRisk();
    await risks.create(entry, [added(entry)]);
    await editTimes(entry, 3);
    const before = await raw(entry);
    const stranded = before.history.slice(0, 2);
    const page: RiskHistoryPageDocument = {
      id: riskHistoryPageId(entry.riskId, stranded[0]?.seq ?? 0),
      projectId: entry.projectId,
      type: 'risk-history-page',
      schemaVersion: 1,
      riskId: entry.riskId,
      entries: stranded,
    };
    await fixture.containers.projects.items.create(page);
    await fixture.containers.projects.item(before.id, entry.projectId).replace({ ...before, historyArchived: true });
    const expected = [added(entry), line(0), line(1), line(2)];
    expect(await risks.history(entry.projectId, entry.riskId)).toEqual(expected);
    await editTimes({ ...entry }, 2);
    const history = await risks.history(entry.projectId, entry.riskId);
    expect(history.length).toBe(6);
    expect((await raw(entry)).history.length).toBeLessThanOrEqual(4);
  });

  it('when a document has another schema version, then reading it fails loudly rather than guessing', async () => {
    const entry = aRisk();
    await risks.create(entry, [added(entry)]);
    const document = await raw(entry);
    await fixture.containers.projects.item(document.id, entry.projectId).replace({ ...document, schemaVersion: 2 });
    await expect(risks.get(entry.projectId, entry.riskId)).rejects.toThrow(/schema version 2/);
    await expect(risks.all(entry.projectId)).rejects.toThrow(/schema version 2/);
  });

  it('when the stored query fields are read, then they follow the entry (closed, owner, gateway, score, review date)', async () => {
    const entry = aRisk({ likelihood: 4, impact: 5, link: { kind: 'item', stage: 4, itemId: 'g4-registration-limits' }, reviewDate: '2026-12-09' });
    await risks.create(entry, [added(entry)]);
    await risks.tryUpdate(entry.projectId, entry.riskId, (e) => ({ entry: { ...e, status: 'closed', closure: { reason: 'x', by: priyaRef, at: e.createdAt }, version: 2 }, history: [] }));
    const document = await raw(entry);
    expect({ closed: document.closed, ownerId: document.ownerId, stage: document.stage, score: document.score, reviewDate: document.reviewDate }).toEqual({
      closed: true,
      ownerId: '29:priya',
      stage: 4,
      score: 20,
      reviewDate: '2026-12-09',
    });
  });
});
