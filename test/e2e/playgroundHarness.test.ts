import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { CardFactory, MemoryStorage, MessageFactory } from 'botbuilder';
import { createServer, plugins } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD, PlaygroundApiError, adaptiveCardOf, inConversation } from '../harness/playgroundClient';
import type { BotActivity, PlaygroundClient } from '../harness/playgroundClient';
import { startPlaygroundSession } from '../harness/playgroundSession';
import type { PlaygroundSession } from '../harness/playgroundSession';

/**
 * Proves the playground harness against a scratch echo bot, so that a failure in the real bot's
 * end-to-end tests can be told apart from a failure of the harness itself.
 */


const ACTIONS_CARD: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Who are you?' },
    { type: 'Input.Text', id: 'name' },
  ],
  actions: [
    { type: 'Action.Submit', title: 'Greet me', data: { verb: 'greet' } },
    { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { count: 0 }, fallback: { type: 'Action.Submit', title: 'Refresh', data: { verb: 'refresh' } } },
  ],
};

type ScratchBot = { endpoint: string; close(): Promise<void> };

/** A minimal teams-ai bot with no app id: the playground acts as its Bot Connector. */
async function startEchoBot(): Promise<ScratchBot> {
  const adapter = new TeamsAdapter({});
  const app = new Application({ adapter, storage: new MemoryStorage() });

  app.conversationUpdate('membersAdded', async (context) => {
    await context.sendActivity(`Welcome to this ${context.activity.conversation.conversationType ?? 'conversation'}`);
  });
  app.adaptiveCards.actionSubmit<{ name?: string }>('greet', async (context, _state, data) => {
    await context.sendActivity(`Hello, ${data.name ?? 'stranger'}`);
  });
  app.adaptiveCards.actionExecute<{ count?: number }>('refresh', (_context, _state, data) =>
    Promise.resolve({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Refreshed ${(data.count ?? 0) + 1} time(s)` }] }),
  );
  app.message('card', async (context) => {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(ACTIONS_CARD)));
  });
  app.message(/.*/, async (context) => {
    await context.sendActivity(`${context.activity.from.name ?? 'someone'} said: ${context.activity.text}`);
  });

  const server = createServer();
  server.use(plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/** The card's body as text, so assertions need not know its layout. */
function bodyTextOf(card: unknown): string {
  return typeof card === 'object' && card !== null && 'body' in card ? JSON.stringify(card.body) : '';
}

describe('Agents Playground harness against a scratch echo bot', () => {
  let bot: ScratchBot | undefined;
  let session: PlaygroundSession | undefined;
  let client: PlaygroundClient;

  beforeAll(async () => {
    bot = await startEchoBot();
    session = await startPlaygroundSession(bot.endpoint);
    client = session.client;
  });

  afterAll(async () => {
    await session?.close();
    await bot?.close();
  });

  it('when the playground starts with a written config, then it acts as the configured current user', () => {
    expect(client.context.currentUser).toMatchObject({ id: 'user-jo', name: 'Jo Bloggs', userPrincipalName: 'jo.bloggs@nhs.net', email: 'jo.bloggs@nhs.net' });
    expect(client.context.users).toHaveLength(5);
    expect(client.context.channelIds[0]).toBe(client.context.teamId);
  });

  it('when a personal message is sent, then the echo arrives in the personal chat', async () => {
    const marker = client.mark();

    const sent = await client.sendPersonal('hello bot');
    const reply = await client.nextReply(marker, inConversation(client.context.personalChatId));

    expect(sent.conversationId).toBe(client.context.personalChatId);
    expect(reply).toMatchObject({ kind: 'create', fromId: client.context.bot.id, text: 'Jo Bloggs said: hello bot' });
  });

  it('when the bot is installed in the personal chat, then it greets', async () => {
    const marker = client.mark();

    await client.install('personal');
    const greeting = await client.nextReply(marker, inConversation(client.context.personalChatId));

    expect(greeting.text).toBe('Welcome to this personal');
  });

  it('when a channel message mentions the bot, then the echo arrives in that message thread', async () => {
    const installed = client.mark();
    await client.install('team');
    const greeting = await client.nextReply(installed, (activity) => activity.text === 'Welcome to this channel');
    const marker = client.mark();

    const sent = await client.sendChannel('hello team');
    const reply = await client.nextReply(marker, inConversation(sent.conversationId));

    expect(greeting.streamConversationId).toBe(client.context.teamId);
    expect(sent.conversationId).toBe(`${client.context.teamId};messageid=${sent.messageId}`);
    // teams-ai strips the bot's own mention before routing.
    expect(reply.text).toBe('Jo Bloggs said: hello team');
  });

  it('when a channel message does not mention the bot, then the bot never hears it', async () => {
    const marker = client.mark();

    const sent = await client.send(client.context.teamId, 'just chatting');

    await expect(client.nextReply(marker, inConversation(sent.conversationId), 700)).rejects.toThrow(/No matching bot activity/);
  });

  describe('with a card of actions in the personal chat', () => {
    let card: BotActivity;

    beforeAll(async () => {
      const marker = client.mark();
      await client.sendPersonal('card');
      card = await client.nextReply(marker, (activity) => adaptiveCardOf(activity) !== undefined);
    });

    it('when its Action.Submit is pressed, then the actionSubmit route answers with the input', async () => {
      const marker = client.mark();

      await client.submit(card.messageId, { verb: 'greet', name: 'Jo' });
      const answer = await client.nextReply(marker, inConversation(card.conversationId));

      expect(answer.text).toBe('Hello, Jo');
    });

    it('when its Action.Execute is invoked, then the refreshed card comes back in the invoke response', async () => {
      const reply = await client.invoke(card.messageId, 'refresh', { count: 1 });

      expect(reply.type).toBe(ADAPTIVE_CARD);
      expect(bodyTextOf(reply.value)).toContain('Refreshed 2 time(s)');
    });

    it('when an Action.Execute verb has no route, then the playground reports the bot failure', async () => {
      const failure = client.invoke(card.messageId, 'no-such-verb');

      await expect(failure).rejects.toBeInstanceOf(PlaygroundApiError);
      await expect(failure).rejects.toMatchObject({ status: 502, code: 'UserBotError' });
    });
  });
});
