import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postActivity, TEST_BOT_ID } from '../harness/activities';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';

describe('overlapping turns in one conversation', () => {
  let bot: GatewayUnderTest;
  beforeAll(async () => {
    bot = await startGatewayUnderTest();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('when 20 messages arrive at once in one channel thread, then every one is answered and every state change sticks', async () => {
    const conversationId = '19:general@thread.tacv2;messageid=1700000000000';
    const activities = Array.from({ length: 20 }, (_, i) =>
      messageActivity({ serviceUrl: bot.connector.serviceUrl, text: `not a command ${i}`, conversationId, conversationType: 'channel', fromId: `29:user-${i % 4}` }),
    );

    const results = await Promise.all(activities.map((a) => postActivity(bot.url, a)));

    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const answered = new Set(bot.connector.calls.filter((c) => c.method === 'POST').map((c) => c.replyToId));
    for (const a of activities) expect(answered).toContain(a.id);
    const key = `msteams/${TEST_BOT_ID}/conversations/${conversationId}`;
    const stored = await bot.gateway.storage.stateStorage.read([key]);
    expect(stored[key]).toMatchObject({ unrecognisedStreak: 20 });
  });
});
