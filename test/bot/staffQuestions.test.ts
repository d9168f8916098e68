import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assignRole } from '../../bot/migration/projects/assignRole';
import { CosmosAskTeamRepository } from '../../bot/storage/answers/cosmosAskTeamRepository';
import { executeActivity, messageActivity, postActivity, submitActivity, TEST_TENANT } from '../harness/activities';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { startTeamUnderTest } from '../harness/teamUnderTest';

const PM = { id: '29:priya', name: 'Priya Shah' };
const TOM = { id: '29:tom', name: 'Tom Brown' };
const LA = { id: '29:lena', name: 'Lena Okafor' };
const TEAM = '19:staff-questions@thread.tacv2';


describe('staff questions, over HTTP with the fake connector', () => {
  let bot: GatewayUnderTest;
  let projectId: string;

  beforeAll(async () => {
    ({ bot, projectId } = await startTeamUnderTest({ roster: [PM, TOM, LA], teamId: TEAM, pm: PM, form: projectForm(), installFirst: true, through: 'confirm' }));
    const actor = { tenantId: TEST_TENANT, userId: PM.id, name: PM.name };
    await assignRole(bot.gateway.projects, { actor, projectId, member: { userId: TOM.id, name: TOM.name }, role: 'team-member' });
    await assignRole(bot.gateway.projects, { actor, projectId, member: { userId: LA.id, name: LA.name }, role: 'local-admin' });
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  const personal = (person: { id: string; name: string }) => `a:personal-${person.id}`;
  const say = async (person: { id: string; name: string }, text: string) => {
    await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text, fromId: person.id, fromName: person.name, conversationId: personal(person) }));
    const [reply] = await bot.connector.waitForActivities(1);
    return reply!;
  };

  it('when a project member asks who the local administrator is in their own words, then the card names the project’s local admin and the guide section', async () => {
    const text = visibleText(await say(TOM, 'who is our local admin?'));
    expect(text).toContain('Lena Okafor');
    expect(text).toContain('section 4.1');
  });

  it('when someone asks about the attachment limit with a typo, then the answer gives the limit from the settings', async () => {
    const text = visibleText(await say(TOM, 'whats the biggest atachment i can send on nhsmail'));
    expect(text).toContain('20 MB');
    expect(text).toMatch(/section 3: Initiation stage/);
  });

  it('when someone asks something off-topic, then it is still declined with the usual hint', async () => {
    expect((await say(TOM, 'is it sunny outside')).text).toBe('Sorry, I didn’t understand that. Type help to see what I can do.');
  });

  it('when a question cannot be answered, then it is offered, passed to the channel, answered there, and the answer reaches the asker', async () => {
    const question = 'Will my email signature come across after the migration?';
    const offer = await say(TOM, question);
    expect(JSON.stringify(adaptiveCardOf(offer))).toContain('"title":"Pass it to the project team"');
    expect(visibleText(offer)).toContain(question);

    bot.connector.reset();
    await postActivity(bot.url, submitActivity({ serviceUrl: bot.connector.serviceUrl, value: { verb: 'ask-team-send', question }, fromId: TOM.id, fromName: TOM.name, conversationId: personal(TOM) }));
    await bot.connector.waitFor((calls) => calls.some((c) => c.conversationId === personal(TOM)) && calls.some((c) => c.conversationId === TEAM));
    const toTom = bot.connector.activitiesIn(personal(TOM));
    expect(toTom[0]?.text).toMatch(/^I have passed your question to the Ysbyty Example NHS Trust migration project team/);
    const post = bot.connector.activityPosts.find((c) => c.conversationId === TEAM)!;
    expect(post.replyToId).toBeUndefined();
    expect(visibleText(post.body!)).toContain('Tom Brown asked Gateway');
    const card = adaptiveCardOf(post.body!);
    const questionId = JSON.stringify(card).match(/"questionId":"([^"]+)"/)?.[1];
    expect(questionId).toBeDefined();

    const stored = await new CosmosAskTeamRepository(bot.gateway.storage.containers.projects).get(projectId, questionId!);
    expect(stored).toMatchObject({ question, askedBy: { id: TOM.id, name: TOM.name } });

    bot.connector.reset();
    const answered = await postActivity(
      bot.url,
      executeActivity({ serviceUrl: bot.connector.serviceUrl, verb: 'ask-team-answer', data: { verb: 'ask-team-answer', projectId, questionId, answer: 'Yes: set it again in Outlook after your move.' }, teamId: TEAM, conversationType: 'channel', conversationId: `${TEAM};messageid=9`, fromId: PM.id, fromName: PM.name }),
    );
    expect(JSON.stringify(answered.body)).toContain('Answered by Priya Shah');
    expect(JSON.stringify(answered.body)).toContain('Sent to Tom Brown in their personal chat');
    await bot.connector.waitFor((calls) => calls.some((c) => c.conversationId === personal(TOM)));
    expect(bot.connector.activitiesIn(personal(TOM))[0]?.text).toContain('Yes: set it again in Outlook after your move.');

    bot.connector.reset();
    const again = await postActivity(
      bot.url,
      executeActivity({ serviceUrl: bot.connector.serviceUrl, verb: 'ask-team-answer', data: { verb: 'ask-team-answer', projectId, questionId, answer: 'A second answer' }, teamId: TEAM, conversationType: 'channel', conversationId: `${TEAM};messageid=9`, fromId: LA.id, fromName: LA.name }),
    );
    expect(JSON.stringify(again.body)).toContain('Priya Shah has already answered this question.');
    expect((await new CosmosAskTeamRepository(bot.gateway.storage.containers.projects).get(projectId, questionId!))?.answer?.text).toBe('Yes: set it again in Outlook after your move.');
  });

  it('when someone on no project asks to pass a question on, then they are told kindly and nothing is kept', async () => {
    const stranger = { id: '29:stranger', name: 'Sam Stranger' };
    await postActivity(bot.url, submitActivity({ serviceUrl: bot.connector.serviceUrl, value: { verb: 'ask-team-send', question: 'Can I keep my old address?' }, fromId: stranger.id, fromName: stranger.name, conversationId: personal(stranger) }));
    const [reply] = await bot.connector.waitForActivities(1);
    expect(reply!.text).toMatch(/^I don’t know which NHSmail migration project you are on/);
    expect(bot.connector.activityPosts.filter((c) => c.conversationId === TEAM)).toHaveLength(0);
  });
});
