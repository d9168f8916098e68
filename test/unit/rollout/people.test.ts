import { describe, expect, it } from 'vitest';
import { PermissionDenied, StaleEdit, ValidationFailed } from '../../../bot/migration/shared/errors';
import { coexistenceOf, checkCoexistence, fixCoexistence } from '../../../bot/migration/staff/rollout/coexistence';
import { createGroup } from '../../../bot/migration/staff/rollout/groupUseCases';
import { assignDepartment, assignListed, movePerson, parseLocalIds, setGroupStatus, setPersonStatus } from '../../../bot/migration/staff/rollout/staffChanges';
import type { StaffMember } from '../../../bot/migration/staff/staffMember';
import { caught, lee, priya, sam, tom } from '../projects/projectFixtures';
import { person } from './inMemoryRollout';
import { rolloutWorld, type RolloutWorld } from './rolloutWorld';

async function withGroups(): Promise<RolloutWorld> {
  const w = await rolloutWorld();
  await createGroup(w.rollout, { actor: priya, projectId: w.project.projectId, kind: 'pilot', cutoverDate: '2027-01-11' });
  await createGroup(w.rollout, { actor: priya, projectId: w.project.projectId, kind: 'phase', cutoverDate: '2027-02-01' });
  return w;
}

function add(w: RolloutWorld, partial: Partial<StaffMember>): StaffMember {
  const m = person(w.project.projectId, partial);
  w.staffStore.members.set(m.localId, m);
  return m;
}

describe('moving people between groups', () => {
  it('when a department is assigned, then everyone in it moves, each with a history line, and a second time changes nothing', async () => {
    const w = await withGroups();
    const p = w.project.projectId;
    const pharmacy = [add(w, { department: 'Pharmacy' }), add(w, { department: 'Pharmacy' })];
    const other = add(w, { department: 'Estates' });
    const first = await assignDepartment(w.rollout, { actor: lee, projectId: p, department: 'Pharmacy', groupId: 'pilot' });
    expect(first).toEqual({ changed: 2, unchanged: 0, notFound: [] });
    for (const m of pharmacy) {
      expect(w.staffStore.members.get(m.localId)?.groupId).toBe('pilot');
      expect(w.staffStore.history.get(m.localId)).toEqual([{ at: '2026-11-25T10:00:00.000Z', by: { id: lee.userId, name: lee.name }, field: 'group', to: 'pilot', how: 'group' }]);
    }
    expect(w.staffStore.members.get(other.localId)?.groupId).toBeUndefined();
    expect(await assignDepartment(w.rollout, { actor: lee, projectId: p, department: 'Pharmacy', groupId: 'pilot' })).toEqual({ changed: 0, unchanged: 2, notFound: [] });
  });

  it('when a list of local IDs is pasted, then those people move and unknown IDs are named back', async () => {
    const w = await withGroups();
    const a = add(w, { localId: 'E100' });
    const b = add(w, { localId: 'E101', groupId: 'pilot' });
    const outcome = await assignListed(w.rollout, { actor: priya, projectId: w.project.projectId, localIds: 'E100, E101\nE999;E100', groupId: 'phase-1' });
    expect(outcome).toEqual({ changed: 2, unchanged: 0, notFound: ['E999'] });
    expect(w.staffStore.members.get(a.localId)?.groupId).toBe('phase-1');
    expect(w.staffStore.history.get(b.localId)?.[0]).toMatchObject({ from: 'pilot', to: 'phase-1' });
  });

  it('when the pasted list holds something that is not a local ID, then nobody moves', async () => {
    const w = await withGroups();
    add(w, { localId: 'E100' });
    expect(parseLocalIds('E100 <script>').bad).toEqual(['<script>']);
    expect(await caught(() => assignListed(w.rollout, { actor: priya, projectId: w.project.projectId, localIds: 'E100 <script>', groupId: 'pilot' }))).toBeInstanceOf(ValidationFailed);
    expect(w.staffStore.members.get('E100')?.groupId).toBeUndefined();
  });

  it('when one person is moved from an out-of-date card, then it is refused; from a current one it lands', async () => {
    const w = await withGroups();
    const m = add(w, { localId: 'E200', version: 3 });
    expect(await caught(() => movePerson(w.rollout, { actor: lee, projectId: w.project.projectId, localId: 'E200', groupId: 'pilot', expectedVersion: 2 }))).toBeInstanceOf(StaleEdit);
    const moved = await movePerson(w.rollout, { actor: lee, projectId: w.project.projectId, localId: m.localId, groupId: 'pilot', expectedVersion: 3 });
    expect(moved).toMatchObject({ groupId: 'pilot', version: 4 });
    const out = await movePerson(w.rollout, { actor: lee, projectId: w.project.projectId, localId: m.localId, groupId: '' });
    expect(out.groupId).toBeUndefined();
  });

  it('when a team member or the SRO tries to move people, then they are refused', async () => {
    const w = await withGroups();
    add(w, { localId: 'E300' });
    for (const actor of [tom, sam]) {
      expect(await caught(() => movePerson(w.rollout, { actor, projectId: w.project.projectId, localId: 'E300', groupId: 'pilot' }))).toBeInstanceOf(PermissionDenied);
    }
  });
});

