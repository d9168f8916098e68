import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { startGateway } from '../../bot/runtime';
import type { RunningGateway } from '../../bot/runtime';
import { adaptiveCardOf, inConversation } from '../harness/playgroundClient';
import type { BotActivity, PlaygroundClient } from '../harness/playgroundClient';
import { startPlaygroundSession } from '../harness/playgroundSession';
import type { PlaygroundSession } from '../harness/playgroundSession';

/** Everything a person reads on an activity: its text and its card's text blocks. */
function shown(activity: BotActivity): string {
  return [activity.text ?? '', JSON.stringify(adaptiveCardOf(activity) ?? {})].join('\n');
}

describe('Gateway in the Microsoft 365 Agents Playground', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gateway-e2e-'));
  const config = loadConfig({ PORT: '0', PLAYGROUND: 'off', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  let gateway: RunningGateway;
  let port: number;
  let session: PlaygroundSession;
  let client: PlaygroundClient;

  const startBot = async (): Promise<RunningGateway> => {
    const config2 = port === undefined ? config : { ...config, port };
    return startGateway(config2, { logger: createLogger(config.logLevel) });
  };

  beforeAll(async () => {
    gateway = await startBot();
    port = gateway.port;
    session = await startPlaygroundSession(`${gateway.url}/api/messages`);
    client = session.client;
  });

  afterAll(async () => {
    // The bot first, so turns in flight can still reach the playground.
    await gateway?.close();
    await session?.close();
  });

  it('when Gateway is installed in the team, then it posts its welcome card in the channel', async () => {
    const marker = client.mark();
    await client.install('team');
    const welcome = await client.nextReply(marker, (a) => shown(a).includes('Welcome to Gateway'));
    expect(welcome.streamConversationId).toBe(client.context.teamId);
    expect(shown(welcome)).toContain('@mention Gateway');
  });

  it('when someone @mentions Gateway with help in the channel, then the help card arrives in that thread', async () => {
    const marker = client.mark();
    const sent = await client.sendChannel('help');
    const reply = await client.nextReply(marker, inConversation(sent.conversationId));
    expect(shown(reply)).toContain('What Gateway can do');
  });

  it('when Gateway is installed in a personal chat and help is typed, then the welcome and help cards arrive', async () => {
    const installed = client.mark();
    await client.install('personal');
    const welcome = await client.nextReply(installed, inConversation(client.context.personalChatId));
    expect(shown(welcome)).toContain('Type a command here in our chat');
    const asked = client.mark();
    await client.sendPersonal('help');
    const help = await client.nextReply(asked, inConversation(client.context.personalChatId));
    expect(shown(help)).toContain('What Gateway can do');
  });

  it('when the welcome card’s Show help button is pressed, then the help card arrives', async () => {
    const welcome = client.activities.find((a) => shown(a).includes('Welcome to Gateway') && a.streamConversationId === client.context.personalChatId);
    expect(welcome).toBeDefined();
    const marker = client.mark();
    await client.submit(welcome!.messageId, { verb: 'help' });
    const help = await client.nextReply(marker, inConversation(client.context.personalChatId));
    expect(shown(help)).toContain('What Gateway can do');
  });

  it('when the user types something Gateway does not understand, then a short hint comes back', async () => {
    const marker = client.mark();
    await client.sendPersonal('when is lunch');
    const hint = await client.nextReply(marker, inConversation(client.context.personalChatId));
    expect(hint.text).toBe('Sorry, I didn’t understand that. Type help to see what I can do.');
  });

  it('when the bot restarts, then the conversation carries on where it was', async () => {
    const before = client.mark();
    await client.sendPersonal('still puzzling');
    await client.nextReply(before, inConversation(client.context.personalChatId));
    await gateway.close();
    gateway = await startBot();
    const marker = client.mark();
    await client.sendPersonal('puzzling again');
    const reply = await client.nextReply(marker, inConversation(client.context.personalChatId));
    expect(reply.text).toBe('I still didn’t understand that, so here is everything I can help with.');
    const help = await client.nextReply(reply.seq, inConversation(client.context.personalChatId));
    expect(shown(help)).toContain('What Gateway can do');
  });
});
