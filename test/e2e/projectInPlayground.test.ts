import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaygroundPerson } from '../../bot/local/playground';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';
import { startGateway } from '../../bot/runtime';
import type { RunningGateway } from '../../bot/runtime';
import { adaptiveCardOf, inConversation } from '../harness/playgroundClient';
import type { BotActivity, PlaygroundClient } from '../harness/playgroundClient';
import { startPlaygroundSession } from '../harness/playgroundSession';
import type { PlaygroundSession } from '../harness/playgroundSession';

const SAM: PlaygroundPerson = { id: 'user-sam', name: 'Sam Patel', userPrincipalName: 'sam.patel@nhs.net', email: 'sam.patel@nhs.net' };
const TOM: PlaygroundPerson = { id: 'user-tom', name: 'Tom Evans', userPrincipalName: 'tom.evans@nhs.net', email: 'tom.evans@nhs.net' };
const SUE: PlaygroundPerson = { id: 'user-sue', name: 'Sue Staff', userPrincipalName: 'sue.staff@nhs.net', email: 'sue.staff@nhs.net' };

const shown = (a: BotActivity): string => [a.text ?? '', JSON.stringify(adaptiveCardOf(a) ?? {})].join('\n');

/** The project id the bot put in a card's button data. */
function projectIdIn(activity: BotActivity): string {
  const match = /"projectId":"([A-Za-z0-9_-]+)"/.exec(JSON.stringify(adaptiveCardOf(activity)));
  if (!match?.[1]) throw new Error('no project id on the card');
  return match[1];
}

