import { describe, expect, it } from 'vitest';
import { assignRole } from '../../../bot/migration/projects/assignRole';
import { MAX_PROJECT_MEMBERS, type ProjectMember } from '../../../bot/migration/projects/project';
import { LastProjectManager, ProjectMembersFull } from '../../../bot/migration/projects/projectErrors';
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

  describe('the member bound', () => {
    /** Fills the project up to `count` members straight through the store, as years of additions would. */
    async function fillTo(world: ReturnType<typeof newWorld>, projectId: string, count: number): Promise<void> {
      await world.deps.projects.tryUpdate(projectId, (current) => {
        const extra: ProjectMember[] = Array.from({ length: count - current.members.length }, (_, i) => ({
          userId: `29:filler-${i}`,
          name: `Filler ${i}`,
          role: 'staff',
        }));
        return { project: { ...current, members: [...current.members, ...extra] }, audit: [] };
      });
    }

    it('when the project already holds the most members it may, then the next person is refused with a clear line and nothing is saved', async () => {
      const world = newWorld();
      const { projectId } = await teamProject(world);
      await fillTo(world, projectId, MAX_PROJECT_MEMBERS);
      const writes = world.store.writes;
      const error = await caught(() => assignRole(world.deps, { actor: priya, projectId, member: nia, role: 'team-member' }));
      expect(error).toBeInstanceOf(ProjectMembersFull);
      expect((error as ProjectMembersFull).message).toBe(
        'This project already has 500 people with a place on it, which is the most one project can hold, so this person was not added.',
      );
      expect(world.store.writes).toBe(writes);
      expect((await world.deps.projects.get(projectId))?.members).toHaveLength(MAX_PROJECT_MEMBERS);
    });

    it('when the project has one place left, then one more person is added and takes the last place', async () => {
      const world = newWorld();
      const { projectId } = await teamProject(world);
      await fillTo(world, projectId, MAX_PROJECT_MEMBERS - 1);
      const project = await assignRole(world.deps, { actor: priya, projectId, member: nia, role: 'team-member' });
      expect(project.members).toHaveLength(MAX_PROJECT_MEMBERS);
      expect(project.members.at(-1)).toMatchObject({ userId: '29:nia', role: 'team-member' });
    });

    it('when the project is full, then members already on it can still change role or be taken off', async () => {
      const world = newWorld();
      const { projectId } = await teamProject(world);
      await fillTo(world, projectId, MAX_PROJECT_MEMBERS);
      expect((await assignRole(world.deps, { actor: priya, projectId, member: tom, role: 'sro' })).members).toHaveLength(MAX_PROJECT_MEMBERS);
      expect((await assignRole(world.deps, { actor: priya, projectId, member: tom, role: null })).members).toHaveLength(MAX_PROJECT_MEMBERS - 1);
    });

    it('when two people are added at the same moment for the last place, then exactly one gets it', async () => {
      const world = newWorld();
      const { projectId } = await teamProject(world);
      await fillTo(world, projectId, MAX_PROJECT_MEMBERS - 1);
      const results = await Promise.allSettled([
        assignRole(world.deps, { actor: priya, projectId, member: nia, role: 'team-member' }),
        assignRole(world.deps, { actor: priya, projectId, member: { userId: '29:ravi', name: 'Ravi Patel' }, role: 'staff' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(ProjectMembersFull);
      expect((await world.deps.projects.get(projectId))?.members).toHaveLength(MAX_PROJECT_MEMBERS);
    });
  });
});
