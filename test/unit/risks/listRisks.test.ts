import { describe, expect, it } from 'vitest';
import { addRisk } from '../../../bot/migration/risks/addRisk';
import { editRisk } from '../../../bot/migration/risks/editRisk';
import { getRiskHistory } from '../../../bot/migration/risks/getRiskHistory';
import { listRisks, type RiskListFilter } from '../../../bot/migration/risks/listRisks';
import { closeRisk } from '../../../bot/migration/risks/riskDecisions';
import { PermissionDenied, ValidationFailed } from '../../../bot/migration/shared/errors';
import { caught, lee, priya, sam, sue, tom } from '../projects/projectFixtures';
import { ARCHIVE_RISK, riskWorld, type RiskWorld } from './riskFixtures';

async function seed(world: RiskWorld): Promise<Record<string, string>> {
  const projectId = world.project.projectId;
  const ids: Record<string, string> = {};
  const add = async (name: string, input: Parameters<typeof addRisk>[1]['input'], actor = tom): Promise<void> => {
    ids[name] = (await addRisk(world.riskDeps, { actor, projectId, input: { ...ARCHIVE_RISK, title: name, ...input } })).entry.riskId;
  };
  await add('tom-red-g3', { likelihood: 4, impact: 4, link: 'gateway:3', owner: '29:tom', reviewDate: '2026-11-25' });
  await add('sam-amber', { likelihood: 2, impact: 4, link: '', owner: '29:sam', reviewDate: '2026-12-20' });
  await add('lee-green-g3-item', { likelihood: 1, impact: 2, link: 'g3-comms-plan', owner: '29:lee', reviewDate: '2026-12-01' });
  await add('priya-critical', { likelihood: 5, impact: 5, link: '', owner: '29:priya', reviewDate: '2026-11-27' });
  await add('tom-closed', { likelihood: 5, impact: 4, owner: '29:tom' });
  await closeRisk(world.riskDeps, { actor: priya, projectId, riskId: ids['tom-closed'] ?? '', expectedVersion: 1, reason: 'Gone.' });
  // A week on: the reviews of 25 Nov and 27 Nov have passed, 1 Dec is due today.
  world.clock.set('2026-12-01T12:00:00.000Z');
  return ids;
}

async function titles(world: RiskWorld, filter: RiskListFilter, actor = tom): Promise<string[]> {
  return (await listRisks(world.riskDeps, { actor, projectId: world.project.projectId, filter })).risks.map((r) => r.entry.title);
}

describe('listing the log', () => {
  it('when the log is listed, then open entries come first by score, then closed ones, with review flags', async () => {
    const world = await riskWorld();
    await seed(world);
    const page = await listRisks(world.riskDeps, { actor: lee, projectId: world.project.projectId });
    expect(page.risks.map((r) => [r.entry.title, r.score, r.rag, r.reviewDue, r.reviewOverdue])).toEqual([
      ['priya-critical', 25, 'red', true, true],
      ['tom-red-g3', 16, 'red', true, true],
      ['sam-amber', 8, 'amber', false, false],
      ['lee-green-g3-item', 2, 'green', true, false],
      ['tom-closed', 20, 'red', false, false],
    ]);
    expect(page.next).toBeUndefined();
  });

  it('when filtered to mine, a gateway, red, due for review or closed, then only those come back; filters combine', async () => {
    const world = await riskWorld();
    await seed(world);
    expect(await titles(world, { mine: true })).toEqual(['tom-red-g3', 'tom-closed']);
    expect(await titles(world, { mine: true }, sam)).toEqual(['sam-amber']);
    expect(await titles(world, { stage: '3' })).toEqual(['tom-red-g3', 'lee-green-g3-item']);
    expect(await titles(world, { red: true })).toEqual(['priya-critical', 'tom-red-g3']);
    expect(await titles(world, { dueForReview: true })).toEqual(['priya-critical', 'tom-red-g3', 'lee-green-g3-item']);
    expect(await titles(world, { closed: true })).toEqual(['tom-closed']);
    expect(await titles(world, { mine: true, red: true })).toEqual(['tom-red-g3']);
    expect(await caught(() => titles(world, { stage: '9' }))).toBeInstanceOf(ValidationFailed);
  });

  it('when the log is longer than a page, then it comes a page at a time, each entry once, at one query a page', async () => {
    const world = await riskWorld(undefined, { pageSize: 4 });
    for (let i = 0; i < 10; i += 1) {
      await addRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, input: { ...ARCHIVE_RISK, title: `r${i}`, likelihood: String((i % 5) + 1) } });
    }
    world.riskStore.queries = 0;
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listRisks(world.riskDeps, { actor: tom, projectId: world.project.projectId, after });
      expect(page.risks.length).toBeLessThanOrEqual(4);
      seen.push(...page.risks.map((r) => r.entry.title));
      after = page.next;
      pages += 1;
    } while (after !== undefined);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(10);
    expect(world.riskStore.queries).toBe(3);
    expect(await caught(() => listRisks(world.riskDeps, { actor: tom, projectId: world.project.projectId, after: 'x'.repeat(500) }))).toBeInstanceOf(ValidationFailed);
  });

  it('when staff ask for the log or an entry’s history, then they are refused: it can hold sensitive matters', async () => {
    const world = await riskWorld();
    const ids = await seed(world);
    const error = await caught(() => listRisks(world.riskDeps, { actor: sue, projectId: world.project.projectId }));
    expect(error).toBeInstanceOf(PermissionDenied);
    expect((error as PermissionDenied).reason).toBe('Only the project team can see the risks and issues log.');
    expect(await caught(() => getRiskHistory(world.riskDeps, { actor: sue, projectId: world.project.projectId, riskId: ids['sam-amber'] ?? '' }))).toBeInstanceOf(PermissionDenied);
  });

  it('when an entry has a long history, then it is shown newest first a page at a time', async () => {
    const world = await riskWorld();
    const projectId = world.project.projectId;
    const { riskId } = (await addRisk(world.riskDeps, { actor: tom, projectId, input: ARCHIVE_RISK })).entry;
    for (let v = 1; v <= 24; v += 1) {
      await editRisk(world.riskDeps, { actor: sam, projectId, riskId, expectedVersion: v, input: { actions: `step ${v}` } });
    }
    const first = await getRiskHistory(world.riskDeps, { actor: tom, projectId, riskId });
    expect(first.total).toBe(25);
    expect(first.entries).toHaveLength(20);
    expect(first.entries[0]).toMatchObject({ field: 'actions', before: 'step 23', after: 'step 24', by: { name: 'Sam Okafor' } });
    expect(first.nextOffset).toBe(20);
    const second = await getRiskHistory(world.riskDeps, { actor: tom, projectId, riskId, offset: first.nextOffset ?? 0 });
    expect(second.entries.map((e) => e.change).at(-1)).toBe('added');
    expect(second.nextOffset).toBeUndefined();
  });
});
