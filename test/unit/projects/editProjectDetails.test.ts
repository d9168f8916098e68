import { describe, expect, it } from 'vitest';
import { editProjectDetails, projectDetailsForm } from '../../../bot/migration/projects/editProjectDetails';
import { getStatus } from '../../../bot/migration/projects/getStatus';
import { PermissionDenied, ValidationFailed } from '../../../bot/migration/shared/errors';
import { caught, newWorld, priya, sam, teamProject, tom } from './projectFixtures';

describe('editProjectDetails', () => {
  const changed = { ...{ organisationName: 'Royal Devon Hospital', migrationMethod: 'self-migration', approximateUsers: '5,000', newAccounts: '120', phasing: 'phased', plannedStart: '2026-09-01' }, cutover: '2027-05-04' };

  it('when the project manager moves the cutover, then it is saved with who, when, before and after, and the status counts down to the new date', async () => {
    const w = newWorld();
    const project = await teamProject(w);
    const { project: saved, changedFields } = await editProjectDetails(w.deps, { actor: priya, projectId: project.projectId, expectedVersion: 0, form: changed });
    expect(saved).toMatchObject({ plannedCutover: '2027-05-04', detailsVersion: 1, odsCode: 'RH8' });
    expect(changedFields).toEqual(['cutover']);
    const audit = await w.deps.projects.history(project.projectId);
    expect(audit.at(-1)).toEqual({
      kind: 'project-details-changed',
      at: '2026-11-25T10:00:00.000Z',
      by: { id: priya.userId, name: priya.name },
      before: { plannedCutover: '2027-03-01' },
      after: { plannedCutover: '2027-05-04' },
    });
    expect((await getStatus(w.deps, { actor: tom, projectId: project.projectId })).daysToCutover).toBe(160);
  });

  it('when the form is opened, then it holds the project’s current values, ready to send back unchanged', async () => {
    const w = newWorld();
    const project = await teamProject(w);
    expect(projectDetailsForm(project)).toEqual({ ...changed, cutover: '2027-03-01', approximateUsers: '5000' });
    const writes = w.store.writes;
    const again = await editProjectDetails(w.deps, { actor: priya, projectId: project.projectId, expectedVersion: 0, form: projectDetailsForm(project) });
    expect(again.changedFields).toEqual([]);
    expect(w.store.writes).toBe(writes);
  });

  it('when the new cutover has already passed or an answer is wrong, then every problem is refused with set-up’s own checks and nothing is saved', async () => {
    const w = newWorld();
    const project = await teamProject(w);
    const writes = w.store.writes;
    const refused = await caught(() => editProjectDetails(w.deps, { actor: priya, projectId: project.projectId, expectedVersion: 0, form: { ...changed, cutover: '2026-11-24', approximateUsers: 'lots' } }));
    expect(refused).toBeInstanceOf(ValidationFailed);
    expect((refused as ValidationFailed).fieldErrors.map((e) => e.field).sort()).toEqual(['approximateUsers', 'cutover']);
    expect((refused as ValidationFailed).fieldErrors.find((e) => e.field === 'cutover')?.message).toMatch(/passed/);
    expect(w.store.writes).toBe(writes);
  });

  it('when someone else changed the details since the form was opened, then the later save is refused, not lost', async () => {
    const w = newWorld();
    const project = await teamProject(w);
    await editProjectDetails(w.deps, { actor: sam, projectId: project.projectId, expectedVersion: 0, form: { ...changed, newAccounts: '300' } });
    const refused = await caught(() => editProjectDetails(w.deps, { actor: priya, projectId: project.projectId, expectedVersion: 0, form: changed }));
    expect(refused).toMatchObject({ code: 'stale-edit' });
    expect(await w.deps.projects.get(project.projectId)).toMatchObject({ newAccounts: 300, plannedCutover: '2027-05-04' });
  });

  it('when two saves from the same version race, then one lands and the other is refused', async () => {
    const w = newWorld();
    const project = await teamProject(w);
    const results = await Promise.allSettled([
      editProjectDetails(w.deps, { actor: priya, projectId: project.projectId, expectedVersion: 0, form: { ...changed, newAccounts: '200' } }),
      editProjectDetails(w.deps, { actor: sam, projectId: project.projectId, expectedVersion: 0, form: { ...changed, newAccounts: '300' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await w.deps.projects.get(project.projectId))?.detailsVersion).toBe(1);
  });

  it('when a team member tries, then it is refused and names who can', async () => {
    const w = newWorld();
    const project = await teamProject(w);
    const refused = await caught(() => editProjectDetails(w.deps, { actor: tom, projectId: project.projectId, expectedVersion: 0, form: changed }));
    expect(refused).toBeInstanceOf(PermissionDenied);
    expect((refused as PermissionDenied).reason).toContain('project manager');
  });
});
