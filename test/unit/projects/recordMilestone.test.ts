import { describe, expect, it } from 'vitest';
import { assignRole } from '../../../bot/migration/projects/assignRole';
import { recordMilestone } from '../../../bot/migration/projects/recordMilestone';
import type { PermissionDenied, ValidationFailed } from '../../../bot/migration/shared/errors';
import { caught, lee, newWorld, priya, sam, sue, teamProject, tom } from './projectFixtures';

describe('recording a milestone', () => {
  it('when the PM records the pipeline slot, then it is saved on the project with an audit entry', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    const milestone = await recordMilestone(w.deps, { actor: priya, projectId, kind: 'pipeline-slot', date: ' 2027-01-10 ', note: ' Slot 14 ' });

    expect(milestone).toEqual({ id: 'prj-2', kind: 'pipeline-slot', date: '2027-01-10', note: 'Slot 14', recordedBy: { id: '29:priya', name: 'Priya Shah' } });
    expect((await w.deps.projects.get(projectId))?.milestones).toEqual([milestone]);
    expect((await w.deps.projects.history(projectId)).at(-1)).toEqual({
      kind: 'milestone-recorded',
      at: '2026-11-25T10:00:00.000Z',
      by: { id: '29:priya', name: 'Priya Shah' },
      milestoneId: 'prj-2',
      milestoneKind: 'pipeline-slot',
      date: '2027-01-10',
    });
  });

  it('when the PM changes a role between this read and this write, then both the role and the milestone land', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    w.store.beforeNextWrite(async () => {
      await assignRole(w.deps, { actor: priya, projectId, member: tom, role: 'sro' });
    });
    await recordMilestone(w.deps, { actor: sam, projectId, kind: 'pilot-go-no-go', date: '2027-02-01' });
    const project = await w.deps.projects.get(projectId);
    expect(w.store.conflicts).toBe(1);
    expect(project?.milestones.map((m) => m.kind)).toEqual(['pilot-go-no-go']);
    expect(project?.members.find((m) => m.userId === '29:tom')?.role).toBe('sro');
  });

  it('when saves collide twice, then the milestone is still recorded exactly once', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    w.store.collideNext(2);
    await recordMilestone(w.deps, { actor: sam, projectId, kind: 'pilot-go-no-go', date: '2027-02-01' });
    expect((await w.deps.projects.get(projectId))?.milestones).toHaveLength(1);
    expect((await w.deps.projects.history(projectId)).filter((e) => e.kind === 'milestone-recorded')).toHaveLength(1);
  });

  it.each([
    ['a team member', tom],
    ['a local admin', lee],
    ['a member of staff', sue],
  ])('when %s tries, then it is refused with the reason and nothing is saved', async (_who, actor) => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    const error = await caught(() => recordMilestone(w.deps, { actor, projectId, kind: 'pipeline-slot', date: '2027-01-10' }));
    expect((error as PermissionDenied).reason).toBe('Only the project manager or SRO can record a milestone.');
    expect((await w.deps.projects.get(projectId))?.milestones).toEqual([]);
  });

  it('when the date is not real, or an "other" milestone has no note, then every problem is reported', async () => {
    const w = newWorld();
    const { projectId } = await teamProject(w);
    const error = await caught(() => recordMilestone(w.deps, { actor: priya, projectId, kind: 'other', date: '2027-02-30' }));
    expect((error as ValidationFailed).fieldErrors.map((e) => e.field)).toEqual(['date', 'note']);
  });
});
