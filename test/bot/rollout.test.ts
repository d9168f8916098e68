import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../bot/migration/shared/ukDates';
import { reminderDay } from '../../bot/migration/staff/rollout/monthlyReminder';
import type { StaffMember } from '../../bot/migration/staff/staffMember';
import { actionsOf } from '../harness/cardSearch';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectFormFromToday } from '../harness/projectForms';
import { startTeamUnderTest, talkInTeam } from '../harness/teamUnderTest';

/** The roll-out as a project team uses it in Teams, turn by turn over real HTTP, on the Cosmos stores. */

const TEAM = '19:rollout@thread.tacv2';
const PM = { id: '29:priya', name: 'Priya Shah' };
const LEE = { id: '29:lee', name: 'Lee Admin' };
const TOM = { id: '29:tom', name: 'Tom Evans' };
const SUE = { id: '29:sue', name: 'Sue Staff' };
type Json = Record<string, unknown>;

const today = todayInLondon(new Date());
const PILOT_DATE = addDays(today, 40);
const PHASE_DATE = addDays(today, 80);

describe('the roll-out in Teams, over HTTP', () => {
  let bot: GatewayUnderTest;
  let projectId: string;

  const { say, sayInChat, press } = talkInTeam(() => bot, TEAM);
  const replyText = (calls: Awaited<ReturnType<typeof say>>) => calls.map((c) => visibleText(c.body ?? {})).join('\n');
  const cardOfReply = (calls: Awaited<ReturnType<typeof say>>) => {
    const reply = calls.find((c) => c.body !== undefined && adaptiveCardOf(c.body) !== undefined);
    return reply?.body === undefined ? undefined : adaptiveCardOf(reply.body);
  };
  const addPerson = async (partial: Partial<StaffMember> & { localId: string }) => {
    const member: StaffMember = {
      projectId,
      firstName: 'Alex',
      lastName: partial.localId,
      accountType: 'person',
      delegateLocalIds: [],
      status: 'not-started',
      updatedAt: new Date().toISOString(),
      version: 1,
      ...partial,
    };
    expect(await bot.gateway.staff.members.create(member, [])).toBe('created');
  };

  beforeAll(async () => {
    ({ bot, projectId } = await startTeamUnderTest({ roster: [PM, LEE, TOM, SUE], teamId: TEAM, pm: PM, form: projectFormFromToday({ odsCode: 'RH8' }) }));
    await press(PM, 'role-assign', { projectId, userId: LEE.id, role: 'local-admin' });
    await press(PM, 'role-assign', { projectId, userId: TOM.id, role: 'team-member' });
    await press(PM, 'role-assign', { projectId, userId: SUE.id, role: 'staff' });
    for (let i = 1; i <= 5; i += 1) await addPerson({ localId: `P00${i}`, department: 'Pharmacy' });
    await addPerson({ localId: 'E001', department: 'Estates' });
    await addPerson({ localId: 'N001', department: 'Pharmacy', nhsmailAddress: 'n001@nhs.net', status: 'not-needed' });
    await addPerson({ localId: 'M001', firstName: 'Pharmacy', lastName: 'Office', accountType: 'shared', ownerLocalId: 'P001', delegateLocalIds: ['E001'] });
  }, 60_000);
  afterAll(async () => {
    await bot.close();
  });

  it('when the PM types groups, then there are none yet and the card offers the pilot; staff are refused', async () => {
    const card = cardOfReply(await say(PM, 'roll-out groups'));
    expect(visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] })).toContain('No groups yet');
    expect(actionsOf(card, 'Action.ShowCard', 'Add the pilot')).toHaveLength(1);
    expect(replyText(await say(SUE, 'groups'))).toContain('for the project team only');
  });

  it('when the PM makes a pilot and a phase with dates, then a phase dated before the pilot is refused on the card and the right one lands', async () => {
    const pilot = await press(PM, 'group-create', { projectId, kind: 'pilot', cutoverDate: PILOT_DATE });
    expect(pilot.text).toContain('Pilot added.');
    const early = await press(PM, 'group-create', { projectId, kind: 'phase', cutoverDate: addDays(PILOT_DATE, -1) });
    expect(early.text).toContain('the pilot goes first');
    expect(await bot.gateway.staff.groups.all(projectId)).toHaveLength(1);
    const phase = await press(LEE, 'group-create', { projectId, kind: 'phase', cutoverDate: PHASE_DATE });
    expect(phase.text).toContain('Phase 1 added.');
    expect(phase.text).toMatch(/Pilot[\s\S]*cutover[\s\S]*Phase 1/);
    expect(actionsOf(phase.card, 'Action.ShowCard', 'Add the pilot')).toHaveLength(0);
  });

  it('when the LA puts Pharmacy in the pilot, then its five people move, the one already on NHSmail too, and the group card shows them', async () => {
    const moved = await press(LEE, 'group-assign', { projectId, groupId: 'pilot', by: 'department', department: 'pharmacy' });
    expect(moved.text).toContain('6 people moved into this group.');
    const card = cardOfReply(await say(TOM, 'group pilot'));
    const text = visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
    expect(text).toContain('6 people');
    expect(text).toContain('P001');
    expect((await bot.gateway.staff.members.history(projectId, 'P001')).at(-1)).toMatchObject({ field: 'group', to: 'pilot', how: 'group', by: { name: LEE.name } });
    // A team member reads it but gets no forms that change it.
    expect(actionsOf(card, 'Action.ShowCard', 'Add people')).toHaveLength(0);
  });

  it('when the team checks co-existence, then the Pharmacy Office mailbox is flagged and one press puts it and Estates’ delegate in the pilot', async () => {
    const card = cardOfReply(await say(PM, 'coexistence'));
    const fix = actionsOf(card, 'Action.Execute').find((a) => String(a.title).startsWith('Move 2 to Pilot'));
    expect(fix).toBeDefined();
    const pressed = await press(PM, 'coexistence-fix', (fix?.data ?? {}) as Json);
    expect(pressed.text).toContain('Moved 2 into Pilot');
    expect(pressed.text).toContain('shared mailbox moves with their owners and delegates');
    expect((await bot.gateway.staff.members.get(projectId, 'E001'))?.groupId).toBe('pilot');
  });

  it('when the PM asks for the Portal files in the channel, then they are refused there; in a personal chat they come as links to a CSV of the new accounts', async () => {
    expect(replyText(await say(PM, 'export accounts'))).toContain('only send them in a personal chat');
    const card = cardOfReply(await sayInChat(PM, 'export accounts for pilot'));
    const links = actionsOf(card, 'Action.OpenUrl');
    expect(links).toHaveLength(1);
    const response = await fetch(String(links[0]?.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/nhsmail-accounts-rh8-pilot-.*-part-01-of-01\.csv/);
    const csv = (await response.text()).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('ID,Organisation Code,First Name,Last Name,Local Unique Identifier');
    expect(lines).toHaveLength(1 + 7);
    expect(csv).not.toContain('N001');
    expect(lines[1]).toBe(',RH8,Alex,E001,E001');
    const tampered = String(links[0]?.url).replace('scope=pilot', 'scope=all');
    expect((await fetch(tampered)).status).toBe(404);
  });

  it('when the LA sets the pilot to activated, then registrations show them in this month against the plan, with a chart and its table fallback', async () => {
    const set = await press(LEE, 'group-status', { projectId, groupId: 'pilot', status: 'activated' });
    expect(set.text).toContain('7 people set to Activated; 1 already so, or on NHSmail already.');
    const card = cardOfReply(await say(TOM, 'registrations'));
    const chart = actionsOf(card, 'Chart.VerticalBar.Grouped')[0];
    expect(chart).toBeDefined();
    expect(JSON.stringify(chart?.fallback)).toContain('registered');
    const text = visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
    expect(text).toContain('7 registered');
    expect(text).toContain('7 planned');
    expect(text).toContain('The questionnaire has no registrations-per-month answer yet');
  });

  it('when the PM types planned figures, then the month is marked typed; a line that is not a month is refused and nothing changes', async () => {
    const month = today.slice(0, 7);
    const saved = await press(PM, 'registrations-plan', { projectId, planned: `${month}: 12` });
    expect(saved.text).toContain('12 planned (typed)');
    const refused = await press(PM, 'registrations-plan', { projectId, planned: 'next month: loads' });
    expect(refused.text).toContain('write a month and a number');
    expect(refused.text).toContain('12 planned (typed)');
  });

  it('when a step of the pilot checklist is ticked, then the card shows who did it; a tampered tick is refused before anything runs', async () => {
    const card = cardOfReply(await say(TOM, 'group pilot checklist'));
    const done = actionsOf(card, 'Action.Execute', 'Done')[0];
    expect(done).toBeDefined();
    const ticked = await press(TOM, 'group-step-tick', (done?.data ?? {}) as Json);
    expect(ticked.text).toContain(`Done by ${TOM.name}`);
    expect(ticked.text).toContain('1 of');
    const tampered = await press(TOM, 'group-step-tick', { ...((done?.data ?? {}) as Json), done: 'maybe' });
    expect(tampered.text).toContain('the tick in a form we could not read');
  });

  it('when the month’s reminder day comes, then the PM is told once in their personal chat with the figures ready to send, however often the job runs', async () => {
    const month = today.slice(0, 7);
    const at = new Date(`${reminderDay(month, 3)}T10:00:00.000Z`);
    const before = bot.connector.calls.length;
    const first = await bot.gateway.runRegistrationsReminders(at);
    const second = await bot.gateway.runRegistrationsReminders(new Date(at.getTime() + 86_400_000));
    expect(first).toMatchObject({ month, reminded: 1 });
    expect(second).toMatchObject({ month, reminded: 0, skipped: 1 });
    const told = bot.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === `a:personal-${PM.id}`);
    expect(told).toHaveLength(1);
    expect(String(told[0]?.body?.text)).toContain('NHS Digital expects this month');
    expect(String(told[0]?.body?.text)).toMatch(/7 new NHSmail accounts registered \(activated or migrated\) against 12 planned/);
    expect(await bot.gateway.runRegistrationsReminders(new Date(`${reminderDay(month, 3).slice(0, 8)}01T10:00:00.000Z`))).toEqual({ reminded: 0, skipped: 0 });
  });

  it('when an LA changes one person from the group card, then they move and their status is set; the phase is renamed from a current card and refused from an old one', async () => {
    const changed = await press(LEE, 'person-change', { projectId, groupId: 'pilot', localId: 'P005', moveTo: 'phase-1', status: 'migrated' });
    expect(changed.text).toContain('P005 is now Migrated. P005 moved.');
    expect((await bot.gateway.staff.members.get(projectId, 'P005'))?.groupId).toBe('phase-1');
    // The card's own "leave it as it is" choices, as Teams sends them: the status changes, the group stays.
    const statusOnly = await press(LEE, 'person-change', { projectId, groupId: 'phase-1', localId: 'P005', moveTo: 'leave', personStatus: 'activated' });
    expect(statusOnly.text).toContain('P005 is now Activated.');
    expect(statusOnly.text).not.toContain('moved');
    expect(await bot.gateway.staff.members.get(projectId, 'P005')).toMatchObject({ groupId: 'phase-1', status: 'activated' });
    const renamed = await press(LEE, 'group-change', { projectId, groupId: 'phase-1', expectedVersion: 1, groupName: 'Phase 1 (community)', cutoverDate: PHASE_DATE });
    expect(renamed.text).toContain('Saved.');
    expect(renamed.text).toContain('Phase 1 (community)');
    const stale = await press(LEE, 'group-change', { projectId, groupId: 'phase-1', expectedVersion: 1, groupName: 'Other' });
    expect(stale.text).toContain('This is how it stands now.');
    expect((await bot.gateway.staff.groups.get(projectId, 'phase-1'))?.name).toBe('Phase 1 (community)');
    const notEmpty = await press(PM, 'group-remove', { projectId, groupId: 'phase-1', expectedVersion: 2 });
    expect(notEmpty.text).toContain('still has 1 person in it');
  });

  it('when staff press a roll-out button from a forwarded card, then they are refused and nothing moves', async () => {
    const refused = await press(SUE, 'group-assign', { projectId, groupId: 'phase-1', by: 'list', localIds: 'P001' });
    expect(refused.text).toMatch(/only the project manager or a local administrator/i);
    expect((await bot.gateway.staff.members.get(projectId, 'P001'))?.groupId).toBe('pilot');
  });
});
