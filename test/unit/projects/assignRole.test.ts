import { describe, expect, it } from 'vitest';
import { assignRole } from '../../../bot/migration/projects/assignRole';
import { LastProjectManager } from '../../../bot/migration/projects/projectErrors';
import { setUpProject } from '../../../bot/migration/projects/setUpProject';
import type { ValidationFailed } from '../../../bot/migration/shared/errors';
import { NotFound, PermissionDenied } from '../../../bot/migration/shared/errors';
import { caught, intruder, newWorld, nia, niaInTeam, priya, sam, sue, teamProject, tom, VALID_FORM } from './projectFixtures';

describe('assigning roles', () => {
  it('when the project manager adds people, then they join in order with their roles, and each change is audited', async () => {
    const world = newWorld();
    const project = await teamProject(world);
    expect(project.members.map((m) => [m.userId, m.role])).toEqual([
      ['29:priya', 'project-manager'],
      ['29:sam', 'sro'],
      ['29:tom', 'team-member'],
      ['29:lee', 'local-admin'],
      ['29:sue', 'staff'],
    ]);
    const history = await world.deps.projects.history(project.projectId);
    expect(history.at(-1)).toEqual({
      kind: 'role-changed',
      at: '2026-11-25T10:00:00.000Z',
      by: { id: '29:priya', name: 'Priya Shah' },
      member: { id: '29:sue', name: 'Sue Staff' },
      before: null,
      after: 'staff',
    });
  });

  it('when a role is changed, then the member keeps their place and the audit shows before and after', async () => {
    const world = newWorld();
    const { projectId } = await teamProject(world);
    const project = await assignRole(world.deps, { actor: priya, projectId, member: tom, role: 'sro' });
    expect(project.members[2]).toMatchObject({ userId: '29:tom', role: 'sro' });
    expect((await world.deps.projects.history(projectId)).at(-1)).toMatchObject({ before: 'team-member', after: 'sro' });
  });

  it('when someone is removed, then they are no longer a member and no longer find the project', async () => {
    const world = newWorld();
    const { projectId } = await teamProject(world);
    const project = await assignRole(world.deps, { actor: priya, projectId, member: tom, role: null });
    expect(project.members.map((m) => m.userId)).not.toContain('29:tom');
    expect(await world.deps.projects.findByMember('tenant-rh8', '29:tom')).toEqual([]);
  });

  it('when the role is already the one asked for, then nothing is saved', async () => {
    const world = newWorld();
    const { projectId } = await teamProject(world);
    const writes = world.store.writes;
    await assignRole(world.deps, { actor: priya, projectId, member: tom, role: 'team-member' });
    expect(world.store.writes).toBe(writes);
  });

  it.each([
    ['the SRO', sam],
    ['a team member', tom],
    ['a member of staff', sue],
    ['someone in the team with no role', niaInTeam],
  ])('when %s tries to assign a role, then it is refused with the reason and nothing changes', async (_who, actor) => {
    const world = newWorld();
    const { projectId } = await teamProject(world);
    const writes = world.store.writes;
    const error = await caught(() => assignRole(world.deps, { actor, projectId, member: nia, role: 'team-member' }));
    expect(error).toBeInstanceOf(PermissionDenied);
    expect((error as PermissionDenied).reason).toBe('Only the project manager can assign project roles.');
    expect(world.store.writes).toBe(writes);
  });

  it('when the only project manager tries to step down, then it is refused', async () => {
    const world = newWorld();
    const { projectId } = await teamProject(world);
    await expect(assignRole(world.deps, { actor: priya, projectId, member: priya, role: 'team-member' })).rejects.toBeInstanceOf(LastProjectManager);
    await expect(assignRole(world.deps, { actor: priya, projectId, member: priya, role: null })).rejects.toBeInstanceOf(LastProjectManager);
    expect((await world.deps.projects.get(projectId))?.members[0]).toMatchObject({ userId: '29:priya', role: 'project-manager' });
  });

  it('when there is a second project manager, then the first may hand over and step down', async () => {
    const world = newWorld();
    const { projectId } = await teamProject(world);
    await assignRole(world.deps, { actor: priya, projectId, member: sam, role: 'project-manager' });
    const project = await assignRole(world.deps, { actor: priya, projectId, member: priya, role: 'sro' });
    expect(project.members.filter((m) => m.role === 'project-manager').map((m) => m.userId)).toEqual(['29:sam']);
    await expect(assignRole(world.deps, { actor: priya, projectId, member: tom, role: 'sro' })).rejects.toBeInstanceOf(PermissionDenied);
  });

  it('when the person reaches the bot with another Teams id but the same Entra id, then they are recognised as the same member', async () => {
    const world = newWorld();
    const { projectId } = await teamProject(world);
    const project = await assignRole(world.deps, { actor: { ...priya, userId: '29:priya-other-bot' }, projectId, member: { ...tom, userId: '29:tom-other-bot' }, role: 'sro' });
    expect(project.members.filter((m) => m.aadObjectId === 'aad-tom')).toEqual([{ userId: '29:tom', aadObjectId: 'aad-tom', name: 'Tom Evans', role: 'sro' }]);
  });

  it('when the person or role is missing, then the problems are reported together', async () => {
    const world = newWorld();
    const { projectId } = await teamProject(world);
    const error = await caught(() => assignRole(world.deps, { actor: priya, projectId, member: { userId: '', name: '' }, role: 'boss' as never }));
    expect((error as ValidationFailed).fieldErrors.map((e) => e.field)).toEqual(['member', 'member', 'role']);
  });

  it('when the project belongs to another tenant, then it is as if it did not exist', async () => {
    const world = newWorld();
    const { projectId } = await teamProject(world);
    await expect(assignRole(world.deps, { actor: intruder, projectId, member: nia, role: 'project-manager' })).rejects.toBeInstanceOf(NotFound);
    await expect(assignRole(world.deps, { actor: priya, projectId: '../prj-1', member: nia, role: 'sro' })).rejects.toBeInstanceOf(NotFound);
  });

  it('when two people are added at the same moment, then both are members', async () => {
    const world = newWorld();
    const { project } = await setUpProject(world.deps, { actor: priya, form: VALID_FORM });
    await Promise.all([
      assignRole(world.deps, { actor: priya, projectId: project.projectId, member: tom, role: 'team-member' }),
      assignRole(world.deps, { actor: priya, projectId: project.projectId, member: sam, role: 'sro' }),
    ]);
    const saved = await world.deps.projects.get(project.projectId);
    expect(saved?.members.map((m) => m.userId).sort()).toEqual(['29:priya', '29:sam', '29:tom']);
    expect(world.store.conflicts).toBeGreaterThan(0);
  });
});
