import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';
import { channelMessage, executeActivity, messageActivity, postActivity, submitActivity, TEST_TENANT } from '../harness/activities';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { addToRoster } from '../harness/teamUnderTest';

const TEAM = '19:project-flow@thread.tacv2';
const PM = { id: '29:priya', name: 'Priya Shah' };
const TOM = { id: '29:tom', name: 'Tom Evans' };
const SUE = { id: '29:sue', name: 'Sue Staff' };

const form = projectForm({ odsCode: 'ryx' });

describe('a migration project from set-up to sign-off, over HTTP', () => {
  let bot: GatewayUnderTest;

  beforeAll(async () => {
    bot = await startGatewayUnderTest();
    addToRoster(bot, [PM, TOM, SUE]);
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  const say = async (who: { id: string; name: string }, text: string) => {
    const before = bot.connector.activities.length;
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text, teamId: TEAM, fromId: who.id, fromName: who.name }));
    return bot.connector.activities.slice(before);
  };
  const submit = async (who: { id: string; name: string }, value: Record<string, unknown>) => {
    const before = bot.connector.calls.length;
    await postActivity(bot.url, submitActivity({ serviceUrl: bot.connector.serviceUrl, value, teamId: TEAM, fromId: who.id, fromName: who.name }));
    return bot.connector.calls.slice(before).filter((c) => c.body !== undefined).map((c) => c.body!);
  };
  const press = async (who: { id: string; name: string }, verb: string, data: Record<string, unknown>) => {
    const result = await postActivity(bot.url, executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: who.id, fromName: who.name, verb, data, teamId: TEAM }));
    return result.body as { type: string; value: unknown };
  };
  const projectId = async () => (await bot.gateway.projects.projects.findByTeam(TEST_TENANT, TEAM))!.projectId;

  it('when set-up is asked for, then the form card arrives', async () => {
    const [card] = await say(PM, 'set up project');
    expect(JSON.stringify(adaptiveCardOf(card!))).toContain('ODS code');
  });

  it('when the form has several mistakes, then every problem is shown on the card at once and nothing is saved', async () => {
    const [updated] = await submit(PM, { verb: 'project-setup-submit', ...form, odsCode: 'R!', cutover: '2026-11-01' });
    const text = visibleText(updated!);
    expect(text).toMatch(/ODS/);
    expect(text).toMatch(/cutover/i);
    expect(bot.connector.calls.some((c) => c.method === 'PUT')).toBe(true);
    expect(await bot.gateway.projects.projects.findByTeam(TEST_TENANT, TEAM)).toBeUndefined();
  });

  it('when the ODS code is unusual but valid, then the card asks to confirm before anything is saved', async () => {
    const [updated] = await submit(PM, { verb: 'project-setup-submit', ...form, odsCode: 'ZZZZZ' });
    expect(visibleText(updated!)).toMatch(/double-check|check/i);
    expect(JSON.stringify(adaptiveCardOf(updated!))).toContain('project-setup-confirm');
    expect(await bot.gateway.projects.projects.findByTeam(TEST_TENANT, TEAM)).toBeUndefined();
  });

  it('when the project manager confirms, then the project is set up with them as project manager and the status card follows', async () => {
    const replies = await submit(PM, { verb: 'project-setup-confirm', ...form });
    expect(visibleText(replies[0]!)).toContain('is set up, and you are its project manager');
    expect(visibleText(replies[1]!)).toMatch(/Cutover in \d+ days/);
    const project = await bot.gateway.projects.projects.get(await projectId());
    expect(project).toMatchObject({ odsCode: 'RYX', teamId: TEAM, members: [{ userId: PM.id, role: 'project-manager' }] });
  });

  it('when someone asks to set up a second project in the same team, then they are told it already has one', async () => {
    const [reply] = await say(TOM, 'set up project');
    expect(reply!.text).toContain('already has a migration project: Ysbyty Example NHS Trust (RYX)');
  });

  it('when the project manager gives Tom a role from the roles card, then Tom is a team member with his roster name', async () => {
    const [rolesCard] = await say(PM, 'roles');
    expect(JSON.stringify(adaptiveCardOf(rolesCard!))).toContain('Priya Shah');
    const response = await press(PM, 'role-assign', { projectId: await projectId(), userId: TOM.id, role: 'team-member' });
    expect(JSON.stringify(response.value)).toContain('Tom Evans');
    const project = await bot.gateway.projects.projects.get(await projectId());
    expect(project?.members).toContainEqual(expect.objectContaining({ userId: TOM.id, name: 'Tom Evans', role: 'team-member' }));
  });

  it('when staff try to give out a role, then the card says only the project manager can, and nothing changes', async () => {
    const response = await press(SUE, 'role-assign', { projectId: await projectId(), userId: SUE.id, role: 'project-manager' });
    expect(JSON.stringify(response.value)).toMatch(/project manager/i);
    const project = await bot.gateway.projects.projects.get(await projectId());
    expect(project?.members.some((m) => m.userId === SUE.id)).toBe(false);
  });

  it('when someone types status or my actions, then the dashboard and their actions arrive', async () => {
    const [status] = await say(TOM, 'status');
    expect(visibleText(status!)).toContain('Ysbyty Example NHS Trust');
    const [mine] = await say(TOM, 'my actions');
    expect(adaptiveCardOf(mine!)).toBeDefined();
  });

  it('when a go is recorded while required items are open, then it is refused on the card with what blocks it', async () => {
    const response = await press(PM, 'gateway-decide', { projectId: await projectId(), stage: 1, outcome: 'go', comment: '' });
    expect(JSON.stringify(response.value)).toMatch(/open|still/i);
    expect((await bot.gateway.projects.gateways.get(await projectId(), 1)).state.decision).toBeUndefined();
  });

  it('when staff try to sign off, then they are refused and told who can', async () => {
    const response = await press(SUE, 'gateway-decide', { projectId: await projectId(), stage: 1, outcome: 'no-go', comment: 'not ready' });
    expect(JSON.stringify(response.value)).toMatch(/project manager or the senior responsible owner|project manager or SRO/i);
  });

  describe('walking through gateway 1', () => {
    const stage1 = DEFAULT_GATEWAY_CATALOGUE.stages[0]!;

    const FIRST_ITEM: unknown = expect.stringContaining(`Item 1 of ${stage1.items.length}`);
    const REMINDER = 'You are in the gateway walkthrough. Use the buttons on the card, type stop to finish, or type any other command to leave it.';
    const HINT = 'Sorry, I didn’t understand that. Type @Gateway help to see what I can do.';

    // Each reply's first line, in order: a message the walkthrough does not know gets its reminder (and only Tom's
    // walk sees it), while any command Gateway recognises ends the walk and is answered as usual.
    it.each([
      ['Tom', 'walk me through gateway 1', [FIRST_ITEM], TOM],
      ['Tom', 'what about the printers?', [REMINDER], TOM],
      ['Priya', 'what about the printers?', [HINT], PM],
      ['Tom', 'questionnaire', ['I have stopped the walkthrough.', expect.stringContaining('Discovery questionnaire')], TOM],
      ['Tom', 'what about the printers?', [HINT], TOM],
      ['Tom', 'walk me through gateway 1', [FIRST_ITEM], TOM],
      ['Tom', 'walk me through gateway 1', [FIRST_ITEM], TOM],
      ['Tom', 'stop', [expect.stringContaining('walkthrough of gateway 1 finished: 0 answered, 1 skipped')], TOM],
      ['Tom', 'stop', ['There is nothing to stop: you are not in a walkthrough.'], TOM],
    ])('when %s says %j in the thread, then the bot answers %j', async (_name, text, expected, who) => {
      const replies = await say(who, text);
      expect(replies.map((reply) => visibleText(reply).split('\n')[0])).toEqual(expected);
    });

    it('when every item is answered Done through the cards, then the walk ends and gateway 1 can be signed off with evidence', async () => {
      await say(TOM, 'walk me through gateway 1');
      for (const item of stage1.items) {
        const evidence = item.evidenceRequired === true ? { verb: 'walkthrough-answer', choice: 'note', itemId: item.id, expectedVersion: 0, note: '', evidenceUrl: 'https://nhs.sharepoint.example/doc.docx' } : undefined;
        if (evidence) await submit(TOM, evidence);
        const replies = await submit(TOM, { verb: 'walkthrough-answer', choice: 'done', itemId: item.id, expectedVersion: evidence ? 1 : 0 });
        if (evidence) expect(replies.map(visibleText).join()).not.toMatch(/Sorry/);
      }
      const items = (await bot.gateway.projects.gateways.get(await projectId(), 1)).items;
      expect(items.filter((i) => i.status === 'done')).toHaveLength(stage1.items.length);

      const response = await press(PM, 'gateway-decide', { projectId: await projectId(), stage: 1, outcome: 'go', comment: 'All done' });
      expect(JSON.stringify(response.value)).toContain('Decision recorded: go.');
      expect((await bot.gateway.projects.gateways.get(await projectId(), 1)).state.decision).toMatchObject({ outcome: 'go', by: { id: PM.id } });
    });
  });

  it('when the pipeline slot is recorded as a milestone, then it is listed and shows on the status card', async () => {
    const [card] = await say(PM, 'milestones');
    expect(JSON.stringify(adaptiveCardOf(card!))).toContain('milestone-record');
    const refused = await press(PM, 'milestone-record', { projectId: await projectId(), kind: 'pipeline-slot', date: 'next week' });
    expect(JSON.stringify(refused.value)).not.toContain('Milestone recorded.');
    const response = await press(PM, 'milestone-record', { projectId: await projectId(), kind: 'pipeline-slot', date: '2027-02-01', note: 'Slot 14' });
    expect(JSON.stringify(response.value)).toContain('Milestone recorded.');
    expect(JSON.stringify(response.value)).toContain('Mon 1 Feb 2027: Migration pipeline slot (Slot 14)');
    const [status] = await say(PM, 'status');
    expect(JSON.stringify(adaptiveCardOf(status!))).toContain('Migration pipeline slot');
  });

  it('when Priya asks for status in her personal chat, then she gets her project’s dashboard without naming it', async () => {
    await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'status', fromId: PM.id, fromName: PM.name }));
    const [status] = await bot.connector.waitForActivities(1);
    expect(JSON.stringify(adaptiveCardOf(status!))).toContain('Ysbyty Example NHS Trust');
  });

  it('when a passed gateway is reopened without a reason, then it is refused; with one, it is reopened', async () => {
    const refused = await press(PM, 'gateway-reopen', { projectId: await projectId(), stage: 1, reason: '' });
    expect(JSON.stringify(refused.value)).not.toContain('Gateway reopened.');
    expect((await bot.gateway.projects.gateways.get(await projectId(), 1)).state.decision?.outcome).toBe('go');
    const reopened = await press(PM, 'gateway-reopen', { projectId: await projectId(), stage: 1, reason: 'Pilot found a gap' });
    expect(JSON.stringify(reopened.value)).toContain('Gateway reopened.');
    expect((await bot.gateway.projects.gateways.get(await projectId(), 1)).state.decision).toBeUndefined();
    const again = await press(PM, 'gateway-decide', { projectId: await projectId(), stage: 1, outcome: 'go', comment: 'Gap closed' });
    expect(JSON.stringify(again.value)).toContain('Decision recorded: go.');
  });

  it('when the bot restarts, then the project, its roles and its sign-off are as they were', async () => {
    const before = await bot.gateway.projects.projects.get(await projectId());
    bot = await bot.restart();
    expect(await bot.gateway.projects.projects.get(await projectId())).toEqual(before);
    expect((await bot.gateway.projects.gateways.get(await projectId(), 1)).state.decision?.outcome).toBe('go');
  });
});

