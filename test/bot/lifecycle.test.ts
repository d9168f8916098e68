import { describe, expect, it } from 'vitest';
import { messageActivity, postActivity, TEST_BOT_ID } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';

const conversationId = 'a:lifecycle-personal-chat';
const stateKey = `msteams/${TEST_BOT_ID}/conversations/${conversationId}`;

describe('restarts and shutdown', () => {
  it('when the bot restarts on the embedded store, then conversation state is as it was', async () => {
    let bot = await startGatewayUnderTest();
    const say = (text: string) => postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text, conversationId }));
    try {
      await say('first puzzling message');
      await say('second puzzling message');
      bot = await bot.restart();
      bot.connector.reset();
      await say('third puzzling message');
      const replies = await bot.connector.waitForActivities(2);
      expect(replies[0]!.text).toBe('I still didn’t understand that, so here is everything I can help with.');
      expect(visibleText(replies[1]!)).toContain('What Gateway can do');
    } finally {
      await bot.close();
    }
  });

  it('when the bot is stopped while a turn is in flight, then the turn finishes and its state is saved', async () => {
    let bot = await startGatewayUnderTest();
    try {
      bot.connector.delayReplies(400);
      const pending = postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'puzzling', conversationId }));
      await bot.connector.waitFor((calls) => calls.length > 0);
      const closing = bot.gateway.close();
      const result = await pending;
      await closing;
      expect(result.status).toBe(200);
      bot = await bot.restart();
      const stored = await bot.gateway.storage.stateStorage.read([stateKey]);
      expect(stored[stateKey]).toMatchObject({ unrecognisedStreak: 1 });
    } finally {
      await bot.close();
    }
  });
});
