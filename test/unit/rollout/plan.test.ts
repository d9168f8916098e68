import { describe, expect, it } from 'vitest';
import { PermissionDenied, StaleEdit, ValidationFailed } from '../../../bot/migration/shared/errors';
import { getGroupChecklist, tickGroupStep } from '../../../bot/migration/staff/rollout/groupChecklist';
import { stepsFor } from '../../../bot/migration/staff/rollout/groupSteps';
import { createGroup } from '../../../bot/migration/staff/rollout/groupUseCases';
import { reminderDay, reminderDue, reminderText } from '../../../bot/migration/staff/rollout/monthlyReminder';
import { exportPortalAccounts, portalFiles } from '../../../bot/migration/staff/rollout/portalAccounts';
import { behindPlan, plannedFromGroups, registrationRows } from '../../../bot/migration/staff/rollout/registrations';
import { getRegistrations, setPlannedFigures } from '../../../bot/migration/staff/rollout/registrationsUseCases';
import { parsePortalColumns, resolveRolloutSettings } from '../../../bot/migration/staff/rollout/rolloutSettings';
import { setPersonStatus } from '../../../bot/migration/staff/rollout/staffChanges';
import { caught, lee, priya, sue, tom } from '../projects/projectFixtures';
import { person } from './inMemoryRollout';
import { rolloutWorld } from './rolloutWorld';

describe('registrations against plan', () => {
  it('when groups have dates, then each group’s new accounts are planned in its cutover month, undated groups left out', () => {
    const planned = plannedFromGroups([
      { group: { groupId: 'pilot', name: 'Pilot', cutoverDate: '2027-01-11' }, newAccounts: 20 },
      { group: { groupId: 'phase-1', name: 'Phase 1', cutoverDate: '2027-01-25' }, newAccounts: 100 },
      { group: { groupId: 'phase-2', name: 'Phase 2' }, newAccounts: 300 },
    ]);
    expect([...planned]).toEqual([['2027-01', 120]]);
  });

  it('when a month is overridden, then the override is the plan and the questionnaire figure is shown beside it', () => {
    const rows = registrationRows(new Map([['2027-01', 120]]), { '2027-02': 50 }, new Map([['2027-01', 90]]), [{ month: '2027-01', planned: 150 }]);
    expect(rows).toEqual([
      { month: '2027-01', fromGroups: 120, planned: 120, overridden: false, registered: 90, questionnaire: 150 },
      { month: '2027-02', fromGroups: 0, planned: 50, overridden: true, registered: 0 },
    ]);
  });

  it('when fewer are registered than planned by the end of last month, then it is behind plan; the month under way is not judged', () => {
    const rows = registrationRows(new Map([['2027-01', 120], ['2027-02', 100]]), {}, new Map([['2027-01', 90]]));
    expect(behindPlan(rows, '2027-01', 1)).toBeUndefined();
    expect(behindPlan(rows, '2027-02', 1)?.text).toBe('Registrations are behind plan: 90 of the 120 new accounts planned by the end of January 2027 are registered.');
    expect(behindPlan(rows, '2027-02', 0.75)).toBeUndefined();
  });

  it('when people are activated, then the month they were activated counts them once, and people on NHSmail are not planned', async () => {
    const w = await rolloutWorld('2026-12-02T10:00:00.000Z');
    const p = w.project.projectId;
    await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'pilot', cutoverDate: '2026-12-14' });
    const a = person(p, { groupId: 'pilot' });
    const b = person(p, { groupId: 'pilot' });
    const c = person(p, { groupId: 'pilot', status: 'not-needed', nhsmailAddress: 'c@nhs.net' });
    for (const m of [a, b, c]) w.staffStore.members.set(m.localId, m);
    await setPersonStatus(w.rollout, { actor: lee, projectId: p, localId: a.localId, status: 'activated' });
    await setPersonStatus(w.rollout, { actor: lee, projectId: p, localId: a.localId, status: 'migrated' });
    const view = await getRegistrations(w.rollout, { actor: tom, projectId: p });
    expect(view.rows).toEqual([{ month: '2026-12', fromGroups: 2, planned: 2, overridden: false, registered: 1 }]);
    expect(await caught(() => getRegistrations(w.rollout, { actor: sue, projectId: p }))).toBeInstanceOf(PermissionDenied);
  });

  it('when the PM types planned figures, then they override the groups; typing the groups’ own figure goes back to following them', async () => {
    const w = await rolloutWorld();
    const p = w.project.projectId;
    await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'pilot', cutoverDate: '2027-01-11' });
    const m = person(p, { groupId: 'pilot' });
    w.staffStore.members.set(m.localId, m);
    const edited = await setPlannedFigures(w.rollout, { actor: priya, projectId: p, text: '2027-01: 40\n2027-02: 60' });
    expect(edited.rows.map((r) => [r.month, r.planned, r.overridden])).toEqual([['2027-01', 40, true], ['2027-02', 60, true]]);
    const back = await setPlannedFigures(w.rollout, { actor: priya, projectId: p, text: '2027-01: 1' });
    expect(back.rows[0]).toMatchObject({ month: '2027-01', planned: 1, overridden: false });
    expect(await caught(() => setPlannedFigures(w.rollout, { actor: priya, projectId: p, text: 'January: lots' }))).toBeInstanceOf(ValidationFailed);
    expect(await caught(() => setPlannedFigures(w.rollout, { actor: tom, projectId: p, text: '2027-01: 4' }))).toBeInstanceOf(PermissionDenied);
  });
});

