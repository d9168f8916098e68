import { describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE, findItem } from '../../../bot/migration/gateways/catalogue';
import { getStatus } from '../../../bot/migration/projects/getStatus';
import { recordGatewayDecision } from '../../../bot/migration/projects/recordGatewayDecision';
import { recordMilestone } from '../../../bot/migration/projects/recordMilestone';
import { setUpProject } from '../../../bot/migration/projects/setUpProject';
import { NotFound } from '../../../bot/migration/shared/errors';
import { caught, completeMandatoryItems, edit, intruder, newWorld, nia, niaInTeam, priya, rosterSaying, sam, sue, TEAM, teamProject, tom, VALID_FORM, type TestWorld } from './projectFixtures';

const actionOf = (itemId: string): string => findItem(DEFAULT_GATEWAY_CATALOGUE, itemId).item.action;
const tomRef = { id: '29:tom', name: 'Tom Evans' };
const samRef = { id: '29:sam', name: 'Sam Okafor' };

/** Gateway 1 passed; in gateway 2 two items overdue (one owned by Tom, one by Sam), one due later, one done late, one not applicable. */
async function busyProject(w: TestWorld): Promise<string> {
  const { projectId } = await teamProject(w);
  await completeMandatoryItems(w, projectId, 1);
  await recordGatewayDecision(w.deps, { actor: priya, projectId, stage: 1, outcome: 'go' });
  await edit(w, priya, projectId, 'g2-pid', { field: 'owner', owner: tomRef }, { field: 'due', due: '2026-11-20' });
  await edit(w, priya, projectId, 'g2-risk-log', { field: 'owner', owner: samRef }, { field: 'due', due: '2026-11-24' });
  await edit(w, priya, projectId, 'g2-project-plan', { field: 'due', due: '2026-12-01' });
  await edit(w, priya, projectId, 'g2-assign-pm', { field: 'due', due: '2026-11-01' }, { field: 'status', status: 'done' });
  await edit(w, priya, projectId, 'g2-shared-mailboxes', { field: 'status', status: 'not-applicable', naReason: 'No shared mailboxes' });
  await recordMilestone(w.deps, { actor: priya, projectId, kind: 'pipeline-slot', date: '2027-01-10' });
  await recordMilestone(w.deps, { actor: sam, projectId, kind: 'questionnaire-submitted', date: '2026-11-01' });
  await recordMilestone(w.deps, { actor: sam, projectId, kind: 'pilot-go-no-go', date: '2026-12-15', note: 'Pilot board' });
  await recordMilestone(w.deps, { actor: sam, projectId, kind: 'other', date: '2026-11-25', note: 'Kick-off' });
  return projectId;
}

