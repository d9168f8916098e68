import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import { messageActivity, postActivity } from '../harness/activities';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';

const HINT = 'Sorry, I didn’t understand that. Type help to see what I can do.';

describe('what people type, over HTTP: misses, slips and numbers out of range', () => {
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

  /** Sends each message in turn in one personal chat, and returns the first line of every reply. */
  const converse = async (conversationId: string, ...messages: (string | Record<string, unknown>)[]) => {
    for (const message of messages) {
      const activity = messageActivity({
        serviceUrl: bot.connector.serviceUrl,
        conversationId,
        ...(typeof message === 'string' ? { text: message } : { text: '', value: message }),
      });
      expect((await postActivity(bot.url, activity)).status).toBe(200);
    }
    return bot.connector.activities;
  };
  const firstLines = (replies: readonly Record<string, unknown>[]) => replies.map((r) => visibleText(r).split('\n')[0]);

  it('when a recognised command comes between misses, then the count starts again: miss, miss, status, miss gets the hint, not the help card', async () => {
    const replies = await converse('a:miss-status-miss', 'what is the weather', 'tell me a joke', 'status', 'what about the printers');
    expect(replies).toHaveLength(4);
    expect(firstLines([replies[0]!, replies[1]!, replies[3]!])).toEqual([HINT, HINT, HINT]);
    expect(visibleText(replies[3]!)).not.toContain('What Gateway can do');
  });

  it('when three misses come in a row, then the third still gets the whole help card', async () => {
    const replies = await converse('a:three-misses', 'one', 'two', 'three');
    expect(firstLines(replies)).toEqual([HINT, HINT, 'I still didn’t understand that, so here is everything I can help with.', 'What Gateway can do']);
  });

  it('when someone types gatway 1, then they are asked "did you mean gateway 1?" with it as a button', async () => {
    const [reply, ...more] = await converse('a:slip', 'gatway 1');
    expect(more).toEqual([]);
    expect(visibleText(reply!)).toBe('Did you mean gateway 1?');
    const actions = adaptiveCardOf(reply!)?.actions as { type: string; title: string; data: Record<string, unknown> }[];
    expect(actions).toEqual([{ type: 'Action.Submit', title: 'gateway 1', data: { verb: 'command', command: 'gateway 1' } }]);
  });

  it('when the "did you mean" button is pressed, then the command runs as if typed', async () => {
    const [suggestion, answer] = await converse('a:slip-pressed', 'hlep', { verb: 'command', command: 'help' });
    expect(visibleText(suggestion!)).toBe('Did you mean help?');
    expect(visibleText(answer!)).toContain('What Gateway can do');
  });

  it.each([
    ['gateway 7', 'There are six gateways, numbered 1 to 6, so there is no gateway 7. Type gateway 1 to gateway 6, or status to see them all.'],
    ['sign off gateway 8', 'There are six gateways, numbered 1 to 6, so there is no gateway 8. Type sign off gateway 1 to sign off gateway 6, or status to see them all.'],
  ])('when someone types %j, then they are told there are six gateways', async (text, expected) => {
    const replies = await converse(`a:out-of-range-${text}`, text);
    expect(replies.map((r) => r.text)).toEqual([expected]);
  });

  it('when stop is typed outside a walkthrough, then the bot says there is nothing to stop', async () => {
    const replies = await converse('a:stop', 'stop');
    expect(replies.map((r) => r.text)).toEqual(['There is nothing to stop: you are not in a walkthrough.']);
  });
});