describe('setting up with an ordinary trust code', () => {
  it('when the ODS code is a plain NHS trust code, then the project is set up at once, without a confirm step', async () => {
    const bot = await startGatewayUnderTest();
    try {
      const team = '19:ordinary@thread.tacv2';
      await postActivity(bot.url, submitActivity({ serviceUrl: bot.connector.serviceUrl, value: { verb: 'project-setup-submit', ...form, odsCode: 'rh8' }, teamId: team, fromId: PM.id, fromName: PM.name }));
      await bot.connector.waitForActivities(1);
      const confirmation = bot.connector.calls.find((c) => c.method === 'PUT');
      expect(visibleText(confirmation!.body!)).toContain('The migration project for Ysbyty Example NHS Trust (RH8) is set up');
      expect(await bot.gateway.projects.projects.findByTeam(TEST_TENANT, team)).toMatchObject({ odsCode: 'RH8' });
    } finally {
      await bot.close();
    }
  });
});

describe('someone on two projects, in a personal chat', () => {
  it('when they type status, then they pick the project on a card and its button shows that project’s status', async () => {
    const bot = await startGatewayUnderTest();
    try {
      const { setUpProject } = await import('../../bot/migration/projects/setUpProject');
      const actor = { tenantId: TEST_TENANT, userId: PM.id, aadObjectId: `aad-${PM.id}`, name: PM.name };
      await setUpProject(bot.gateway.projects, { actor, teamId: '19:first@thread.tacv2', form: { ...form, organisationName: 'First Practice', odsCode: 'A81001' } });
      const { project: second } = await setUpProject(bot.gateway.projects, { actor, teamId: '19:second@thread.tacv2', form: { ...form, organisationName: 'Second Practice', odsCode: 'A81002' } });

      await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'status', fromId: PM.id, fromName: PM.name }));
      const [picker] = await bot.connector.waitForActivities(1);
      const pickerJson = JSON.stringify(adaptiveCardOf(picker!));
      expect(pickerJson).toContain('First Practice (A81001)');
      expect(pickerJson).toContain('Second Practice (A81002)');
      expect(pickerJson).toContain(second.projectId);

      const response = await postActivity(bot.url, executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: PM.id, fromName: PM.name, verb: 'status-show', data: { verb: 'status-show', projectId: second.projectId } }));
      expect(JSON.stringify((response.body as { value: unknown }).value)).toContain('Second Practice');
    } finally {
      await bot.close();
    }
  });
});
