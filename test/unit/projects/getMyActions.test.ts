import { describe, expect, it } from 'vitest';
import { getMyActions } from '../../../bot/migration/projects/getMyActions';
import { NotFound } from '../../../bot/migration/shared/errors';
import { edit, intruder, newWorld, priya, sam, sue, teamProject, tom, type TestWorld } from './projectFixtures';

const tomRef = { id: '29:tom', name: 'Tom Evans' };

async function tomsWork(w: TestWorld): Promise<string> {
  const { projectId } = await teamProject(w);
  await edit(w, priya, projectId, 'g3-comms-plan', { field: 'owner', owner: tomRef });
  await edit(w, priya, projectId, 'g2-risk-log', { field: 'owner', owner: tomRef }, { field: 'due', due: '2026-12-01' });
  await edit(w, priya, projectId, 'g2-pid', { field: 'owner', owner: tomRef }, { field: 'due', due: '2026-11-20' });
  await edit(w, priya, projectId, 'g2-project-plan', { field: 'owner', owner: tomRef }, { field: 'due', due: '2026-11-01' }, { field: 'status', status: 'done' });
  await edit(w, priya, projectId, 'g1-ods-code', { field: 'owner', owner: { id: '29:sam', name: 'Sam' } }, { field: 'due', due: '2026-11-02' });
  return projectId;
}

describe('my actions', () => {
  it('when Tom asks, then he sees his open items, overdue first, then by due date, then undated', async () => {
    const w = newWorld('2026-11-25T10:00:00.000Z');
    const projectId = await tomsWork(w);
    const mine = await getMyActions(w.deps, { actor: tom, projectId });
    expect(mine.today).toBe('2026-11-25');
    expect(mine.project.organisationName).toBe('Royal Devon Hospital');
    expect(mine.actions.map((a) => [a.itemId, a.due ?? null, a.daysUntilDue ?? null, a.overdue])).toEqual([
      ['g2-pid', '2026-11-20', -5, true],
      ['g2-risk-log', '2026-12-01', 6, false],
      ['g3-comms-plan', null, null, false],
    ]);
  });

  it('when Tom reaches the bot with another Teams id, then his items are still found through his Entra id', async () => {
    const w = newWorld('2026-11-25T10:00:00.000Z');
    const projectId = await tomsWork(w);
    const mine = await getMyActions(w.deps, { actor: { ...tom, userId: '29:tom-other-bot' }, projectId });
    expect(mine.actions).toHaveLength(3);
  });

  it('when someone owns nothing, then the list is empty, staff included', async () => {
    const w = newWorld();
    const projectId = await tomsWork(w);
    expect((await getMyActions(w.deps, { actor: sue, projectId })).actions).toEqual([]);
    expect((await getMyActions(w.deps, { actor: sam, projectId })).actions.map((a) => a.itemId)).toEqual(['g1-ods-code']);
  });

  it('when someone from another tenant asks, then the project is not found', async () => {
    const w = newWorld();
    const projectId = await tomsWork(w);
    await expect(getMyActions(w.deps, { actor: intruder, projectId })).rejects.toBeInstanceOf(NotFound);
  });
});