describe('the monthly reminder', () => {
  it('when the month ends on a weekend, then the reminder is due three working days before its last working day', () => {
    // January 2027 ends on a Sunday: last working day Fri 29, three working days before is Tue 26.
    expect(reminderDay('2027-01', 3)).toBe('2027-01-26');
    expect(reminderDue('2027-01-25', 3)).toBeUndefined();
    expect(reminderDue('2027-01-26', 3)).toBe('2027-01');
    expect(reminderDue('2027-01-31', 3)).toBe('2027-01');
  });

  it('when the text is written, then it has the month’s figures ready to send', () => {
    const rows = registrationRows(new Map([['2027-01', 120]]), {}, new Map([['2027-01', 90]]));
    expect(reminderText('Royal Devon', rows, '2027-01')).toContain('January 2027: 90 new NHSmail accounts registered (activated or migrated) against 120 planned.');
  });
});

describe('Portal account files', () => {
  it('when 600 people need accounts, then there are three files of at most 250 rows, each with the default heading', () => {
    const people = Array.from({ length: 600 }, () => person('p'));
    const files = portalFiles(people, resolveRolloutSettings().portalColumns, 250, { odsCode: 'RH8' }, 'accounts');
    expect(files.map((f) => f.people)).toEqual([250, 250, 100]);
    expect(files.map((f) => f.fileName)).toEqual(['accounts-part-01-of-03.csv', 'accounts-part-02-of-03.csv', 'accounts-part-03-of-03.csv']);
    expect(files[0]?.rows[0]).toEqual(['ID', 'Organisation Code', 'First Name', 'Last Name', 'Local Unique Identifier']);
    expect(files[0]?.rows[1]).toEqual(['', 'RH8', people[0]?.firstName, people[0]?.lastName, people[0]?.localId]);
  });

  it('when people already hold NHSmail or have an account, then they are left out; shared mailboxes are in', async () => {
    const w = await rolloutWorld();
    const p = w.project.projectId;
    await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'pilot' });
    const keep = [person(p, { groupId: 'pilot', lastName: 'Adams' }), person(p, { accountType: 'shared', lastName: 'Pharmacy Office', status: 'account-requested' })];
    const skip = [person(p, { nhsmailAddress: 'x@nhs.net' }), person(p, { status: 'activated' }), person(p, { status: 'not-needed' })];
    for (const m of [...keep, ...skip]) w.staffStore.members.set(m.localId, m);
    const all = await exportPortalAccounts(w.rollout, { actor: tom, projectId: p });
    expect(all.people).toBe(2);
    expect(all.files[0]?.rows.slice(1).map((r) => r[3])).toEqual(['Adams', 'Pharmacy Office']);
    const pilot = await exportPortalAccounts(w.rollout, { actor: tom, projectId: p, groupId: 'pilot' });
    expect(pilot.people).toBe(1);
    expect(pilot.groupName).toBe('Pilot');
  });

  it('when columns are configured, then heading=field pairs are read in order, and a setting without the local ID is refused', () => {
    expect(parsePortalColumns('ID=portal-id, Local ID=local-id ,Surname=last-name')).toEqual({
      ok: true,
      columns: [{ heading: 'ID', field: 'portal-id' }, { heading: 'Local ID', field: 'local-id' }, { heading: 'Surname', field: 'last-name' }],
    });
    expect(parsePortalColumns('ID=portal-id,Surname=last-name').ok).toBe(false);
    expect(parsePortalColumns('ID=nonsense').ok).toBe(false);
  });
});

describe('group checklists', () => {
  it('when the pilot and a phase are opened, then the pilot has the project-wide steps and the phase the lessons step', () => {
    expect(stepsFor('pilot').map((s) => s.id)).toContain('registration-limits');
    expect(stepsFor('phase').map((s) => s.id)).not.toContain('registration-limits');
    expect(stepsFor('phase').map((s) => s.id)).toContain('lessons');
  });

  it('when a step is ticked, then it is done by them; ticked again from an old card, refused', async () => {
    const w = await rolloutWorld();
    const p = w.project.projectId;
    await createGroup(w.rollout, { actor: priya, projectId: p, kind: 'pilot' });
    const done = await tickGroupStep(w.rollout, { actor: tom, projectId: p, groupId: 'pilot', stepId: 'helpdesk', done: true });
    expect(done.done).toBe(1);
    const step = done.steps.find((s) => s.step.id === 'helpdesk');
    expect(step?.state).toMatchObject({ done: true, by: { name: tom.name } });
    await tickGroupStep(w.rollout, { actor: lee, projectId: p, groupId: 'pilot', stepId: 'helpdesk', done: false, seenAt: step?.state?.at ?? '' });
    expect(await caught(() => tickGroupStep(w.rollout, { actor: tom, projectId: p, groupId: 'pilot', stepId: 'helpdesk', done: true, seenAt: '' }))).toBeInstanceOf(StaleEdit);
    expect((await getGroupChecklist(w.rollout, { actor: tom, projectId: p, groupId: 'pilot' })).done).toBe(0);
    expect(await caught(() => getGroupChecklist(w.rollout, { actor: sue, projectId: p, groupId: 'pilot' }))).toBeInstanceOf(PermissionDenied);
  });
});
