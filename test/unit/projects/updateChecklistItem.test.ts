import { describe, expect, it } from 'vitest';
import { MAX_SAVE_ATTEMPTS, ProjectBusy } from '../../../bot/migration/projects/conflictRetry';
import { updateChecklistItem, type UpdateChecklistItemCommand } from '../../../bot/migration/projects/updateChecklistItem';
import { NotFound, PermissionDenied, StaleEdit, ValidationFailed } from '../../../bot/migration/shared/errors';
import { caught, intruder, newWorld, nia, niaInTeam, priya, sam, sue, teamProject, tom, type TestWorld } from './projectFixtures';

async function world(): Promise<{ w: TestWorld; projectId: string; tick: (over?: Partial<UpdateChecklistItemCommand>) => UpdateChecklistItemCommand }> {
  const w = newWorld();
  const { projectId } = await teamProject(w);
  const tick = (over: Partial<UpdateChecklistItemCommand> = {}): UpdateChecklistItemCommand => ({
    actor: tom,
    projectId,
    itemId: 'g2-pid',
    expectedVersion: 0,
    change: { field: 'status', status: 'done' },
    ...over,
  });
  return { w, projectId, tick };
}

describe('updating a checklist item', () => {
  it('when a team member ticks an untouched item, then it is saved at version 1 with its audit entry', async () => {
    const { w, projectId, tick } = await world();
    const { item, changed } = await updateChecklistItem(w.deps, tick());

    expect(changed).toBe(true);
    expect(item).toMatchObject({ itemId: 'g2-pid', status: 'done', version: 1, updatedBy: { id: '29:tom', name: 'Tom Evans' } });
    const gateway = await w.deps.gateways.get(projectId, 2);
    expect(gateway.items).toEqual([item]);
    expect(await w.deps.gateways.history(projectId, 2)).toEqual([
      { kind: 'item-changed', at: '2026-11-25T10:00:00.000Z', by: { id: '29:tom', name: 'Tom Evans' }, itemId: 'g2-pid', field: 'status', before: 'open', after: 'done' },
    ]);
  });

  it('when one card sets several fields, then they are saved together in one version step per field with an audit entry each', async () => {
    const { w, projectId, tick } = await world();
    const { item } = await updateChecklistItem(
      w.deps,
      tick({ change: [{ field: 'due', due: '2026-12-04' }, { field: 'note', text: 'Draft with the SRO' }, { field: 'status', status: 'done' }] }),
    );

    expect(item).toMatchObject({ status: 'done', due: '2026-12-04', version: 3 });
    expect((await w.deps.gateways.history(projectId, 2)).map((e) => ('field' in e ? e.field : e.kind))).toEqual(['due', 'notes', 'status']);
  });

  it('when a later change on the same card is refused, then the earlier ones are not saved either', async () => {
    const { w, projectId, tick } = await world();
    const error = await caught(() => updateChecklistItem(w.deps, tick({ change: [{ field: 'due', due: '2026-12-04' }, { field: 'evidence', url: 'http://not-secure.example' }] })));

    expect(error).toBeInstanceOf(ValidationFailed);
    expect((await w.deps.gateways.get(projectId, 2)).items).toEqual([]);
  });

  it('when the gateway has been signed off, then its items keep their status until it is reopened, but notes can be added', async () => {
    const { w, projectId, tick } = await world();
    await w.deps.gateways.tryUpdate(projectId, 2, (current) => ({
      record: { ...current, state: { ...current.state, decision: { outcome: 'go', by: { id: '29:priya', name: 'Priya Shah' }, at: '2026-11-25T09:00:00.000Z', comment: '' } } },
      audit: [],
    }));

    const refused = await caught(() => updateChecklistItem(w.deps, tick()));
    expect(refused).toMatchObject({ code: 'invalid-state', message: 'Gateway 2 is signed off; reopen it to change items. Notes and evidence can still be added.' });
    const { item } = await updateChecklistItem(w.deps, tick({ change: { field: 'note', text: 'Lessons learned for the next trust' } }));
    expect(item).toMatchObject({ status: 'open', version: 1 });
  });

  it('when the card was stale, then StaleEdit says so and nothing is saved or audited', async () => {
    const { w, projectId, tick } = await world();
    await updateChecklistItem(w.deps, tick());
    const writes = w.store.writes;
    const error = await caught(() => updateChecklistItem(w.deps, tick({ actor: priya, change: { field: 'note', text: 'Signed by the board' } })));

    expect(error).toBeInstanceOf(StaleEdit);
    expect(error).toMatchObject({ expectedVersion: 0, actualVersion: 1 });
    expect(w.store.writes).toBe(writes);
    expect(await w.deps.gateways.history(projectId, 2)).toHaveLength(1);
  });

  it.each([
    ['a member of staff', sue],
    ['someone in the team with no role', niaInTeam],
  ])('when %s tries to tick an item, then it is refused with the reason and nothing changes', async (_who, actor) => {
    const { w, projectId, tick } = await world();
    const writes = w.store.writes;
    const error = await caught(() => updateChecklistItem(w.deps, tick({ actor })));
    expect(error).toBeInstanceOf(PermissionDenied);
    expect((error as PermissionDenied).reason).toBe('Only members of the project team can update checklist items.');
    expect(w.store.writes).toBe(writes);
    expect((await w.deps.gateways.get(projectId, 2)).items).toEqual([]);
  });

  it('when someone from another tenant uses a copied card, then the project is not found', async () => {
    const { w, tick } = await world();
    await expect(updateChecklistItem(w.deps, tick({ actor: intruder }))).rejects.toBeInstanceOf(NotFound);
  });

  it('when the item is not in the catalogue, then NotFound is thrown before anything is read', async () => {
    const { w, tick } = await world();
    await expect(updateChecklistItem(w.deps, tick({ itemId: 'g2-retired' }))).rejects.toBeInstanceOf(NotFound);
  });

  it('when the expected version is not a whole number, then the card is treated as broken', async () => {
    const { w, tick } = await world();
    await expect(updateChecklistItem(w.deps, tick({ expectedVersion: -1 }))).rejects.toBeInstanceOf(ValidationFailed);
    await expect(updateChecklistItem(w.deps, tick({ expectedVersion: 1.5 }))).rejects.toBeInstanceOf(ValidationFailed);
  });

  it('when the change alters nothing, then it reports unchanged and saves nothing', async () => {
    const { w, tick } = await world();
    const writes = w.store.writes;
    const result = await updateChecklistItem(w.deps, tick({ change: { field: 'status', status: 'open' } }));
    expect(result).toMatchObject({ changed: false, item: { status: 'open', version: 0 } });
    expect(w.store.writes).toBe(writes);
  });

  it('when an owner is chosen, then the name comes from the member list, not from the card', async () => {
    const { w, tick } = await world();
    const { item } = await updateChecklistItem(w.deps, tick({ change: { field: 'owner', owner: { id: '29:sam', name: 'Somebody Else' } } }));
    expect(item.owner).toEqual({ id: '29:sam', name: 'Sam Okafor' });
  });

  it.each([
    ['a member of staff', sue],
    ['someone outside the project', nia],
  ])('when %s is chosen as owner, then it is refused', async (_who, owner) => {
    const { w, tick } = await world();
    const error = await caught(() => updateChecklistItem(w.deps, tick({ change: { field: 'owner', owner: { id: owner.userId, name: owner.name } } })));
    expect((error as ValidationFailed).fieldErrors).toEqual([{ field: 'owner', message: 'Please choose someone in the project team to own this item.' }]);
  });

  it('when two people tick different items of the same gateway at once, then both land', async () => {
    const { w, projectId, tick } = await world();
    await Promise.all([
      updateChecklistItem(w.deps, tick({ itemId: 'g2-pid' })),
      updateChecklistItem(w.deps, tick({ actor: sam, itemId: 'g2-risk-log' })),
    ]);
    const gateway = await w.deps.gateways.get(projectId, 2);
    expect(gateway.items.map((i) => [i.itemId, i.status, i.version]).sort()).toEqual([
      ['g2-pid', 'done', 1],
      ['g2-risk-log', 'done', 1],
    ]);
    expect(await w.deps.gateways.history(projectId, 2)).toHaveLength(2);
    expect(w.store.conflicts).toBeGreaterThan(0);
  });

  it('when another item is saved between this read and this write, then the change is re-applied to the latest and both land', async () => {
    const { w, projectId, tick } = await world();
    w.store.beforeNextWrite(async () => {
      await updateChecklistItem(w.deps, tick({ actor: sam, itemId: 'g2-risk-log' }));
    });
    await updateChecklistItem(w.deps, tick({ itemId: 'g2-pid' }));
    expect(w.store.conflicts).toBe(1);
    expect((await w.deps.gateways.get(projectId, 2)).items.map((i) => i.itemId).sort()).toEqual(['g2-pid', 'g2-risk-log']);
  });

  it('when the same item is changed by someone else between this read and this write, then this change is a stale edit, not a retry', async () => {
    const { w, projectId, tick } = await world();
    w.store.beforeNextWrite(async () => {
      await updateChecklistItem(w.deps, tick({ actor: sam, change: { field: 'due', due: '2026-12-01' } }));
    });
    await expect(updateChecklistItem(w.deps, tick())).rejects.toBeInstanceOf(StaleEdit);
    expect((await w.deps.gateways.get(projectId, 2)).items).toMatchObject([{ itemId: 'g2-pid', status: 'open', due: '2026-12-01', version: 1 }]);
    expect(await w.deps.gateways.history(projectId, 2)).toHaveLength(1);
  });

  it('when two people change the same item from the same card at once, then exactly one wins and the other gets StaleEdit', async () => {
    const { w, projectId, tick } = await world();
    const results = await Promise.allSettled([
      updateChecklistItem(w.deps, tick({ change: { field: 'status', status: 'done' } })),
      updateChecklistItem(w.deps, tick({ actor: sam, change: { field: 'status', status: 'not-applicable', naReason: 'No PID' } })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toBeInstanceOf(StaleEdit);
    expect((await w.deps.gateways.get(projectId, 2)).items[0]?.version).toBe(1);
  });

  it('when saves keep colliding on every attempt but the last, then the last attempt lands', async () => {
    const { w, tick } = await world();
    w.store.collideNext(MAX_SAVE_ATTEMPTS - 1);
    await expect(updateChecklistItem(w.deps, tick())).resolves.toMatchObject({ changed: true });
  });

  it('when every attempt collides, then the person is told to try again and nothing is saved', async () => {
    const { w, projectId, tick } = await world();
    const writes = w.store.writes;
    w.store.collideNext(MAX_SAVE_ATTEMPTS);
    await expect(updateChecklistItem(w.deps, tick())).rejects.toBeInstanceOf(ProjectBusy);
    expect(w.store.writes).toBe(writes);
    expect(await w.deps.gateways.history(projectId, 2)).toEqual([]);
  });
});
