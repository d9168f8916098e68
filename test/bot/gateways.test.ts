import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../bot/migration/projects/updateChecklistItem';
import type { Actor } from '../../bot/migration/projects/actor';
import { channelMessage, executeActivity, postActivity, TEST_TENANT } from '../harness/activities';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';

const TEAM = '19:migration@thread.tacv2';
const pm: Actor = { tenantId: TEST_TENANT, userId: '29:pm', name: 'Priya Shah' };
const member: Actor = { tenantId: TEST_TENANT, userId: '29:tom', name: 'Tom Evans' };
const outsider: Actor = { tenantId: TEST_TENANT, userId: '29:sue', name: 'Sue Staff' };

describe('gateway checklists over HTTP', () => {
  let bot: GatewayUnderTest;
  let projectId: string;

  beforeAll(async () => {
    bot = await startGatewayUnderTest();
    const { project } = await setUpProject(bot.gateway.projects, {
      actor: pm,
      teamId: TEAM,
      form: projectForm(),
    });
    projectId = project.projectId;
    const { assignRole } = await import('../../bot/migration/projects/assignRole');
    await assignRole(bot.gateway.projects, { actor: pm, projectId, member: { userId: member.userId, name: member.name }, role: 'team-member' });
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  const press = (who: Actor, verb: string, data: Record<string, unknown>) =>
    postActivity(bot.url, executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: who.userId, verb, data, teamId: TEAM }));

  const cardOf = (body: unknown) => (body as { value: Record<string, unknown> }).value;

  it('when someone types gateway 1 in the team channel, then the checklist card for gateway 1 arrives', async () => {
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text: 'gateway 1', teamId: TEAM, fromId: pm.userId }));
    const [reply] = await bot.connector.waitForActivities(1);
    expect(visibleText(reply!)).toContain('Gateway 1');
    expect(adaptiveCardOf(reply!)?.refresh).toMatchObject({ action: { verb: 'checklist-refresh' } });
  });

  it('when a team member presses Done, then the card comes back with the item done and everyone’s copy is replaced', async () => {
    const result = await press(member, 'item-done', { projectId, stage: 1, itemId: 'g1-contact-pipeline', expectedVersion: 0 });
    expect(result.status).toBe(200);
    expect((result.body as { type: string }).type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(cardOf(result.body))).toMatch(/Done/);
    expect(bot.connector.calls.some((c) => c.method === 'PUT')).toBe(true);
    const checklist = await bot.gateway.projects.gateways.get(projectId, 1);
    expect(checklist.items.find((i) => i.itemId === 'g1-contact-pipeline')).toMatchObject({ status: 'done', version: 1 });
  });

  it('when someone opens an item’s history, then it lists who changed what', async () => {
    const result = await press(pm, 'item-history', { projectId, stage: 1, itemId: 'g1-contact-pipeline' });
    const text = JSON.stringify(cardOf(result.body));
    expect(text).toContain('Test User');
    expect(text).toMatch(/Done/);
  });

  it('when two people press Done on different items at the same moment, then both are saved', async () => {
    const [a, b] = await Promise.all([
      press(member, 'item-done', { projectId, stage: 1, itemId: 'g1-user-numbers', expectedVersion: 0 }),
      press(pm, 'item-done', { projectId, stage: 1, itemId: 'g1-ods-code', expectedVersion: 0 }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const items = (await bot.gateway.projects.gateways.get(projectId, 1)).items;
    expect(items.filter((i) => ['g1-user-numbers', 'g1-ods-code'].includes(i.itemId)).map((i) => i.status)).toEqual(['done', 'done']);
  });

  it('when a stale card is used, then the person is told on the latest checklist and the item keeps the other person’s change', async () => {
    await updateChecklistItem(bot.gateway.projects, { actor: pm, projectId, itemId: 'g1-draft-business-case', expectedVersion: 0, change: { field: 'due', due: '2027-01-15' } });
    const result = await press(member, 'item-done', { projectId, stage: 1, itemId: 'g1-draft-business-case', expectedVersion: 0 });
    expect(result.body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(cardOf(result.body))).toContain('Someone else updated this item since you opened it');
    expect(JSON.stringify(cardOf(result.body))).toContain('Due Fri 15 Jan 2027');
    const item = (await bot.gateway.projects.gateways.get(projectId, 1)).items.find((i) => i.itemId === 'g1-draft-business-case');
    expect(item).toMatchObject({ status: 'open', due: '2027-01-15', version: 1 });
  });

  it('when someone who is not on the project team presses Done, then it is refused with the reason and nothing changes', async () => {
    const result = await press(outsider, 'item-done', { projectId, stage: 1, itemId: 'g1-integrated-apps-review', expectedVersion: 0 });
    // Outside the project's team the project cannot even be read, so there is no checklist to bring up to date.
    expect(result.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining("We couldn't find that migration project") as unknown });
    expect((await bot.gateway.projects.gateways.get(projectId, 1)).items.find((i) => i.itemId === 'g1-integrated-apps-review')).toBeUndefined();
  });

  it('when an item is saved with a link that is not https, then the item card says why and nothing on it is saved', async () => {
    const result = await press(member, 'item-save', {
      projectId,
      stage: 1,
      itemId: 'g1-integrated-apps-review',
      expectedVersion: 0,
      status: 'done',
      due: '2027-02-01',
      evidenceUrl: 'http://intranet/apps.xlsx',
    });
    expect(JSON.stringify(cardOf(result.body))).toContain('https://');
    expect((await bot.gateway.projects.gateways.get(projectId, 1)).items.find((i) => i.itemId === 'g1-integrated-apps-review')).toBeUndefined();
  });
});
