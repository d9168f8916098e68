import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import { botInstalledActivity, messageActivity, postActivity } from '../harness/activities';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';

describe('conversation basics over HTTP (local mode)', () => {
  let bot: GatewayUnderTest;

  beforeAll(async () => {
    bot = await startGatewayUnderTest();
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  const say = (text: string, extra: Partial<Parameters<typeof messageActivity>[0]> = {}) =>
    messageActivity({ serviceUrl: bot.connector.serviceUrl, text, ...extra });

  it('when someone types help in a personal chat, then the help card arrives as a reply to their message', async () => {
    const activity = say('help');
    const result = await postActivity(bot.url, activity);
    expect(result.status).toBe(200);
    const [reply] = await bot.connector.waitForActivities(1);
    const call = bot.connector.calls.find((c) => c.method === 'POST');
    expect(call?.replyToId).toBe(activity.id);
    expect(adaptiveCardOf(reply!)?.version).toBe('1.5');
    expect(visibleText(reply!)).toContain('What Gateway can do');
    expect(visibleText(reply!)).toContain('Type a command here in our chat');
  });

  it('when someone @mentions the bot with help in a channel, then the mention is ignored and help arrives with channel advice', async () => {
    const activity = {
      ...say('<at>Gateway</at> help', { conversationType: 'channel', conversationId: '19:general@thread.tacv2;messageid=1' }),
      entities: [{ type: 'mention', text: '<at>Gateway</at>', mentioned: { id: '28:gateway-test-bot', name: 'Gateway' } }],
    };
    await postActivity(bot.url, activity);
    const [reply] = await bot.connector.waitForActivities(1);
    expect(visibleText(reply!)).toContain('@mention Gateway');
  });

  it('when the bot is added to a team, then it posts one welcome card saying what it does', async () => {
    await postActivity(bot.url, botInstalledActivity({ serviceUrl: bot.connector.serviceUrl, conversationType: 'channel', conversationId: '19:general@thread.tacv2' }));
    const [welcome] = await bot.connector.waitForActivities(1);
    const text = visibleText(welcome!);
    expect(text).toContain('Welcome to Gateway');
    expect(text).toContain('NHSmail');
    expect(text).toContain('help');
    const actions = adaptiveCardOf(welcome!)?.actions as { data: { verb: string } }[];
    expect(actions[0]?.data.verb).toBe('help');
  });

  it('when a member other than the bot joins, then nobody is greeted', async () => {
    const activity = {
      ...botInstalledActivity({ serviceUrl: bot.connector.serviceUrl, conversationType: 'channel' }),
      membersAdded: [{ id: '29:someone-new' }],
    };
    const result = await postActivity(bot.url, activity);
    expect(result.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bot.connector.activities).toHaveLength(0);
  });

  it('when the welcome card button is pressed, then the help card arrives', async () => {
    await postActivity(bot.url, say('', { value: { verb: 'help' } }));
    const [reply] = await bot.connector.waitForActivities(1);
    expect(visibleText(reply!)).toContain('What Gateway can do');
  });

  it('when someone types something the bot does not understand, then it answers with a short hint, never silence', async () => {
    await postActivity(bot.url, say('what is the weather'));
    const [reply] = await bot.connector.waitForActivities(1);
    expect(reply!.text).toBe('Sorry, I didn’t understand that. Type help to see what I can do.');
  });

  it('when three messages in a row are not understood, then the third answer is the whole help card', async () => {
    const conversationId = 'a:streak-conversation';
    for (const text of ['one', 'two', 'three']) {
      await postActivity(bot.url, say(text, { conversationId }));
    }
    const replies = await bot.connector.waitForActivities(4);
    expect(replies.map((r) => visibleText(r).split('\n')[0])).toEqual([
      'Sorry, I didn’t understand that. Type help to see what I can do.',
      'Sorry, I didn’t understand that. Type help to see what I can do.',
      'I still didn’t understand that, so here is everything I can help with.',
      'What Gateway can do',
    ]);
  });

  it('when a button from an out-of-date card is pressed, then the bot says the card is out of date', async () => {
    await postActivity(bot.url, say('', { value: { verb: 'no-such-verb' } }));
    const [reply] = await bot.connector.waitForActivities(1);
    expect(reply!.text).toContain('that button is no longer available');
  });

  it('when the connector fails once with 500, then the reply is retried and arrives', async () => {
    bot.connector.failNext(500, { times: 1 });
    const result = await postActivity(bot.url, say('help'));
    expect(result.status).toBe(200);
    expect(bot.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(2);
    expect(visibleText(bot.connector.activities[0]!)).toContain('What Gateway can do');
  });

  it('when the connector answers 429 with Retry-After, then the reply waits and arrives', async () => {
    bot.connector.failNext(429, { times: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const result = await postActivity(bot.url, say('help'));
    expect(result.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(visibleText(bot.connector.activities[0]!)).toContain('What Gateway can do');
  });

  it('when the connector refuses a reply with 403, then the bot apologises once with a reference and keeps serving', async () => {
    bot.connector.failNext(403, { times: 1 });
    const first = await postActivity(bot.url, say('help'));
    expect(first.status).toBe(200);
    const [apology] = await bot.connector.waitForActivities(1);
    expect(apology!.text).toMatch(/^Sorry, something went wrong on our side.*reference: [0-9a-f]{8}$/);
    expect(bot.connector.activities).toHaveLength(1);
    const second = await postActivity(bot.url, say('help'));
    expect(second.status).toBe(200);
    const replies = await bot.connector.waitForActivities(2);
    expect(visibleText(replies[1]!)).toContain('What Gateway can do');
  });

  it('when the health check is called, then it reports storage reachable', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'reachable' });
  });
});
