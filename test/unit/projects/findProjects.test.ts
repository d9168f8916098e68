import { describe, expect, it } from 'vitest';
import { assignRole } from '../../../bot/migration/projects/assignRole';
import { findMyProjects, findTeamProject } from '../../../bot/migration/projects/findProjects';
import { setUpProject } from '../../../bot/migration/projects/setUpProject';
import { intruder, newWorld, nia, priya, sue, TEAM, teamProject, tom, VALID_FORM } from './projectFixtures';

describe('finding projects', () => {
  it("when a message comes from a team, then the team's project is found with the sender's role", async () => {
    const w = newWorld();
    const project = await teamProject(w);
    expect(await findTeamProject(w.deps, { actor: tom, teamId: TEAM })).toEqual({
      project: { projectId: project.projectId, organisationName: 'Royal Devon Hospital', odsCode: 'RH8', teamId: TEAM, plannedCutover: '2027-03-01' },
      role: 'team-member',
    });
    expect(await findTeamProject(w.deps, { actor: nia, teamId: TEAM })).toMatchObject({ role: 'staff' });
  });

  it('when the team has no project, or the sender is in another tenant, then nothing is found', async () => {
    const w = newWorld();
    await teamProject(w);
    expect(await findTeamProject(w.deps, { actor: tom, teamId: '19:other@thread.tacv2' })).toBeUndefined();
    expect(await findTeamProject(w.deps, { actor: intruder, teamId: TEAM })).toBeUndefined();
  });

  it('when someone is a member of two projects, then both are listed by organisation name with their role in each', async () => {
    const w = newWorld();
    await teamProject(w);
    const { project } = await setUpProject(w.deps, { actor: priya, form: { ...VALID_FORM, organisationName: 'Appledore Surgery', odsCode: 'L83100' } });
    await assignRole(w.deps, { actor: priya, projectId: project.projectId, member: tom, role: 'sro' });
    const mine = await findMyProjects(w.deps, { actor: tom });
    expect(mine.map((m) => [m.project.organisationName, m.role])).toEqual([
      ['Appledore Surgery', 'sro'],
      ['Royal Devon Hospital', 'team-member'],
    ]);
  });

  it('when someone is not a member anywhere, or is only in another tenant, then the list is empty', async () => {
    const w = newWorld();
    await teamProject(w);
    expect(await findMyProjects(w.deps, { actor: nia })).toEqual([]);
    expect(await findMyProjects(w.deps, { actor: intruder })).toEqual([]);
    expect((await findMyProjects(w.deps, { actor: sue })).map((m) => m.role)).toEqual(['staff']);
  });
});