describe('project status', () => {
  it('when gateways, items and milestones are in progress, then the figures add up', async () => {
    const w = newWorld('2026-11-25T10:00:00.000Z');
    const projectId = await busyProject(w);
    const status = await getStatus(w.deps, { actor: priya, projectId });

    expect(status.project).toEqual({ projectId, organisationName: 'Royal Devon Hospital', odsCode: 'RH8', teamId: '19:migration-team@thread.tacv2', plannedCutover: '2027-03-01' });
    expect(status.viewerRole).toBe('project-manager');
    expect(status.today).toBe('2026-11-25');
    expect(status.daysToCutover).toBe(96);
    expect(status.gateways.map((g) => [g.stage, g.progress.completed, g.progress.total, g.progress.percentComplete, g.passed, g.blockerCount])).toEqual([
      [1, 7, 7, 100, true, 0],
      [2, 2, 17, 11, false, 13],
      [3, 0, 23, 0, false, 22],
      [4, 0, 34, 0, false, 27],
      // Roll-out and the review also wait for gateways 2 to 4 (and 5).
      [5, 0, 7, 0, false, 7 + 3],
      [6, 0, 11, 0, false, 7 + 4],
    ]);
    expect(status.gateways[0]?.decision).toMatchObject({ outcome: 'go', by: { id: '29:priya' } });
    expect(status.overdue).toEqual([
      { itemId: 'g2-pid', stage: 2, action: actionOf('g2-pid'), due: '2026-11-20', daysOverdue: 5, owner: tomRef },
      { itemId: 'g2-risk-log', stage: 2, action: actionOf('g2-risk-log'), due: '2026-11-24', daysOverdue: 1, owner: samRef },
    ]);
    expect(status.upcomingMilestones.map((m) => [m.date, m.kind])).toEqual([
      ['2026-11-25', 'other'],
      ['2026-12-15', 'pilot-go-no-go'],
      ['2027-01-10', 'pipeline-slot'],
    ]);
  });

  it('when staff, or someone in the project’s team with no role, asks, then they can read the status as staff', async () => {
    const w = newWorld();
    const projectId = await busyProject(w);
    await expect(getStatus(w.deps, { actor: sue, projectId })).resolves.toMatchObject({ viewerRole: 'staff', daysToCutover: 96 });
    await expect(getStatus(w.deps, { actor: niaInTeam, projectId })).resolves.toMatchObject({ viewerRole: 'staff' });
  });

  it('when someone in the tenant but not in the team asks, then the project is not found, exactly as for another tenant', async () => {
    const w = newWorld();
    const projectId = await busyProject(w);
    const outsider = await caught(() => getStatus(w.deps, { actor: nia, projectId }));
    const otherTenant = await caught(() => getStatus(w.deps, { actor: intruder, projectId }));
    expect(outsider).toBeInstanceOf(NotFound);
    expect((outsider as NotFound).message).toBe((otherTenant as NotFound).message);
    expect((outsider as NotFound).hint).toBe((otherTenant as NotFound).hint);
    const elsewhere = { ...nia, teams: rosterSaying(['19:another-team@thread.tacv2']) };
    await expect(getStatus(w.deps, { actor: elsewhere, projectId })).rejects.toBeInstanceOf(NotFound);
    expect(elsewhere.teams.asked).toEqual([TEAM]);
  });

  it('when a member with a role asks, then the roster is not asked at all', async () => {
    const w = newWorld();
    const projectId = await busyProject(w);
    const roster = rosterSaying([]);
    await expect(getStatus(w.deps, { actor: { ...tom, teams: roster }, projectId })).resolves.toMatchObject({ viewerRole: 'team-member' });
    expect(roster.asked).toEqual([]);
  });

  it('when someone from another tenant asks, then the project is not found', async () => {
    const w = newWorld();
    const projectId = await busyProject(w);
    await expect(getStatus(w.deps, { actor: intruder, projectId })).rejects.toBeInstanceOf(NotFound);
  });

  it('when a project has just been set up, then every gateway shows as untouched', async () => {
    const w = newWorld();
    const { project } = await setUpProject(w.deps, { actor: priya, form: VALID_FORM });
    const status = await getStatus(w.deps, { actor: priya, projectId: project.projectId });
    expect(status.gateways.map((g) => g.progress.completed)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(status.overdue).toEqual([]);
    expect(status.upcomingMilestones).toEqual([]);
  });
});

describe('status around the clocks going back (BST ends 01:00 UTC, Sun 25 Oct 2026)', () => {
  async function dueOn24October(w: TestWorld): Promise<string> {
    const { projectId } = await teamProject(w);
    await edit(w, tom, projectId, 'g2-pid', { field: 'owner', owner: tomRef }, { field: 'due', due: '2026-10-24' });
    return projectId;
  }

  it('when it is 23:30 BST on Saturday 24 Oct (22:30 UTC), then an item due that day is not yet overdue', async () => {
    const w = newWorld('2026-10-01T09:00:00.000Z');
    const projectId = await dueOn24October(w);
    w.clock.set('2026-10-24T22:30:00.000Z');
    const status = await getStatus(w.deps, { actor: tom, projectId });
    expect(status.today).toBe('2026-10-24');
    expect(status.overdue).toEqual([]);
    expect(status.daysToCutover).toBe(128);
  });

  it('when it is 00:30 BST on Sunday 25 Oct (23:30 UTC on the 24th), then it is overdue by a day although UTC still says the 24th', async () => {
    const w = newWorld('2026-10-01T09:00:00.000Z');
    const projectId = await dueOn24October(w);
    w.clock.set('2026-10-24T23:30:00.000Z');
    const status = await getStatus(w.deps, { actor: tom, projectId });
    expect(status.today).toBe('2026-10-25');
    expect(status.overdue.map((o) => [o.itemId, o.daysOverdue])).toEqual([['g2-pid', 1]]);
    expect(status.daysToCutover).toBe(127);
  });

  it('when it is 00:30 GMT on Monday 26 Oct, after the 25-hour Sunday, then it is overdue by exactly two days', async () => {
    const w = newWorld('2026-10-01T09:00:00.000Z');
    const projectId = await dueOn24October(w);
    w.clock.set('2026-10-26T00:30:00.000Z');
    const status = await getStatus(w.deps, { actor: tom, projectId });
    expect(status.overdue.map((o) => o.daysOverdue)).toEqual([2]);
    expect(status.daysToCutover).toBe(126);
  });
});

describe('status around the clocks going forward (BST starts 01:00 UTC, Sun 28 Mar 2027)', () => {
  it('when cutover is Monday 29 Mar, then the countdown reaches 0 at London midnight, an hour before UTC midnight', async () => {
    const w = newWorld('2027-01-04T09:00:00.000Z');
    const { project } = await setUpProject(w.deps, { actor: priya, form: { ...VALID_FORM, plannedStart: '2027-01-04', cutover: '2027-03-29' } });
    const at = async (iso: string): Promise<number> => {
      w.clock.set(iso);
      return (await getStatus(w.deps, { actor: priya, projectId: project.projectId })).daysToCutover;
    };
    expect(await at('2027-03-27T23:30:00.000Z')).toBe(2);
    expect(await at('2027-03-28T00:30:00.000Z')).toBe(1);
    expect(await at('2027-03-28T22:59:00.000Z')).toBe(1);
    expect(await at('2027-03-28T23:00:00.000Z')).toBe(0);
    expect(await at('2027-03-29T23:00:00.000Z')).toBe(-1);
  });
});
