import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../bot/migration/staff/staffMember';
import { CosmosClaimStore } from '../../bot/storage/jobs/cosmosClaimStore';
import { CosmosStaffLinks } from '../../bot/storage/staff/cosmosStaffLinks';
import { messageActivity, postActivity, TEST_BOT_ID, TEST_TENANT } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import type { ConnectorCall } from '../harness/fakeConnector';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { startTeamUnderTest } from '../harness/teamUnderTest';

const PM = { id: '29:priya', name: 'Priya Shah' };
/** On the list; the app is installed for her by the administrator, and she never writes to Gateway. */
const DEWI = { id: '29:dewi', name: 'Dewi Price', email: 'dewi.price@ysbyty.nhs.uk' };
/** Not on any list. */
const OLU = { id: '29:olu', name: 'Olu Adeyemi', email: 'olu.adeyemi@elsewhere.nhs.uk' };
/** Installed for her before the list had her; a later import adds her. */
const LOWRI = { id: '29:lowri', name: 'Lowri Evans', email: 'lowri.evans@ysbyty.nhs.uk' };
/** On the list, but Teams' roster will not say who they are when the app is installed (403, 404, 503). */
const ROSTER_FAILS = [
  { id: '29:rhys', name: 'Rhys Jones', email: 'rhys.jones@ysbyty.nhs.uk', status: 503 },
  { id: '29:sian', name: 'Sian Hughes', email: 'sian.hughes@ysbyty.nhs.uk', status: 403 },
  { id: '29:tomos', name: 'Tomos Bell', email: 'tomos.bell@ysbyty.nhs.uk', status: 404 },
] as const;
const TEAM = '19:installs@thread.tacv2';
const personalChat = (userId: string) => `a:personal-${userId}`;


/**
 * What Teams sends when the app is installed in someone's personal scope (by themselves, a setup policy or Graph):
 * a conversationUpdate adding the bot and an installationUpdate, from the person, usually without their name.
 */
function personalInstall(serviceUrl: string, userId: string): Record<string, unknown>[] {
  const base = { ...messageActivity({ serviceUrl, fromId: userId, conversationId: personalChat(userId) }), from: { id: userId, aadObjectId: `aad-${userId}` }, text: undefined };
  return [
    { ...base, type: 'conversationUpdate', membersAdded: [{ id: TEST_BOT_ID }] },
    { ...base, type: 'installationUpdate', action: 'add' },
  ];
}

