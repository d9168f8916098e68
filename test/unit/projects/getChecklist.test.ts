import { describe, expect, it } from 'vitest';
import { findItem, getStage } from '../../../bot/migration/gateways/catalogue';
import { getChecklist } from '../../../bot/migration/projects/getChecklist';
import { NotFound, ValidationFailed } from '../../../bot/migration/shared/errors';
import { edit, intruder, newWorld, priya, sam, sue, teamProject, tom } from './projectFixtures';

describe('a gateway checklist', () => {
  it('when some items were worked on, then every catalogue item is listed in order with its state and version', async () => {
    const w = newWorld('2026-11-25T10:00:00.000Z');
    const { projectId } = await teamProject(w);
    await edit(w, tom, projectId, 'g2-pid', { field: 'owner', owner: { id: '29:tom', name: 'x' } }, { field: 'due', due: '2026-11-20' }, { field: 'note', text: 'Draft v2 with Sam' });
    await edit(w, tom, projectId, 'g2-shared-mailboxes', { field: 'status', status: 'not-applicable', naReason: 'None' });

    const list = await getChecklist(w.deps, { actor: tom, projectId, stage: 2 });
    expect(list.title).toBe('Initiation');
    expect(list.entries.map((e) => e.item.id)).toEqual(getStage(w.deps.catalogue, 2).items.map((i) => i.id));
    expect(list.entries.find((e) => e.item.id === 'g2-pid')).toMatchObject({
      status: 'open',
      version: 3,
      owner: { id: '29:tom', name: 'Tom Evans' },
      due: '2026-11-20',
      overdue: true,
      notes: [{ text: 'Draft v2 with Sam', by: { id: '29:tom', name: 'Tom Evans' } }],
      updatedBy: { id: '29:tom', name: 'Tom Evans' },
    });
    expect(list.entries.find((e) => e.item.id === 'g2-shared-mailboxes')).toMatchObject({ status: 'not-applicable', naReason: 'None', version: 1, overdue: false });
    const untouched = list.entries.find((e) => e.item.id === 'g2-risk-log');
    expect(untouched).toEqual({ item: findItem(w.deps.catalogue, 'g2-risk-log').item, status: 'open', version: 0, overdue: false, today: '2026-11-25', notes: [], olderNotes: 0, evidence: [], olderEvidence: 0 });
    expect(list.progress).toMatchObject({ total: 17, completed: 1 });
    expect(list.blockers.filter((b) => b.kind === 'mandatory-item-open')).toHaveLength(14);
    expect(list).toMatchObject({ viewerRole: 'team-member', canUpdateItems: true, canSignOff: false, passed: false });
    expect(list.members.map((m) => m.userId)).toContain(tom.userId);
  });

  it('when roll-out is opened, then its blockers include the earlier gateways not yet passed', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    const list = await getChecklist(w.deps, { actor: sam, projectId, stage: 5 });
    expect(list.blockers.filter((b) => b.kind === 'earlier-gateway-not-passed').map((b) => (b.kind === 'earlier-gateway-not-passed' ? b.stage : 0))).toEqual([1, 2, 3, 4]);
    expect(list.canSignOff).toBe(true);
  });

  it('when staff open it, then they can read it but the card is told they cannot change anything', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    await expect(getChecklist(w.deps, { actor: sue, projectId, stage: 1 })).resolves.toMatchObject({ viewerRole: 'staff', canUpdateItems: false, canSignOff: false });
    await expect(getChecklist(w.deps, { actor: priya, projectId, stage: 1 })).resolves.toMatchObject({ canUpdateItems: true, canSignOff: true });
  });

  it('when the stage or the tenant is wrong, then it is refused', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    await expect(getChecklist(w.deps, { actor: tom, projectId, stage: 0 })).rejects.toBeInstanceOf(ValidationFailed);
    await expect(getChecklist(w.deps, { actor: intruder, projectId, stage: 1 })).rejects.toBeInstanceOf(NotFound);
  });
});
