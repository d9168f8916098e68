import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaygroundPerson } from '../../bot/local/playground';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { startGateway } from '../../bot/runtime';
import type { RunningGateway } from '../../bot/runtime';
import { adaptiveCardOf, inConversation } from '../harness/playgroundClient';
import type { BotActivity, PlaygroundClient } from '../harness/playgroundClient';
import { startPlaygroundSession } from '../harness/playgroundSession';
import type { PlaygroundSession } from '../harness/playgroundSession';

const SAM: PlaygroundPerson = { id: 'user-sam', name: 'Sam Patel', userPrincipalName: 'sam.patel@nhs.net', email: 'sam.patel@nhs.net' };
const shown = (a: BotActivity): string => [a.text ?? '', JSON.stringify(adaptiveCardOf(a) ?? {})].join('\n');

/** The scheduler every two seconds, as an operator could set it; the post itself is still once per project per week. */
const EVERY_TWO_SECONDS = '*/2 * * * * *';

describe('the weekly highlight in the Agents Playground: previewed, posted by itself once, not again after a restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gateway-e2e-highlight-'));
  const config = loadConfig({ PORT: '0', PLAYGROUND: 'off', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', WEEKLY_HIGHLIGHT_CRON: EVERY_TWO_SECONDS });
  let gateway: RunningGateway;
  let session: PlaygroundSession;
  let client: PlaygroundClient;

  const startBot = (port?: number) => startGateway(port === undefined ? config : { ...config, port }, { logger: createLogger(config.logLevel) });
  const ask = async (text: string, predicate: (a: BotActivity) => boolean = () => true): Promise<BotActivity> => {
    const marker = client.mark();
    const sent = await client.sendChannel(text);
    return client.nextReply(marker, (a) => inConversation(sent.conversationId)(a) && predicate(a));
  };
  const weeklyPosts = () => client.activities.filter((a) => a.streamConversationId === client.context.teamId && (a.text ?? '').startsWith('Weekly highlight for'));

  beforeAll(async () => {
    gateway = await startBot();
    session = await startPlaygroundSession(`${gateway.url}/api/messages`, SAM, []);
    client = session.client;
    await client.install('team');
  });

  afterAll(async () => {
    await gateway?.close();
    await session?.close();
  });

  it('when Sam sets up a project and previews the highlight, then the draft shows its RAG, forecast and burn-down', async () => {
    const form = await ask('set up project');
    const marker = client.mark();
    await client.submit(form.messageId, {
      verb: 'project-setup-confirm',
      organisationName: 'Ysbyty Highlight NHS Trust',
      odsCode: 'RYH',
      migrationMethod: 'self-migration',
      approximateUsers: '4200',
      newAccounts: '120',
      phasing: 'phased',
      plannedStart: '2026-11-02',
      cutover: '2027-04-30',
    });
    await client.nextReply(marker, (a) => shown(a).includes('is set up'));
    const draft = await ask('highlight', (a) => adaptiveCardOf(a) !== undefined);
    expect(shown(draft)).toContain('Draft highlight report: Ysbyty Highlight NHS Trust (RYH)');
    expect(shown(draft)).toContain('Chart.Line');
    expect(shown(draft)).toContain('Forecast');
  });

  it('when the scheduler is left to run, then exactly one report arrives in the team channel, with both cards', async () => {
    const deadline = Date.now() + 20_000;
    while (weeklyPosts().length === 0 && Date.now() < deadline) await sleep(250);
    // Several more runs of the schedule.
    await sleep(6_000);
    const posts = weeklyPosts();
    expect(posts).toHaveLength(1);
    // The playground shows the message's text as a new post in the channel and each of its cards as a post after it.
    const inChannel = client.activities.filter((a) => a.streamConversationId === client.context.teamId);
    const cards = inChannel.map((a) => JSON.stringify(a.attachments));
    expect(cards.filter((c) => c.includes('Highlight report: Ysbyty Highlight NHS Trust'))).toHaveLength(1);
    expect(cards.filter((c) => c.includes('Risks and issues: Ysbyty Highlight NHS Trust'))).toHaveLength(1);
  });

  it('when the bot restarts, then the schedule runs again and posts nothing more that week', async () => {
    const port = gateway.port;
    await gateway.close();
    gateway = await startBot(port);
    await sleep(6_000);
    expect(weeklyPosts()).toHaveLength(1);
    const reports = client.activities.filter((a) => a.streamConversationId === client.context.teamId && JSON.stringify(a.attachments).includes('Highlight report: Ysbyty'));
    expect(reports).toHaveLength(1);
  });
});