describe('the app installed for staff by an administrator, over HTTP with the fake connector', () => {
  let bot: GatewayUnderTest;
  let projectId = '';
  const base = { accountType: 'person', delegateLocalIds: [], status: 'not-started', updatedAt: '2026-12-01T09:00:00.000Z', version: 1, groupId: 'pilot' } as const;

  const install = async (userId: string) => {
    for (const activity of personalInstall(bot.connector.serviceUrl, userId)) expect((await postActivity(bot.url, activity)).status).toBeLessThan(300);
  };
  const postsTo = (userId: string) => bot.connector.activityPosts.filter((c) => c.conversationId === personalChat(userId));
  const delivered = (userId: string) => postsTo(userId).filter((c) => c.status === 200 && c.body !== undefined);
  const links = () => new CosmosStaffLinks(bot.gateway.storage.containers.projects);
  const claims = () => new CosmosClaimStore(bot.gateway.storage.containers.projects);
  /** Every staff document that names the person: links either way, or a kept install. */
  const staffDocumentsOf = async (userId: string) => {
    const { resources } = await bot.gateway.storage.containers.projects.items
      .query<{ id: string; type: string }>({ query: 'SELECT c.id, c.type FROM c WHERE c.userId = @u AND STARTSWITH(c.type, "staff")', parameters: [{ name: '@u', value: userId }] })
      .fetchAll();
    return resources;
  };
  const isRosterLookup = (c: ConnectorCall, userId: string) => c.method === 'GET' && c.path.endsWith(`/members/${encodeURIComponent(userId)}`);

  beforeAll(async () => {
    ({ bot, projectId } = await startTeamUnderTest({
      gateway: { runtime: { proactive: { tuning: { leaseMs: 1_000 } } } },
      roster: [PM, ...[DEWI, OLU, LOWRI, ...ROSTER_FAILS].map((p) => ({ ...p, userPrincipalName: p.email }))],
      teamId: TEAM,
      pm: PM,
      form: projectForm({ cutover: '2027-06-30' }),
      through: 'confirm',
    }));
    const people: StaffMember[] = [
      { ...base, projectId, localId: 'E1', firstName: 'Dewi', lastName: 'Price', currentEmail: DEWI.email },
      { ...base, projectId, localId: 'E4', firstName: 'Rhys', lastName: 'Jones', currentEmail: ROSTER_FAILS[0].email },
      { ...base, projectId, localId: 'E5', firstName: 'Sian', lastName: 'Hughes', currentEmail: ROSTER_FAILS[1].email },
      { ...base, projectId, localId: 'E6', firstName: 'Tomos', lastName: 'Bell', currentEmail: ROSTER_FAILS[2].email },
    ];
    await bot.gateway.staff.groups.create({ projectId, groupId: 'pilot', name: 'Pilot', kind: 'pilot', order: 0, cutoverDate: '2027-03-02', updatedAt: base.updatedAt, version: 1 });
    for (const person of people) await bot.gateway.staff.members.create(person, []);
    await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'help', fromId: PM.id, fromName: PM.name, conversationId: personalChat(PM.id) }));
    bot.connector.reset();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('when the app is installed for someone on the list, then they are welcomed first and linked to their record', async () => {
    await install(DEWI.id);
    const welcome = delivered(DEWI.id);
    expect(welcome).toHaveLength(1);
    expect(visibleText(welcome[0]?.body ?? {})).toContain('Welcome to Gateway');
    // The welcome does not wait for the roster.
    const calls = bot.connector.calls;
    expect(calls.findIndex((c) => c === welcome[0])).toBeLessThan(calls.findIndex((c) => isRosterLookup(c, DEWI.id)));
    expect(await links().recordOf(TEST_TENANT, DEWI.id)).toEqual({ projectId, localId: 'E1' });
    expect(await links().get(projectId, 'E1')).toMatchObject({ userId: DEWI.id, aadObjectId: `aad-${DEWI.id}`, tenantId: TEST_TENANT });
  });

  it('when the app is installed for someone on no list, then they are welcomed and nothing is linked', async () => {
    await install(OLU.id);
    expect(bot.connector.calls.some((c) => isRosterLookup(c, OLU.id))).toBe(true);
    expect(delivered(OLU.id).map((c) => visibleText(c.body ?? {}))).toEqual([expect.stringContaining('Welcome to Gateway')]);
    expect(await links().recordOf(TEST_TENANT, OLU.id)).toBeUndefined();
    expect((await staffDocumentsOf(OLU.id)).filter((d) => d.type.includes('link'))).toEqual([]);
  });

  it.each(ROSTER_FAILS)('when the roster answers $status at install, then the welcome still arrives and nothing is written for them', async (person) => {
    bot.connector.failMemberLookups(person.id, person.status);
    await install(person.id);
    expect(bot.connector.calls.some((c) => isRosterLookup(c, person.id))).toBe(true);
    expect(delivered(person.id).map((c) => visibleText(c.body ?? {}))).toEqual([expect.stringContaining('Welcome to Gateway')]);
    expect(await staffDocumentsOf(person.id)).toEqual([]);
  });

  it('when the app was installed for someone before the list had them, then a later import still lets the reminder reach them', async () => {
    await install(LOWRI.id);
    expect(await links().recordOf(TEST_TENANT, LOWRI.id)).toBeUndefined();
    // The next import adds her.
    await bot.gateway.staff.members.create({ ...base, projectId, localId: 'E2', firstName: 'Lowri', lastName: 'Evans', currentEmail: LOWRI.email }, []);
    bot.connector.reset();

    const summary = await bot.gateway.runCutoverReminders({ today: '2027-02-23' });
    // Dewi and Lowri reminded; the three the roster would not name were never linked.
    expect(summary.rounds).toEqual([{ projectId, groupId: 'pilot', daysBefore: 7, reminded: 2, alreadyDone: 0, unreachable: 3, other: 0 }]);
    for (const person of [DEWI, LOWRI]) {
      const reminders = delivered(person.id).map((c) => visibleText(c.body ?? {}));
      expect(reminders).toEqual([expect.stringContaining('Reminder: you move to NHSmail in 7 days, on Tue 2 Mar 2027.')]);
    }
    expect(await links().recordOf(TEST_TENANT, LOWRI.id)).toEqual({ projectId, localId: 'E2' });
    expect((await claims().read(projectId, 'cutover-reminder:pilot:2027-03-02:7d:E4'))?.claim).toMatchObject({ state: 'failed', reason: 'not-linked' });
    expect(delivered(OLU.id)).toEqual([]);
  });

  it('when the run happens again after a restart, then nobody installed is reminded twice', async () => {
    bot = await bot.restart();
    const before = bot.connector.activityPosts.length;
    const summary = await bot.gateway.runCutoverReminders({ today: '2027-02-24' });
    expect(summary.rounds).toEqual([{ projectId, groupId: 'pilot', daysBefore: 7, reminded: 0, alreadyDone: 2, unreachable: 3, other: 0 }]);
    expect(bot.connector.activityPosts.slice(before)).toEqual([]);
  });
});
