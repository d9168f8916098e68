import { describe, expect, it } from 'vitest';
import { PermissionDenied, InvalidState, StaleEdit, ValidationFailed } from '../../../bot/migration/shared/errors';
import { findGroup } from '../../../bot/migration/staff/rollout/groupRules';
import { changeGroup, createGroup, getGroupPage, listGroups, removeGroup } from '../../../bot/migration/staff/rollout/groupUseCases';
import { caught, lee, priya, sue, tom } from '../projects/projectFixtures';
import { person } from './inMemoryRollout';
import { rolloutWorld } from './rolloutWorld';

describe('roll-out groups', () => {
  it('when the PM makes a pilot and two phases, then they get stable ids, default names and roll-out order', async () => {
    const w = await rolloutWorld();
    const p = w.project.projectId;
    await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'phase', cutoverDate: '2027-02-01' });
    await createGroup(w.rollout, { actor: lee, projectId: p, kind: 'pilot', cutoverDate: '2027-01-11' });
    await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'phase', name: 'Phase 2 (community)' });
    const overview = await listGroups(w.rollout, { actor: tom, projectId: p });
    expect(overview.groups.map((g) => [g.group.groupId, g.group.name])).toEqual([
      ['pilot', 'Pilot'],
      ['phase-1', 'Phase 1'],
      ['phase-2', 'Phase 2 (community)'],
    ]);
    expect(overview.canChange).toBe(false);
  });

  it('when a second pilot is asked for, then it is refused and nothing is made', async () => {
    const w = await rolloutWorld();
    await createGroup(w.rollout, { actor: priya, projectId: w.project.projectId, kind: 'pilot' });
    const error = await caught(() => createGroup(w.rollout, { actor: priya, projectId: w.project.projectId, kind: 'pilot', name: 'Another' }));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(w.staffStore.groupsById.size).toBe(1);
  });

  it.each([
    ['2026-11-24', 'in the past'],
    ['2026-02-30', 'real date'],
  ])('when a cutover of %s is given, then it is refused (%s)', async (date, words) => {
    const w = await rolloutWorld();
    const error = await caught(() => createGroup(w.rollout, { actor: priya, projectId: w.project.projectId, kind: 'pilot', cutoverDate: date }));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).message).toContain(words);
    expect(w.staffStore.groupsById.size).toBe(0);
  });

  it('when a cutover of today is given, then it is accepted (UK date)', async () => {
    const w = await rolloutWorld('2026-11-25T23:30:00.000Z');
    const g = await createGroup(w.rollout, { actor: priya, projectId: w.project.projectId, kind: 'pilot', cutoverDate: '2026-11-25' });
    expect(g.cutoverDate).toBe('2026-11-25');
  });

  it('when a phase is dated on or before the pilot, or the pilot after a phase, then it is refused with the other date', async () => {
    const w = await rolloutWorld();
    const p = w.project.projectId;
    await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'pilot', cutoverDate: '2027-01-11' });
    const early = await caught(() => createGroup(w.rollout, { actor: priya, projectId: p, kind: 'phase', cutoverDate: '2027-01-11' }));
    expect((early as ValidationFailed).message).toContain('Mon 11 Jan 2027');
    const phase = await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'phase', cutoverDate: '2027-02-01' });
    const pilot = w.staffStore.groupsById.get('pilot');
    const late = await caught(() => changeGroup(w.rollout, { actor: priya, projectId: p, groupId: 'pilot', expectedVersion: pilot?.version, cutoverDate: '2027-03-01' }));
    expect((late as ValidationFailed).message).toContain('pilot goes first');
    const p2 = await caught(() => createGroup(w.rollout, { actor: priya, projectId: p, kind: 'phase', cutoverDate: '2027-01-20' }));
    expect((p2 as ValidationFailed).message).toContain(phase.name);
  });

  it('when a group is renamed and dated from a current card, then both change and the version goes up; from an old card, refused', async () => {
    const w = await rolloutWorld();
    const p = w.project.projectId;
    const g = await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'pilot' });
    const { group } = await changeGroup(w.rollout, { actor: lee, projectId: p, groupId: g.groupId, expectedVersion: g.version, name: 'Pilot: IT and comms', cutoverDate: '2027-01-11' });
    expect(group).toMatchObject({ name: 'Pilot: IT and comms', cutoverDate: '2027-01-11', version: 2, groupId: 'pilot' });
    expect(await caught(() => changeGroup(w.rollout, { actor: lee, projectId: p, groupId: g.groupId, expectedVersion: 1, name: 'Other' }))).toBeInstanceOf(StaleEdit);
    expect(findGroup([group], 'pilot: it and comms')?.groupId).toBe('pilot');
  });

  it('when a group still has people, then it cannot be removed; once empty it can', async () => {
    const w = await rolloutWorld();
    const p = w.project.projectId;
    const g = await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'phase' });
    const m = person(p, { groupId: g.groupId });
    w.staffStore.members.set(m.localId, m);
    expect(await caught(() => removeGroup(w.rollout, { actor: priya, projectId: p, groupId: g.groupId, expectedVersion: 1 }))).toBeInstanceOf(InvalidState);
    w.staffStore.members.delete(m.localId);
    await removeGroup(w.rollout, { actor: priya, projectId: p, groupId: g.groupId, expectedVersion: 1 });
    expect(w.staffStore.groupsById.size).toBe(0);
  });

  it('when a team member tries to make a group, or staff to read them, then they are refused', async () => {
    const w = await rolloutWorld();
    expect(await caught(() => createGroup(w.rollout, { actor: tom, projectId: w.project.projectId, kind: 'pilot' }))).toBeInstanceOf(PermissionDenied);
    expect(await caught(() => listGroups(w.rollout, { actor: sue, projectId: w.project.projectId }))).toBeInstanceOf(PermissionDenied);
  });

  it('when a group of 45 is opened, then its size is 45 and people come 20 to a page by last name', async () => {
    const w = await rolloutWorld();
    const p = w.project.projectId;
    await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'pilot' });
    for (let i = 0; i < 45; i += 1) {
      const m = person(p, { groupId: 'pilot' });
      w.staffStore.members.set(m.localId, m);
    }
    const first = await getGroupPage(w.rollout, { actor: tom, projectId: p, groupId: 'pilot' });
    expect(first.size).toBe(45);
    expect(first.members).toHaveLength(20);
    const third = await getGroupPage(w.rollout, { actor: tom, projectId: p, groupId: 'pilot', after: '40' });
    expect(third.members).toHaveLength(5);
    expect(third.next).toBeUndefined();
  });
});