describe('migration status', () => {
  it('when an LA sets a whole group to account requested, then everyone moves but those already on NHSmail keep not needed', async () => {
    const w = await withGroups();
    const a = add(w, { groupId: 'pilot' });
    const b = add(w, { groupId: 'pilot', status: 'not-needed', nhsmailAddress: 'b@nhs.net' });
    add(w, { groupId: 'phase-1' });
    const outcome = await setGroupStatus(w.rollout, { actor: lee, projectId: w.project.projectId, groupId: 'pilot', status: 'account-requested' });
    expect(outcome.changed).toBe(1);
    expect(w.staffStore.members.get(a.localId)?.status).toBe('account-requested');
    expect(w.staffStore.members.get(b.localId)?.status).toBe('not-needed');
    expect(w.staffStore.history.get(a.localId)).toEqual([expect.objectContaining({ field: 'status', from: 'not-started', to: 'account-requested', how: 'group' })]);
  });

  it('when one person is set to activated, then their history says who and how; a made-up status is refused', async () => {
    const w = await withGroups();
    const a = add(w, {});
    await setPersonStatus(w.rollout, { actor: lee, projectId: w.project.projectId, localId: a.localId, status: 'activated' });
    expect(w.staffStore.history.get(a.localId)).toEqual([expect.objectContaining({ to: 'activated', how: 'one', by: { id: lee.userId, name: lee.name } })]);
    expect(await caught(() => setPersonStatus(w.rollout, { actor: lee, projectId: w.project.projectId, localId: a.localId, status: 'done' }))).toBeInstanceOf(ValidationFailed);
    expect(await caught(() => setPersonStatus(w.rollout, { actor: tom, projectId: w.project.projectId, localId: a.localId, status: 'migrated' }))).toBeInstanceOf(PermissionDenied);
  });
});

describe('co-existence', () => {
  const groups = [
    { projectId: 'p', groupId: 'pilot', name: 'Pilot', kind: 'pilot' as const, order: 0, updatedAt: '', version: 1 },
    { projectId: 'p', groupId: 'phase-1', name: 'Phase 1', kind: 'phase' as const, order: 1, updatedAt: '', version: 1 },
  ];

  it('when a mailbox, its owner and delegates are in one group, then there is no warning', () => {
    const owner = person('p', { localId: 'O1', groupId: 'pilot' });
    const mailbox = person('p', { localId: 'M1', accountType: 'shared', ownerLocalId: 'O1', delegateLocalIds: [], groupId: 'pilot' });
    expect(coexistenceOf(mailbox, new Map([['O1', owner]]), groups)).toBeUndefined();
  });

  it('when most are in phase 1 and one is in the pilot, then the fix moves the one into phase 1', () => {
    const owner = person('p', { localId: 'O1', groupId: 'phase-1' });
    const d1 = person('p', { localId: 'D1', groupId: 'pilot' });
    const mailbox = person('p', { localId: 'M1', accountType: 'shared', ownerLocalId: 'O1', delegateLocalIds: ['D1', 'D404'], groupId: 'phase-1' });
    const warning = coexistenceOf(mailbox, new Map([['O1', owner], ['D1', d1]]), groups);
    expect(warning?.fix?.group.groupId).toBe('phase-1');
    expect(warning?.fix?.moves.map((m) => m.localId)).toEqual(['D1']);
    expect(warning?.notOnList).toEqual(['D404']);
  });

  it('when it is a tie, then the earlier group is offered; when nobody has a group, no move is offered', () => {
    const owner = person('p', { localId: 'O1', groupId: 'phase-1' });
    const mailbox = person('p', { localId: 'M1', accountType: 'shared', ownerLocalId: 'O1', delegateLocalIds: [], groupId: 'pilot' });
    expect(coexistenceOf(mailbox, new Map([['O1', owner]]), groups)?.fix?.group.groupId).toBe('pilot');
    const loose = person('p', { localId: 'M2', accountType: 'shared', ownerLocalId: 'O2', delegateLocalIds: [] });
    const warning = coexistenceOf(loose, new Map([['O2', person('p', { localId: 'O2' })]]), groups);
    expect(warning).toBeDefined();
    expect(warning?.fix).toBeUndefined();
  });

  it('when the PM presses the fix, then the mailbox, owner and delegates are all in the group and the warning is gone', async () => {
    const w = await withGroups();
    const p = w.project.projectId;
    add(w, { localId: 'O1', groupId: 'phase-1' });
    add(w, { localId: 'D1' });
    add(w, { localId: 'M1', accountType: 'shared', ownerLocalId: 'O1', delegateLocalIds: ['D1'], groupId: 'pilot' });
    const before = await checkCoexistence(w.rollout, { actor: tom, projectId: p });
    expect(before.warnings).toHaveLength(1);
    const fix = before.warnings[0]?.fix;
    expect(fix?.group.groupId).toBe('pilot');
    const { moved } = await fixCoexistence(w.rollout, { actor: priya, projectId: p, mailboxId: 'M1', groupId: fix?.group.groupId });
    expect(moved).toBe(2);
    expect((await checkCoexistence(w.rollout, { actor: tom, projectId: p })).warnings).toEqual([]);
  });
});
