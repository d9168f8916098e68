import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConcurrentModification } from '../../../bot/migration/projects/conflictRetry';
import type { RiskEntry, RiskHistoryEntry } from '../../../bot/migration/risks/riskEntry';
import { matchesRiskFilter, riskListRank } from '../../../bot/migration/risks/riskOrder';
import type { RiskFilter, RiskRepository } from '../../../bot/migration/risks/riskRepository';
import { NotFound } from '../../../bot/migration/shared/errors';

const AT = '2026-11-25T10:00:00.000Z';
const priyaRef = { id: '29:priya', name: 'Priya Shah' };
const tomRef = { id: '29:tom', name: 'Tom Evans' };

export function aRisk(overrides: Partial<RiskEntry> = {}): RiskEntry {
  return {
    projectId: `p-${randomUUID()}`,
    riskId: `risk-${randomUUID()}`,
    type: 'risk',
    title: 'Archive tool not approved by IG',
    description: '',
    category: 'information-governance',
    likelihood: 3,
    impact: 4,
    owner: priyaRef,
    mitigation: '',
    actions: '',
    reviewDate: '2026-12-02',
    status: 'open',
    escalation: { escalated: false, setBy: 'score', by: priyaRef, at: AT },
    createdBy: priyaRef,
    createdAt: AT,
    updatedBy: priyaRef,
    updatedAt: AT,
    version: 1,
    ...overrides,
  };
}

export function added(entry: RiskEntry): RiskHistoryEntry {
  return { at: entry.createdAt, by: entry.createdBy, change: 'added', field: 'entry', before: null, after: `${entry.type}: ${entry.title}` };
}

function edited(before: string, after: string): RiskHistoryEntry {
  return { at: AT, by: tomRef, change: 'edited', field: 'title', before, after };
}

/**
 * What every RiskRepository must do, run against the in-memory store and the
 * Cosmos adapter alike, so use-case tests on the former hold for the latter.
 */
