import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getStage } from '../../bot/migration/gateways/catalogue';
import { NOTE_MAX_LENGTH } from '../../bot/migration/gateways/itemUpdates';
import type { Actor } from '../../bot/migration/projects/actor';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../bot/migration/projects/updateChecklistItem';
import { TEAMS_MESSAGE_LIMIT_BYTES, teamsMessageBytes } from '../../cards/teamsMessageSize';
import { channelMessage, executeActivity, postActivity, TEST_TENANT } from '../harness/activities';
import { adaptiveCardOf } from '../harness/cardText';
import { startGatewayUnderTest, type GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';

const TEAM = '19:sizes@thread.tacv2';
const pm: Actor = { tenantId: TEST_TENANT, userId: '29:pm', name: `Priya ${'Shah-Montgomery '.repeat(12)}`.slice(0, 200) };

describe('message sizes as Teams counts them', () => {
  let bot: GatewayUnderTest;
  let projectId: string;

  beforeAll(async () => {
    bot = await startGatewayUnderTest();
    const { project } = await setUpProject(bot.gateway.projects, {
      actor: pm,
      teamId: TEAM,
      form: projectForm({ organisationName: `The ${'Royal Hampshire and Isle of Wight '.repeat(6)}`.slice(0, 200) }),
    });
    projectId = project.projectId;
    // Gateway 4 in full: every item owned, dated, with three notes of the longest length.
    const note = (i: number): string => `Note ${i} ${'Checked with the IG lead and the service desk; 📎 attached. '.repeat(20)}`.slice(0, NOTE_MAX_LENGTH);
    for (const item of getStage(bot.gateway.projects.catalogue, 4).items) {
      await updateChecklistItem(bot.gateway.projects, {
        actor: pm,
        projectId,
        itemId: item.id,
        expectedVersion: 0,
        change: [
          { field: 'owner', owner: { id: pm.userId, name: pm.name } },
          { field: 'due', due: '2027-01-04' },
          { field: 'note', text: note(1) },
          { field: 'note', text: note(2) },
          { field: 'note', text: note(3) },
        ],
      });
    }
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  it('when something posts an activity over 100 KB in UTF-16 to the fake connector, then it answers 413 MessageSizeTooBig like Teams', async () => {
    // 40,000 characters: 40 KB in UTF-8, but 80 KB in UTF-16 as Teams counts it, and the envelope takes it over.
    const body = { type: 'message', text: 'é'.repeat(TEAMS_MESSAGE_LIMIT_BYTES / 2) };
    const response = await fetch(`${bot.connector.serviceUrl}v3/conversations/c1/activities`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'MessageSizeTooBig' } });
    const small = await fetch(`${bot.connector.serviceUrl}v3/conversations/c1/activities`, { method: 'POST', body: JSON.stringify({ type: 'message', text: 'hi' }), headers: { 'content-type': 'application/json' } });
    expect(small.status).toBe(200);
  });

  it('when gateway 4 is full and someone types gateway 4, then the checklist Teams receives is under the limit', async () => {
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text: 'gateway 4', teamId: TEAM, fromId: pm.userId }));
    const [reply] = await bot.connector.waitForActivities(1);
    expect(bot.connector.refusedAsTooBig).toEqual([]);
    expect(teamsMessageBytes(reply)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    expect(adaptiveCardOf(reply!)?.refresh).toMatchObject({ action: { verb: 'checklist-refresh' } });
  });

  it('when an item with long notes is opened and every section is shown, then each invoke answer is under the limit', async () => {
    const stage = getStage(bot.gateway.projects.catalogue, 4);
    const item = stage.items[0]!;
    const press = (verb: string, data: Record<string, unknown>) =>
      postActivity(bot.url, executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: pm.userId, verb, data, teamId: TEAM }));
    const opened = await press('item-edit', { projectId, stage: 4, itemId: item.id });
    expect(opened.status).toBe(200);
    expect(teamsMessageBytes(opened.body)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    for (const section of new Set(stage.items.map((i) => i.guideSection))) {
      const shown = await press('checklist-show', { projectId, stage: 4, section });
      expect(shown.status).toBe(200);
      expect(JSON.stringify(shown.body)).toContain(section);
      expect(teamsMessageBytes(shown.body)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    }
  });
});
