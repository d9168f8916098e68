import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../bot/migration/staff/staffMember';
import { channelMessage, messageActivity, postActivity } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { startTeamUnderTest } from '../harness/teamUnderTest';

const PM = { id: '29:priya', name: 'Priya Shah' };
const LA = { id: '29:dewi', name: 'Dewi Jones' };
/** In the pilot; signs in to Teams with nhs.net while the list knows that as her NHSmail address. */
const AISHA = { id: '29:aisha', name: 'Aisha Khan', upn: 'Aisha.Khan@nhs.net', email: 'aisha.khan@nhs.net' };
/** In phase 2; Teams knows him by his local address, as the list does; his mailbox is over quota. */
const BEN = { id: '29:ben', name: 'Ben Morgan', upn: 'ben.morgan@ysbyty.nhs.uk', email: 'Ben.Morgan@ysbyty.nhs.uk' };
/** Not on the list. */
const CARA = { id: '29:cara', name: 'Cara Lloyd', upn: 'cara.lloyd@ysbyty.nhs.uk', email: 'cara.lloyd@ysbyty.nhs.uk' };

const TEAM = '19:staff-answers@thread.tacv2';

describe('when do I migrate, over HTTP with the fake connector', () => {
  let bot: GatewayUnderTest;
  let projectId = '';

  const member = (overrides: Partial<StaffMember> & Pick<StaffMember, 'localId' | 'firstName' | 'lastName'>): StaffMember => ({
    projectId,
    accountType: 'person',
    delegateLocalIds: [],
    status: 'not-started',
    updatedAt: '2026-12-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  });

  beforeAll(async () => {
    ({ bot, projectId } = await startTeamUnderTest({
      roster: [PM, LA, ...[AISHA, BEN, CARA].map((p) => ({ ...p, userPrincipalName: p.upn }))],
      teamId: TEAM,
      pm: PM,
      form: projectForm({ cutover: '2027-06-30' }),
      through: 'confirm',
    }));
    await bot.gateway.projects.projects.tryUpdate(projectId, (p) => ({ project: { ...p, members: [...p.members, { userId: LA.id, aadObjectId: `aad-${LA.id}`, name: LA.name, role: 'local-admin' }] }, audit: [] }));
    const at = '2026-12-01T09:00:00.000Z';
    await bot.gateway.staff.groups.create({ projectId, groupId: 'pilot', name: 'Pilot', kind: 'pilot', order: 0, cutoverDate: '2027-03-02', updatedAt: at, version: 1 });
    await bot.gateway.staff.groups.create({ projectId, groupId: 'phase-2', name: 'Phase 2', kind: 'phase', order: 2, updatedAt: at, version: 1 });
    await bot.gateway.staff.members.create(
      member({ localId: 'E100', firstName: 'Aisha', lastName: 'Khan', currentEmail: 'aisha.khan@ysbyty.nhs.uk', nhsmailAddress: 'aisha.khan@nhs.net', department: 'Pharmacy', mailboxMb: 900, groupId: 'pilot', status: 'not-needed' }),
      [],
    );
    await bot.gateway.staff.members.create(member({ localId: 'E200', firstName: 'Ben', lastName: 'Morgan', currentEmail: 'ben.morgan@ysbyty.nhs.uk', department: 'Radiology', mailboxMb: 5120, groupId: 'phase-2' }), []);
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  const ask = async (person: { id: string; name: string }, text: string): Promise<string> => {
    const before = bot.connector.activities.length;
    const result = await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text, fromId: person.id, fromName: person.name, conversationId: `a:personal-${person.id}` }));
    expect(result.status).toBe(200);
    const replies = await bot.connector.waitForActivities(before + 1);
    return replies.slice(before).map(visibleText).join('\n');
  };
  const rosterCalls = () => bot.connector.calls.filter((c) => c.path.includes('/members/')).length;

  it('when someone in the pilot asks, then they get their own group, UK date and to-do list', async () => {
    const reply = await ask(AISHA, 'When do I migrate?');
    expect(reply).toContain('Your move to NHSmail');
    expect(reply).toContain('with the pilot');
    expect(reply).toContain('Your date: Tue 2 Mar 2027');
    expect(reply).toContain('You already have an NHSmail account (aisha.khan@nhs.net)');
    expect(reply).toContain('Your local administrator is Dewi Jones');
    expect(reply).not.toContain('Ben');
  });

  it('when they ask again, then the roster is not asked and their record is one point read with no query', async () => {
    await ask(AISHA, 'When do I migrate?');
    bot.connector.reset();
    bot.gateway.cosmosOperations.reset();
    const reply = await ask(AISHA, 'when am i moving to nhsmail');
    const ops = bot.gateway.cosmosOperations.snapshot();
    expect(reply).toContain('with the pilot');
    expect(rosterCalls()).toBe(0);
    expect(ops.query).toBe(0);
    // The turn's conversation and user state, then the record, its group and its project: nothing grows with the list.
    expect(ops.read).toBe(5);
  });

  it('when someone in phase 2 asks, then they hear it is not scheduled yet and to reduce their 5 GB mailbox', async () => {
    const reply = await ask(BEN, "what's my migration date");
    expect(reply).toContain('You are in Phase 2. Its move to NHSmail is not scheduled yet.');
    expect(reply).toContain('Your mailbox is 5.0 GB, over the 4 GB');
    expect(reply).toContain('change the password they gave you');
    expect(reply).not.toContain('Aisha');
  });

  it('when someone not on the list asks, then they are told kindly, with the address looked for and how to be added', async () => {
    const reply = await ask(CARA, 'When do I migrate?');
    expect(reply).toContain("couldn't find you on your organisation's staff list");
    expect(reply).toContain('cara.lloyd@ysbyty.nhs.uk');
    expect(reply).toContain('ask your line manager or your migration project team to add you');
  });

  it('when staff ask in their own words about a department or their mailbox, then the answer is about their own record only', async () => {
    expect(await ask(AISHA, 'is pharmacy in the pilot?')).toContain('Your record says you work in Pharmacy, and you are in the pilot.');
    const ben = await ask(BEN, 'is pharmacy in the pilot?');
    expect(ben).toContain('I can only tell you about your own move, not about a department or other people. For you: you are in Phase 2.');
    expect(ben).not.toContain('Aisha');
    const mailbox = await ask(BEN, 'my mailbox is too big, what do I do');
    expect(mailbox.indexOf('Your mailbox is 5.0 GB')).toBeLessThan(mailbox.indexOf('Your group'));
  });

  it('when a member of staff asks about a colleague, then they are refused kindly and learn nothing about them', async () => {
    const reply = await ask(AISHA, 'when does Ben Morgan migrate?');
    expect(reply).toContain('I can only tell you about your own move to NHSmail, not about other people.');
    expect(reply).not.toContain('Phase 2');
    expect(reply).not.toContain('Radiology');
  });

  it('when a local administrator asks about a colleague by name or email, then they see that person’s group and status', async () => {
    const byName = await ask(LA, 'when does ben morgan migrate');
    expect(byName).toContain('Ben Morgan');
    expect(byName).toContain('Group: Phase 2');
    expect(byName).toContain('Date: Not scheduled yet');
    const byEmail = await ask(LA, 'when does aisha.khan@nhs.net migrate');
    expect(byEmail).toContain('Aisha Khan');
    expect(byEmail).toContain('Date: Tue 2 Mar 2027');
  });

  it('when a member of staff asks in the team channel, then the answer is not shown to the channel', async () => {
    const before = bot.connector.activities.length;
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text: 'when do I migrate', teamId: TEAM, fromId: BEN.id, fromName: BEN.name }));
    await bot.connector.waitFor(() => bot.connector.activitiesIn(`${TEAM};messageid=1`).length > 0);
    const replies = bot.connector.activities.slice(before);
    const inChannel = bot.connector.activitiesIn(`${TEAM};messageid=1`).map(visibleText).join('\n');
    expect(inChannel).toContain('about you alone');
    expect(inChannel).not.toContain('Phase 2');
    // Ben has a personal chat with the bot from the tests above, so his answer went there.
    expect(replies.map(visibleText).join('\n')).toContain('You are in Phase 2');
  });
});