describe('a migration project in the Agents Playground: set-up, roles, gateway 1, status, sign-off', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gateway-e2e-project-'));
  const config = loadConfig({ PORT: '0', PLAYGROUND: 'off', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  let gateway: RunningGateway;
  let sam: PlaygroundSession;
  let sue: PlaygroundSession;
  let client: PlaygroundClient;
  let projectId = '';

  const startBot = (port?: number) => startGateway(port === undefined ? config : { ...config, port }, { logger: createLogger(config.logLevel) });

  /** Sends in the channel (with the @mention) and waits for the bot's first answer in that thread. */
  const ask = async (who: PlaygroundClient, text: string, predicate: (a: BotActivity) => boolean = () => true): Promise<BotActivity> => {
    const marker = who.mark();
    const sent = await who.sendChannel(text);
    return who.nextReply(marker, (a) => inConversation(sent.conversationId)(a) && predicate(a));
  };

  beforeAll(async () => {
    gateway = await startBot();
    const endpoint = `${gateway.url}/api/messages`;
    sam = await startPlaygroundSession(endpoint, SAM, [TOM, SUE]);
    sue = await startPlaygroundSession(endpoint, SUE, [SAM, TOM]);
    client = sam.client;
    await client.install('team');
  });

  afterAll(async () => {
    await gateway?.close();
    await sam?.close();
    await sue?.close();
  });

  it('when Sam sets up a project with an invalid ODS code, then the card says so; with a doubtful one, it asks to confirm; then it is set up', async () => {
    const form = await ask(client, 'set up project');
    const values = { organisationName: 'Ysbyty Example NHS Trust', migrationMethod: 'self-migration', approximateUsers: '4200', newAccounts: '120', phasing: 'phased', plannedStart: '2026-12-01', cutover: '2027-04-30' };

    let marker = client.mark();
    await client.submit(form.messageId, { verb: 'project-setup-submit', ...values, odsCode: 'R!' });
    const invalid = await client.nextReply(marker, (a) => a.messageId === form.messageId);
    expect(invalid.kind).toBe('update');
    expect(shown(invalid)).toMatch(/ODS code/);

    marker = client.mark();
    await client.submit(form.messageId, { verb: 'project-setup-submit', ...values, odsCode: 'ZZZ99' });
    const doubtful = await client.nextReply(marker, (a) => a.messageId === form.messageId);
    expect(shown(doubtful)).toContain('project-setup-confirm');

    marker = client.mark();
    await client.submit(form.messageId, { verb: 'project-setup-confirm', ...values, odsCode: 'ZZZ99' });
    // The form itself becomes the confirmation, so its buttons cannot be pressed again; the status card follows.
    const done = await client.nextReply(marker, (a) => a.messageId === form.messageId && shown(a).includes('is set up'));
    expect(shown(done)).toContain('you are its project manager');
    const status = await client.nextReply(done.seq, (a) => a.messageId !== form.messageId && adaptiveCardOf(a) !== undefined);
    projectId = projectIdIn(status);
  });

  it('when Sam gives Tom a role on the roles card, then the card shows Tom as a project team member', async () => {
    const roles = await ask(client, 'roles');
    const reply = await client.invoke(roles.messageId, 'role-assign', { verb: 'role-assign', projectId, userId: TOM.id, role: 'team-member' });
    expect(JSON.stringify(reply.value)).toContain('Tom Evans');
  });

  it('when Sam opens gateway 1 and presses Done on an item, then the card comes back with it done', async () => {
    const checklist = await ask(client, 'gateway 1');
    expect(shown(checklist)).toContain('Gateway 1');
    const reply = await client.invoke(checklist.messageId, 'item-done', { verb: 'item-done', projectId, stage: 1, itemId: 'g1-contact-pipeline', expectedVersion: 0 });
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(reply.value)).toMatch(/Done/);
  });

  it('when Sam walks through the rest of gateway 1, then every item ends up done', async () => {
    const stage1 = DEFAULT_GATEWAY_CATALOGUE.stages[0]!;
    let card = await ask(client, 'walk me through gateway 1', (a) => adaptiveCardOf(a) !== undefined);
    for (const item of stage1.items.filter((i) => i.id !== 'g1-contact-pipeline')) {
      if (item.evidenceRequired === true) {
        const marker = client.mark();
        await client.submit(card.messageId, { verb: 'walkthrough-answer', choice: 'note', itemId: item.id, expectedVersion: 0, note: '', evidenceUrl: 'https://example.sharepoint.com/business-case.docx' });
        card = await client.nextReply(marker, (a) => adaptiveCardOf(a) !== undefined);
      }
      const marker = client.mark();
      await client.submit(card.messageId, { verb: 'walkthrough-answer', choice: 'done', itemId: item.id, expectedVersion: item.evidenceRequired === true ? 1 : 0 });
      card = await client.nextReply(marker);
    }
    expect(card.text).toContain('walkthrough of gateway 1 finished');
  });

  it('when Sam asks for status and my actions, then both cards arrive', async () => {
    expect(shown(await ask(client, 'status'))).toContain('Ysbyty Example NHS Trust');
    expect(adaptiveCardOf(await ask(client, 'my actions'))).toBeDefined();
  });

  it('when Sue (staff) tries to sign off gateway 1, then she is refused and told who can', async () => {
    const card = await ask(sue.client, 'sign off gateway 1');
    expect(shown(card)).toMatch(/project manager or the senior responsible owner/);
    const reply = await sue.client.invoke(card.messageId, 'gateway-decide', { verb: 'gateway-decide', projectId, stage: 1, outcome: 'go', comment: '' });
    expect(JSON.stringify(reply.value)).toMatch(/project manager/i);
  });

  it('when Sam signs off gateway 1 as project manager, then the go is recorded', async () => {
    const card = await ask(client, 'sign off gateway 1');
    const reply = await client.invoke(card.messageId, 'gateway-decide', { verb: 'gateway-decide', projectId, stage: 1, outcome: 'go', comment: 'Pipeline team informed' });
    expect(JSON.stringify(reply.value)).toContain('Decision recorded: go.');
  });

  it('when the bot restarts, then status still shows gateway 1 passed and Tom on the team', async () => {
    const port = gateway.port;
    await gateway.close();
    gateway = await startBot(port);
    const status = await ask(client, 'status');
    expect(shown(status)).toContain('"Passed"');
    const roles = await ask(client, 'roles');
    expect(shown(roles)).toContain('Tom Evans');
  });
});