export function describeRiskRepositoryContract(name: string, repository: () => RiskRepository): void {
  describe(`${name}: risks`, () => {
    it('when an entry is created, then it reads back exactly, with its history', async () => {
      const risks = repository();
      const entry = aRisk({ link: { kind: 'item', stage: 1, itemId: 'g1-integrated-apps-review' }, source: { kind: 'questionnaire', key: 'old-outlook', questionId: 'q' } });
      expect(await risks.create(entry, [added(entry)])).toBe('created');
      expect(await risks.get(entry.projectId, entry.riskId)).toEqual(entry);
      expect(await risks.history(entry.projectId, entry.riskId)).toEqual([added(entry)]);
    });

    it('when an entry id is taken, then the second create says so and the first is untouched', async () => {
      const risks = repository();
      const entry = aRisk();
      await risks.create(entry, [added(entry)]);
      expect(await risks.create({ ...entry, title: 'Other' }, [])).toBe('exists');
      expect((await risks.get(entry.projectId, entry.riskId))?.title).toBe(entry.title);
      expect(await risks.history(entry.projectId, entry.riskId)).toEqual([added(entry)]);
    });

    it('when an entry is missing, then get gives undefined, history is empty and an update gives NotFound', async () => {
      const risks = repository();
      expect(await risks.get('p-missing', 'risk-missing')).toBeUndefined();
      expect(await risks.history('p-missing', 'risk-missing')).toEqual([]);
      await expect(risks.tryUpdate('p-missing', 'risk-missing', (e) => ({ entry: e, history: [] }))).rejects.toBeInstanceOf(NotFound);
    });

    it('when an update saves, then history is appended in order; when decide declines or throws, nothing changes', async () => {
      const risks = repository();
      const entry = aRisk();
      await risks.create(entry, [added(entry)]);
      const saved = await risks.tryUpdate(entry.projectId, entry.riskId, (e) => ({ entry: { ...e, title: 'Renamed', version: 2 }, history: [edited(e.title, 'Renamed')] }));
      expect(saved.title).toBe('Renamed');
      await risks.tryUpdate(entry.projectId, entry.riskId, () => undefined);
      await expect(
        risks.tryUpdate(entry.projectId, entry.riskId, () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await risks.get(entry.projectId, entry.riskId)).toEqual({ ...entry, title: 'Renamed', version: 2 });
      expect(await risks.history(entry.projectId, entry.riskId)).toEqual([added(entry), edited(entry.title, 'Renamed')]);
    });

    it('when several saves of one entry overlap, then each lands or reports a conflict, and every one that landed is in the history', async () => {
      const risks = repository();
      const entry = aRisk();
      await risks.create(entry, [added(entry)]);
      const titles = ['A', 'B', 'C', 'D'];
      const results = await Promise.allSettled(
        titles.map((t) => risks.tryUpdate(entry.projectId, entry.riskId, (e) => ({ entry: { ...e, title: t, version: e.version + 1 }, history: [edited(e.title, t)] }))),
      );
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrentModification);
      const landed = results.filter((r) => r.status === 'fulfilled').length;
      expect(landed).toBeGreaterThanOrEqual(1);
      const saved = await risks.get(entry.projectId, entry.riskId);
      expect(saved?.version).toBe(1 + landed);
      expect((await risks.history(entry.projectId, entry.riskId)).length).toBe(1 + landed);
    });

    it("when two projects keep logs, then neither's list, all or history shows the other's entries", async () => {
      const risks = repository();
      const a = aRisk();
      const b = aRisk({ riskId: a.riskId });
      await risks.create(a, [added(a)]);
      await risks.create(b, [added(b)]);
      expect((await risks.all(a.projectId)).map((e) => e.projectId)).toEqual([a.projectId]);
      expect((await risks.list(b.projectId, { filter: {}, limit: 10 })).entries.map((e) => e.projectId)).toEqual([b.projectId]);
      expect(await risks.get(b.projectId, a.riskId)).toEqual(b);
    });

    it('when the log is listed, then open entries come first by score, then closed ones, paged without gaps or repeats', async () => {
      const risks = repository();
      const projectId = `p-${randomUUID()}`;
      const entries = [
        aRisk({ projectId, riskId: 'r-low', likelihood: 1, impact: 2 }),
        aRisk({ projectId, riskId: 'r-closed-high', likelihood: 5, impact: 5, status: 'closed', closure: { reason: 'Done', by: priyaRef, at: AT } }),
        aRisk({ projectId, riskId: 'r-high', likelihood: 5, impact: 4, status: 'mitigating' }),
        aRisk({ projectId, riskId: 'r-mid-new', likelihood: 3, impact: 3, createdAt: '2026-11-26T10:00:00.000Z' }),
        aRisk({ projectId, riskId: 'r-mid-old', likelihood: 3, impact: 3 }),
      ];
      for (const e of entries) await risks.create(e, [added(e)]);
      const order = ['r-high', 'r-mid-old', 'r-mid-new', 'r-low', 'r-closed-high'];
      expect((await risks.all(projectId)).map((e) => e.riskId)).toEqual(order);

      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await risks.list(projectId, { filter: {}, limit: 2, ...(after !== undefined ? { after } : {}) });
        seen.push(...page.entries.map((e) => e.riskId));
        after = page.next;
        pages += 1;
      } while (after !== undefined && pages < 10);
      expect(seen).toEqual(order);
      expect(pages).toBe(3);
    });

    it('when the log is filtered, then only matching entries come back, in list order', async () => {
      const risks = repository();
      const projectId = `p-${randomUUID()}`;
      const entries = [
        aRisk({ projectId, riskId: 'r-tom-red-g3', owner: tomRef, likelihood: 4, impact: 4, link: { kind: 'gateway', stage: 3 }, reviewDate: '2026-11-20' }),
        aRisk({ projectId, riskId: 'r-tom-item-g3', owner: tomRef, likelihood: 2, impact: 2, link: { kind: 'item', stage: 3, itemId: 'g3-comms-plan' }, reviewDate: '2026-12-20' }),
        aRisk({ projectId, riskId: 'r-priya-red', likelihood: 5, impact: 3, reviewDate: '2026-11-25' }),
        aRisk({ projectId, riskId: 'r-closed', owner: tomRef, status: 'closed', closure: { reason: 'Gone', by: priyaRef, at: AT }, reviewDate: '2026-11-01' }),
      ];
      for (const e of entries) await risks.create(e, [added(e)]);
      const filters: RiskFilter[] = [
        { ownerId: tomRef.id },
        { stage: 3 },
        { status: 'open', minScore: 15 },
        { status: 'open', reviewDueBy: '2026-11-25' },
        { status: 'closed' },
        { status: 'open', ownerId: tomRef.id, minScore: 15 },
      ];
      for (const filter of filters) {
        const expected = entries.filter((e) => matchesRiskFilter(e, filter)).sort((x, y) => (riskListRank(x) < riskListRank(y) ? -1 : 1)).map((e) => e.riskId);
        expect((await risks.list(projectId, { filter, limit: 10 })).entries.map((e) => e.riskId), JSON.stringify(filter)).toEqual(expected);
      }
      expect((await risks.list(projectId, { filter: { ownerId: tomRef.id }, limit: 10 })).entries.map((e) => e.riskId)).toEqual(['r-tom-red-g3', 'r-tom-item-g3', 'r-closed']);
    });

    it('when an entry is added after a page was read, then the next page starts after the last one shown, with no repeats', async () => {
      const risks = repository();
      const projectId = `p-${randomUUID()}`;
      const entries = ['a', 'b', 'c'].map((id, i) => aRisk({ projectId, riskId: `r-${id}`, likelihood: 5 - i, impact: 5 }));
      for (const e of entries) await risks.create(e, [added(e)]);
      const first = await risks.list(projectId, { filter: {}, limit: 1 });
      expect(first.entries.map((e) => e.riskId)).toEqual(['r-a']);
      const late = aRisk({ projectId, riskId: 'r-late', likelihood: 1, impact: 1 });
      await risks.create(late, [added(late)]);
      const next = first.next;
      expect(next).toBeDefined();
      const second = await risks.list(projectId, { filter: {}, limit: 5, ...(next !== undefined ? { after: next } : {}) });
      expect(second.entries.map((e) => e.riskId)).toEqual(['r-b', 'r-c', 'r-late']);
      expect(second.next).toBeUndefined();
    });
  });
}
