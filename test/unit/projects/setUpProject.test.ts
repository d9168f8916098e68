import { describe, expect, it } from 'vitest';
import { ProjectAlreadySetUp } from '../../../bot/migration/projects/projectErrors';
import { setUpProject } from '../../../bot/migration/projects/setUpProject';
import { PermissionDenied, ValidationFailed } from '../../../bot/migration/shared/errors';
import { caught, newWorld, priya, TEAM, tom, VALID_FORM } from './projectFixtures';

describe('setting up a project', () => {
  it('when the form is valid, then the project is saved with the creator as its only project manager', async () => {
    const { deps, store } = newWorld();
    const { project, hints } = await setUpProject(deps, { actor: priya, teamId: TEAM, reportsConversationRef: 'conv-reports', form: VALID_FORM });

    expect(project).toEqual({
      projectId: 'prj-1',
      tenantId: 'tenant-rh8',
      teamId: TEAM,
      reportsConversationRef: 'conv-reports',
      organisationName: 'Royal Devon Hospital',
      odsCode: 'RH8',
      method: 'self-migration',
      approximateUsers: 5000,
      newAccounts: 120,
      phasing: 'phased',
      plannedStart: '2026-09-01',
      plannedCutover: '2027-03-01',
      createdBy: { id: '29:priya', name: 'Priya Shah' },
      createdAt: '2026-11-25T10:00:00.000Z',
      members: [{ userId: '29:priya', aadObjectId: 'aad-priya', name: 'Priya Shah', role: 'project-manager' }],
      milestones: [],
    });
    expect(hints).toEqual([{ field: 'odsCode', message: 'RH8 looks like an NHS trust code.', confirm: false }]);
    expect(await deps.projects.get('prj-1')).toEqual(project);
    expect(await deps.projects.findByTeam('tenant-rh8', TEAM)).toEqual(project);
    expect(await store.projects.history('prj-1')).toEqual([{ kind: 'project-set-up', at: '2026-11-25T10:00:00.000Z', by: { id: '29:priya', name: 'Priya Shah' } }]);
  });

  it('when the cutover is already past by the clock (a 2001 date), then nothing is saved and the cutover is named', async () => {
    const { deps } = newWorld();
    const error = await caught(() => setUpProject(deps, { actor: priya, teamId: TEAM, form: { ...VALID_FORM, plannedStart: '2001-01-01', cutover: '2001-06-01' } }));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).fieldErrors.map((e) => e.field)).toEqual(['cutover']);
    expect(await deps.projects.findByTeam('tenant-rh8', TEAM)).toBeUndefined();
  });

  it('when it is set up from a personal chat, then it has no team and is found through its creator', async () => {
    const { deps } = newWorld();
    const { project } = await setUpProject(deps, { actor: priya, form: VALID_FORM });
    expect(project.teamId).toBeUndefined();
    expect('reportsConversationRef' in project).toBe(false);
    expect((await deps.projects.findByMember('tenant-rh8', '29:priya')).map((p) => p.projectId)).toEqual([project.projectId]);
  });

  it('when the form has several mistakes, then all of them are reported and nothing is saved', async () => {
    const { deps, store } = newWorld();
    const error = await caught(() =>
      setUpProject(deps, { actor: priya, teamId: TEAM, form: { ...VALID_FORM, odsCode: 'R!', cutover: '2026-01-01', phasing: 'whenever' } }),
    );
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).fieldErrors.map((e) => e.field)).toEqual(['odsCode', 'phasing', 'cutover']);
    expect(store.writes).toBe(0);
  });

  it('when the team already has a project, then a second is refused, naming the first, and nothing is saved', async () => {
    const { deps, store } = newWorld();
    await setUpProject(deps, { actor: priya, teamId: TEAM, form: VALID_FORM });
    const error = await caught(() => setUpProject(deps, { actor: tom, teamId: TEAM, form: { ...VALID_FORM, organisationName: 'Another Trust' } }));

    expect(error).toBeInstanceOf(ProjectAlreadySetUp);
    expect((error as ProjectAlreadySetUp).message).toBe(
      'This team already has a migration project for Royal Devon Hospital, so a second one was not set up.',
    );
    expect((error as ProjectAlreadySetUp).existingProjectId).toBe('prj-1');
    expect(store.writes).toBe(1);
    expect(await deps.projects.get('prj-2')).toBeUndefined();
  });

  it('when two people set up a project for the same team at the same moment, then exactly one project exists', async () => {
    const { deps } = newWorld();
    const results = await Promise.allSettled([
      setUpProject(deps, { actor: priya, teamId: TEAM, form: VALID_FORM }),
      setUpProject(deps, { actor: tom, teamId: TEAM, form: VALID_FORM }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(ProjectAlreadySetUp);
    const winner = await deps.projects.findByTeam('tenant-rh8', TEAM);
    expect(winner?.members).toHaveLength(1);
  });

  it('when the same team id is used in another tenant, then that tenant gets its own project', async () => {
    const { deps } = newWorld();
    await setUpProject(deps, { actor: priya, teamId: TEAM, form: VALID_FORM });
    const { project } = await setUpProject(deps, { actor: { ...tom, tenantId: 'tenant-other' }, teamId: TEAM, form: VALID_FORM });
    expect(project.tenantId).toBe('tenant-other');
  });

  it('when one tenant sets up projects in two teams, then both exist side by side', async () => {
    const { deps } = newWorld();
    await setUpProject(deps, { actor: priya, teamId: TEAM, form: VALID_FORM });
    const { project } = await setUpProject(deps, { actor: priya, teamId: '19:second-team@thread.tacv2', form: { ...VALID_FORM, odsCode: 'A81001' } });
    expect(project.projectId).toBe('prj-2');
    expect((await deps.projects.findByMember('tenant-rh8', '29:priya')).map((p) => p.projectId).sort()).toEqual(['prj-1', 'prj-2']);
  });

  it('when the activity did not say who sent it, then nothing is set up', async () => {
    const { deps, store } = newWorld();
    await expect(setUpProject(deps, { actor: { ...priya, userId: ' ' }, form: VALID_FORM })).rejects.toBeInstanceOf(PermissionDenied);
    expect(store.writes).toBe(0);
  });
});
