import { describe, expect, it } from 'vitest';
import { SignOffBlocked } from '../../../bot/migration/gateways/readiness';
import { recordGatewayDecision } from '../../../bot/migration/projects/recordGatewayDecision';
import { reopenGateway } from '../../../bot/migration/projects/reopenGateway';
import { updateChecklistItem } from '../../../bot/migration/projects/updateChecklistItem';
import type { PermissionDenied} from '../../../bot/migration/shared/errors';
import { InvalidState, ValidationFailed } from '../../../bot/migration/shared/errors';
import { caught, completeMandatoryItems, lee, newWorld, priya, sam, sue, teamProject, tom } from './projectFixtures';

async function ready(stage: 1 | 2 = 1): Promise<{ w: ReturnType<typeof newWorld>; projectId: string }> {
  const w = newWorld();
  const { projectId } = await teamProject(w);
  await completeMandatoryItems(w, projectId, stage);
  return { w, projectId };
}

describe('recording a gateway decision', () => {
  it('when the SRO says go on a ready gateway, then it passes and the decision is audited', async () => {
    const { w, projectId } = await ready();
    const state = await recordGatewayDecision(w.deps, { actor: sam, projectId, stage: 1, outcome: 'go', comment: ' Board agreed ' });

    expect(state).toEqual({ stage: 1, reopened: [], decision: { outcome: 'go', by: { id: '29:sam', name: 'Sam Okafor' }, at: '2026-11-25T10:00:00.000Z', comment: 'Board agreed' } });
    expect((await w.deps.gateways.get(projectId, 1)).state).toEqual(state);
    expect((await w.deps.gateways.history(projectId, 1)).at(-1)).toEqual({
      kind: 'gateway-decided',
      at: '2026-11-25T10:00:00.000Z',
      by: { id: '29:sam', name: 'Sam Okafor' },
      stage: 1,
      outcome: 'go',
      comment: 'Board agreed',
    });
  });

  it('when the stage arrives from a card as text, then it is read as a number', async () => {
    const { w, projectId } = await ready();
    await expect(recordGatewayDecision(w.deps, { actor: priya, projectId, stage: '1' as unknown as number, outcome: 'go' })).resolves.toMatchObject({ stage: 1 });
    await expect(recordGatewayDecision(w.deps, { actor: priya, projectId, stage: 7, outcome: 'go' })).rejects.toBeInstanceOf(ValidationFailed);
  });

  it.each([
    ['a team member', tom],
    ['a local admin', lee],
    ['a member of staff', sue],
  ])('when %s tries to sign off, then it is refused with the reason and nothing is saved', async (_who, actor) => {
    const { w, projectId } = await ready();
    const writes = w.store.writes;
    const error = await caught(() => recordGatewayDecision(w.deps, { actor, projectId, stage: 1, outcome: 'go' }));
    expect((error as PermissionDenied).reason).toBe('Only the project manager or SRO can sign off a gateway.');
    expect(w.store.writes).toBe(writes);
  });

  it('when a go is asked for with items still open, then it is refused, listing them, and nothing is saved', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    const error = await caught(() => recordGatewayDecision(w.deps, { actor: priya, projectId, stage: 1, outcome: 'go' }));
    expect(error).toBeInstanceOf(SignOffBlocked);
    expect((error as SignOffBlocked).blockers).toHaveLength(7);
    expect(await w.deps.gateways.history(projectId, 1)).toEqual([]);
  });

  it('when a no-go is recorded, then it needs no finished items but does need a comment', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    await expect(recordGatewayDecision(w.deps, { actor: priya, projectId, stage: 3, outcome: 'no-go' })).rejects.toBeInstanceOf(ValidationFailed);
    const state = await recordGatewayDecision(w.deps, { actor: priya, projectId, stage: 3, outcome: 'no-go', comment: 'Firewall rules not agreed' });
    expect(state.decision).toMatchObject({ outcome: 'no-go', comment: 'Firewall rules not agreed' });
  });

  it('when roll-out is signed off before the earlier gateways passed, then they are listed as blockers', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    await completeMandatoryItems(w, projectId, 5);
    const error = await caught(() => recordGatewayDecision(w.deps, { actor: priya, projectId, stage: 5, outcome: 'go' }));
    expect((error as SignOffBlocked).blockers.map((b) => b.kind)).toEqual(Array(4).fill('earlier-gateway-not-passed'));
  });

  it('when an item is reopened between the read and the write of a go, then the go is judged again and refused', async () => {
    const { w, projectId } = await ready();
    w.store.beforeNextWrite(async () => {
      const item = (await w.deps.gateways.get(projectId, 1)).items.find((i) => i.itemId === 'g1-ods-code');
      await updateChecklistItem(w.deps, { actor: tom, projectId, itemId: 'g1-ods-code', expectedVersion: item?.version ?? 0, change: { field: 'status', status: 'open' } });
    });
    await expect(recordGatewayDecision(w.deps, { actor: priya, projectId, stage: 1, outcome: 'go' })).rejects.toBeInstanceOf(SignOffBlocked);
    expect((await w.deps.gateways.get(projectId, 1)).state.decision).toBeUndefined();
  });
});

describe('reopening a gateway', () => {
  it('when the PM reopens a passed gateway, then the go is undone, kept in history and audited with the reason', async () => {
    const { w, projectId } = await ready();
    await recordGatewayDecision(w.deps, { actor: sam, projectId, stage: 1, outcome: 'go' });
    w.clock.set('2026-11-26T09:00:00.000Z');
    const state = await reopenGateway(w.deps, { actor: priya, projectId, stage: 1, reason: ' Business case rejected ' });

    expect(state.decision).toBeUndefined();
    expect(state.reopened).toEqual([
      {
        by: { id: '29:priya', name: 'Priya Shah' },
        at: '2026-11-26T09:00:00.000Z',
        reason: 'Business case rejected',
        previousDecision: { outcome: 'go', by: { id: '29:sam', name: 'Sam Okafor' }, at: '2026-11-25T10:00:00.000Z', comment: '' },
      },
    ]);
    expect((await w.deps.gateways.history(projectId, 1)).at(-1)).toEqual({
      kind: 'gateway-reopened',
      at: '2026-11-26T09:00:00.000Z',
      by: { id: '29:priya', name: 'Priya Shah' },
      stage: 1,
      reason: 'Business case rejected',
    });
  });

  it('when a gateway never passed, then reopening it is refused and nothing is audited', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    await expect(reopenGateway(w.deps, { actor: priya, projectId, stage: 2, reason: 'Why not' })).rejects.toBeInstanceOf(InvalidState);
    expect(await w.deps.gateways.history(projectId, 2)).toEqual([]);
  });

  it('when a team member tries to reopen, then it is refused with the reason', async () => {
    const { w, projectId } = await ready();
    await recordGatewayDecision(w.deps, { actor: sam, projectId, stage: 1, outcome: 'go' });
    const error = await caught(() => reopenGateway(w.deps, { actor: tom, projectId, stage: 1, reason: 'Mistake' }));
    expect((error as PermissionDenied).reason).toBe('Only the project manager or SRO can reopen a gateway.');
    expect((await w.deps.gateways.get(projectId, 1)).state.decision?.outcome).toBe('go');
  });

  it('when the reason is blank, then it is refused', async () => {
    const { w, projectId } = await ready();
    await recordGatewayDecision(w.deps, { actor: sam, projectId, stage: 1, outcome: 'go' });
    await expect(reopenGateway(w.deps, { actor: priya, projectId, stage: 1, reason: '  ' })).rejects.toBeInstanceOf(ValidationFailed);
  });
});
