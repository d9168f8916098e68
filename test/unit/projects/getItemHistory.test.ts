import { describe, expect, it } from 'vitest';
import { getItemHistory } from '../../../bot/migration/projects/getItemHistory';
import { recordGatewayDecision } from '../../../bot/migration/projects/recordGatewayDecision';
import { NotFound } from '../../../bot/migration/shared/errors';
import { edit, intruder, newWorld, priya, sam, sue, teamProject, tom } from './projectFixtures';

describe('an item history', () => {
  it('when an item was changed by several people, then its entries come back oldest first, without other items or decisions', async () => {
    const w = newWorld('2026-11-25T10:00:00.000Z');
    const { projectId } = await teamProject(w);
    await edit(w, tom, projectId, 'g3-comms-plan', { field: 'due', due: '2026-12-01' });
    w.clock.set('2026-11-26T10:00:00.000Z');
    await edit(w, sam, projectId, 'g3-firewall-rules', { field: 'status', status: 'done' });
    await recordGatewayDecision(w.deps, { actor: priya, projectId, stage: 3, outcome: 'no-go', comment: 'Not yet' });
    w.clock.set('2026-11-27T10:00:00.000Z');
    await edit(w, sam, projectId, 'g3-comms-plan', { field: 'status', status: 'not-applicable', naReason: 'Comms team owns it' });

    const history = await getItemHistory(w.deps, { actor: sue, projectId, itemId: 'g3-comms-plan' });
    expect(history).toEqual([
      { at: '2026-11-25T10:00:00.000Z', by: { id: '29:tom', name: 'Tom Evans' }, itemId: 'g3-comms-plan', field: 'due', before: null, after: '2026-12-01' },
      { at: '2026-11-27T10:00:00.000Z', by: { id: '29:sam', name: 'Sam Okafor' }, itemId: 'g3-comms-plan', field: 'status', before: 'open', after: 'not-applicable' },
      { at: '2026-11-27T10:00:00.000Z', by: { id: '29:sam', name: 'Sam Okafor' }, itemId: 'g3-comms-plan', field: 'naReason', before: null, after: 'Comms team owns it' },
    ]);
  });

  it('when nobody touched the item, then its history is empty', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    expect(await getItemHistory(w.deps, { actor: tom, projectId, itemId: 'g6-mx-records' })).toEqual([]);
  });

  it('when the item or the tenant is wrong, then it is not found', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    await expect(getItemHistory(w.deps, { actor: tom, projectId, itemId: 'g9-nothing' })).rejects.toBeInstanceOf(NotFound);
    await expect(getItemHistory(w.deps, { actor: intruder, projectId, itemId: 'g1-ods-code' })).rejects.toBeInstanceOf(NotFound);
  });
});
