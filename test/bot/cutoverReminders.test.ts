import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../bot/migration/staff/staffMember';
import { CosmosClaimStore } from '../../bot/storage/jobs/cosmosClaimStore';
import { messageActivity, postActivity, TEST_TENANT } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { startTeamUnderTest } from '../harness/teamUnderTest';

const PM = { id: '29:priya', name: 'Priya Shah' };
const AISHA = { id: '29:aisha', name: 'Aisha Khan', email: 'aisha.khan@ysbyty.nhs.uk' };
/** Matched once, then Gateway is uninstalled for him: Teams answers 403. */
const BEN = { id: '29:ben', name: 'Ben Morgan', email: 'ben.morgan@ysbyty.nhs.uk' };
const TEAM = '19:reminders@thread.tacv2';
const personalChat = (userId: string) => `a:personal-${userId}`;


describe('cutover reminders, over HTTP with the fake connector', () => {
  let bot: GatewayUnderTest;
  let projectId = '';

  const say = async (person: { id: string; name: string }, text: string) => {
    await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text, fromId: person.id, fromName: person.name, conversationId: personalChat(person.id) }));
  };
  const postsTo = (userId: string) => bot.connector.activityPosts.filter((c) => c.conversationId === personalChat(userId));
  const delivered = (userId: string) => postsTo(userId).filter((c) => c.status === 200 && c.replyToId === undefined && c.body !== undefined);

  beforeAll(async () => {
    ({ bot, projectId } = await startTeamUnderTest({
      gateway: { runtime: { proactive: { tuning: { leaseMs: 1_000 } } } },
      roster: [PM, ...[AISHA, BEN].map((p) => ({ ...p, userPrincipalName: p.email }))],
      teamId: TEAM,
      pm: PM,
      form: projectForm({ cutover: '2027-06-30' }),
      through: 'confirm',
    }));
    const base = { projectId, accountType: 'person', delegateLocalIds: [], status: 'not-started', updatedAt: '2026-12-01T09:00:00.000Z', version: 1, groupId: 'pilot' } as const;
    const people: StaffMember[] = [
      { ...base, localId: 'E1', firstName: 'Aisha', lastName: 'Khan', currentEmail: AISHA.email, mailboxMb: 6000 },
      { ...base, localId: 'E2', firstName: 'Ben', lastName: 'Morgan', currentEmail: BEN.email },
      // On the list, never asked Gateway anything: not matched to Teams, so not reachable.
      { ...base, localId: 'E3', firstName: 'Cara', lastName: 'Lloyd', currentEmail: 'cara.lloyd@ysbyty.nhs.uk' },
      // A shared mailbox has nobody to read a reminder.
      { ...base, localId: 'S1', firstName: 'Pharmacy', lastName: 'Office', accountType: 'shared', currentEmail: 'pharmacy@ysbyty.nhs.uk' },
    ];
    await bot.gateway.staff.groups.create({ projectId, groupId: 'pilot', name: 'Pilot', kind: 'pilot', order: 0, cutoverDate: '2027-03-02', updatedAt: base.updatedAt, version: 1 });
    for (const person of people) await bot.gateway.staff.members.create(person, []);
    // The PM, Aisha and Ben open their personal chats; Aisha and Ben ask, which matches them to their records.
    await say(PM, 'help');
    await say(AISHA, 'when do I migrate');
    await say(BEN, 'when do I migrate');
    bot.connector.reset();
    bot.connector.refuseConversation(personalChat(BEN.id), 403);
  });
  afterAll(async () => {
    await bot.close();
  });

  it('when a group is 7 days from cutover, then each reachable member gets their own to-do list once, and the PM hears how many were not reached', async () => {
    const summary = await bot.gateway.runCutoverReminders({ today: '2027-02-23' });
    expect(summary.rounds).toEqual([{ projectId, groupId: 'pilot', daysBefore: 7, reminded: 1, alreadyDone: 0, unreachable: 2, other: 0 }]);

    const [reminder] = delivered(AISHA.id);
    expect(delivered(AISHA.id)).toHaveLength(1);
    const text = visibleText(reminder?.body ?? {});
    expect(text).toContain('Reminder: you move to NHSmail in 7 days, on Tue 2 Mar 2027.');
    expect(text).toContain('Your mailbox is 5.9 GB, over the 4 GB');

    // Ben: Teams answered 403 (the app is not installed for him any more); recorded, and his reference marked.
    expect(postsTo(BEN.id).map((c) => c.status)).toEqual([403]);
    expect(await bot.gateway.references.get(TEST_TENANT, { kind: 'user', userId: BEN.id })).toMatchObject({ reachable: false, unreachableReason: 'forbidden' });
    const claims = new CosmosClaimStore(bot.gateway.storage.containers.projects);
    expect((await claims.read(projectId, 'cutover-reminder:pilot:2027-03-02:7d:E2'))?.claim).toMatchObject({ state: 'failed', reason: 'forbidden' });
    expect((await claims.read(projectId, 'cutover-reminder:pilot:2027-03-02:7d:E3'))?.claim).toMatchObject({ state: 'failed', reason: 'not-linked' });
    expect(await claims.read(projectId, 'cutover-reminder:pilot:2027-03-02:7d:S1')).toBeUndefined();

    const toPm = delivered(PM.id).map((c) => visibleText(c.body ?? {}));
    expect(toPm).toHaveLength(1);
    expect(toPm[0]).toContain('1 person reminded in Teams. 2 could not be reached');
  });

  it('when the run happens again after a restart, then nobody is reminded twice and the PM is not told again', async () => {
    bot = await bot.restart();
    const before = bot.connector.activityPosts.length;
    const summary = await bot.gateway.runCutoverReminders({ today: '2027-02-24' });
    expect(summary.rounds).toEqual([{ projectId, groupId: 'pilot', daysBefore: 7, reminded: 0, alreadyDone: 1, unreachable: 2, other: 0 }]);
    expect(bot.connector.activityPosts.slice(before)).toEqual([]);
  });

  it('when the day before comes, then the 1-day reminder is its own, sent once', async () => {
    await bot.gateway.runCutoverReminders({ today: '2027-03-01' });
    await bot.gateway.runCutoverReminders({ today: '2027-03-01' });
    const reminders = delivered(AISHA.id).map((c) => visibleText(c.body ?? {}));
    expect(reminders).toHaveLength(2);
    expect(reminders[1]).toContain('Reminder: you move to NHSmail tomorrow, on Tue 2 Mar 2027.');
  });
});
