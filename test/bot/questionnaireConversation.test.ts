import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../bot/migration/projects/actor';
import { assignRole } from '../../bot/migration/projects/assignRole';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import { channelMessage, executeActivity, messageActivity, postActivity, submitActivity, TEST_TENANT } from '../harness/activities';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { elementsOf } from '../harness/cardSearch';
import { projectForm } from '../harness/projectForms';

/**
 * The discovery questionnaire over HTTP, as Teams drives it. Needs the lead's wiring of
 * `registerQuestionnaire` in app.ts and of GET /api/exports/:token in runtime.ts and server.ts.
 */

const TEAM = '19:questionnaire@thread.tacv2';
const PRIYA = { id: '29:q-priya', name: 'Priya Shah' };
const TOM = { id: '29:q-tom', name: 'Tom Evans' };
const SUE = { id: '29:q-sue', name: 'Sue Staff' };
const NIA = { id: '29:q-nia', name: 'Nia Newcomer' };
type Person = typeof PRIYA;

const actor = (p: Person): Actor => ({ tenantId: TEST_TENANT, userId: p.id, aadObjectId: `aad-${p.id}`, name: p.name });

const form = projectForm({ organisationName: 'Royal Devon Hospital', odsCode: 'rh8', approximateUsers: '5,000' });

type Json = Record<string, unknown>;
interface InvokeBody {
  readonly type: string;
  readonly value: unknown;
}

function inputsOf(card: unknown): Json[] {
  const found: Json[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Json;
      if (typeof record.type === 'string' && record.type.startsWith('Input.')) found.push(record);
      Object.entries(record).forEach(([key, child]) => key !== 'data' && visit(child));
    }
  };
  visit(card);
  return found;
}

function actionData(card: unknown, title: string): Json {
  const [found] = elementsOf(card, (element) => element.title === title && typeof element.type === 'string' && element.type.startsWith('Action.'));
  if (!found) throw new Error(`no "${title}" button on ${JSON.stringify(card).slice(0, 200)}`);
  return (found.data ?? { url: found.url }) as Json;
}

describe('the discovery questionnaire over HTTP', () => {
  let bot: GatewayUnderTest;
  let projectId = '';
  let otherProjectId = '';

  beforeAll(async () => {
    bot = await startGatewayUnderTest();
    const deps = bot.gateway.projects;
    ({ project: { projectId } } = await setUpProject(deps, { actor: actor(PRIYA), teamId: TEAM, form }));
    await assignRole(deps, { actor: actor(PRIYA), projectId, member: actor(TOM), role: 'team-member' });
    await assignRole(deps, { actor: actor(PRIYA), projectId, member: actor(SUE), role: 'staff' });
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  const sayInChannel = async (who: Person, text: string): Promise<Json[]> => {
    const before = bot.connector.activities.length;
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text, teamId: TEAM, fromId: who.id, fromName: who.name }));
    return bot.connector.activities.slice(before);
  };
  const sayInChat = async (who: Person, text: string): Promise<Json[]> => {
    const before = bot.connector.activities.length;
    await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text, fromId: who.id, fromName: who.name, conversationId: `a:chat-${who.id}` }));
    return bot.connector.activities.slice(before);
  };
  const press = async (who: Person, data: Json, where: 'channel' | 'chat' = 'channel'): Promise<InvokeBody> => {
    const verb = String(data.verb);
    const activity = executeActivity({
      serviceUrl: bot.connector.serviceUrl,
      fromId: who.id,
      fromName: who.name,
      verb,
      data,
      ...(where === 'channel' ? { teamId: TEAM, conversationType: 'channel' as const, conversationId: `${TEAM};messageid=1` } : { conversationId: `a:chat-${who.id}` }),
    });
    const result = await postActivity(bot.url, activity);
    expect(result.status).toBe(200);
    return result.body as InvokeBody;
  };

  it('when someone types questionnaire in the team channel, then the overview lists the ten sections, each incomplete, with the guide notice', async () => {
    const [reply] = await sayInChannel(TOM, 'questionnaire');
    const text = visibleText(reply!);
    expect(text).toContain('0 of 49 questions answered · 0 of 10 sections complete');
    expect(text).toContain('derived from NHS Digital');
    expect(JSON.stringify(adaptiveCardOf(reply!))).toContain('"title":"Start section 10"');
  });

  it('when Tom saves section 1 with a wrong email, then the card shows why under the field, keeps what he typed, and saves the rest', async () => {
    const [overview] = await sayInChannel(TOM, 'questionnaire');
    const opened = await press(TOM, actionData(adaptiveCardOf(overview!), 'Start section 1'));
    expect(opened.type).toBe('application/vnd.microsoft.card.adaptive');
    const save = actionData(opened.value, 'Save');
    const saved = await press(TOM, {
      ...save,
      'org-name': 'Royal Devon Hospital',
      'org-ods-code': 'RH8',
      'org-project-manager-name': 'Priya Shah',
      'org-project-manager-email': 'priya at nhs',
      'org-senior-approval': 'yes',
    });
    const card = saved.value as Json;
    expect(JSON.stringify(card)).toContain('Saved 4 answers. 1 answer needs another look');
    expect(JSON.stringify(card)).toContain('Enter a real email address, like name@nhs.net.');
    expect(inputsOf(card).find((i) => i.id === 'org-project-manager-email')?.value).toBe('priya at nhs');
    expect(inputsOf(card).find((i) => i.id === 'org-name')?.value).toBe('Royal Devon Hospital');
    expect(JSON.stringify(card)).toContain('Answered by Tom Evans');

    const fixed = await press(TOM, { ...actionData(card, 'Save'), 'org-project-manager-email': 'priya.shah@nhs.net' });
    expect(JSON.stringify(fixed.value)).toContain('Saved 1 answer.');
  });

  it('when the fallback Action.Submit is used, then the section is saved the same way and the card arrives as a reply', async () => {
    const opened = await press(TOM, { verb: 'questionnaire-section', projectId, sectionId: '4' });
    const before = bot.connector.activities.length;
    await postActivity(
      bot.url,
      submitActivity({ serviceUrl: bot.connector.serviceUrl, teamId: TEAM, fromId: TOM.id, fromName: TOM.name, value: { ...actionData(opened.value, 'Save'), 'mailbox-over-quota': '-3', 'mailbox-largest-gb': '52' } }),
    );
    const [reply] = bot.connector.activities.slice(before);
    expect(visibleText(reply!)).toContain('Enter a whole number of 0 or more.');
    expect(visibleText(reply!)).toContain('Saved 1 answer.');
  });

  it('when staff open a section, then they are told only the project team can answer; the overview is read-only for them', async () => {
    const refused = await press(SUE, { verb: 'questionnaire-section', projectId, sectionId: 'mobile-devices' });
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(refused.value)).toContain('Only members of the project team can answer the discovery questionnaire.');
    const [overview] = await sayInChannel(SUE, 'questionnaire');
    expect(JSON.stringify(adaptiveCardOf(overview!))).not.toContain('questionnaire-section');
  });

  it('when the overview is opened, then it says who answered what', async () => {
    const [overview] = await sayInChannel(PRIYA, 'questionnaire');
    const text = visibleText(overview!);
    expect(text).toContain('Answered by Tom Evans (5)');
    expect(text).toContain('Tom Evans: 6 answers');
  });

  it('when Priya submits with required questions open, then the overview comes back saying so and nothing is recorded', async () => {
    const [reply] = await sayInChannel(PRIYA, 'submit questionnaire');
    expect(visibleText(reply!)).toMatch(/Not submitted: \d+ required questions are still open/);
    expect((await bot.gateway.projects.projects.get(projectId))?.milestones).toEqual([]);
  });

  it('when export is asked for in the channel, then the summary says to ask in a personal chat and carries no links', async () => {
    const [reply] = await sayInChannel(PRIYA, 'export questionnaire');
    expect(visibleText(reply!)).toContain('type export questionnaire to me in our personal chat');
    expect(JSON.stringify(adaptiveCardOf(reply!))).not.toContain('/api/exports/');
  });

  it('when Priya asks for the export in her personal chat, then each link downloads a file holding every answer, and a changed link is refused', async () => {
    const [reply] = await sayInChat(PRIYA, 'export questionnaire');
    const card = adaptiveCardOf(reply!);
    const markdownUrl = String(actionData(card, 'Download Markdown').url);
    const csvUrl = String(actionData(card, 'Download CSV').url);
    expect(markdownUrl.startsWith(`${bot.url}/api/exports/`)).toBe(true);

    const markdown = await fetch(markdownUrl);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.headers.get('content-disposition')).toMatch(/^attachment; filename="discovery-questionnaire-RH8-\d{4}-\d{2}-\d{2}\.md"$/);
    expect(markdown.headers.get('cache-control')).toBe('no-store');
    const text = await markdown.text();
    for (const answer of ['Royal Devon Hospital', 'priya.shah@nhs.net', 'Priya Shah', '52', 'Answered by Tom Evans']) expect(text).toContain(answer);

    const csv = await fetch(csvUrl);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('org-project-manager-email');

    const tampered = markdownUrl.replace(/\.md\./, '.csv.');
    expect((await fetch(tampered)).status).toBe(404);
    expect((await fetch(`${bot.url}/api/exports/`)).status).toBe(404);
  });

  it('when someone on no project types questionnaire in a personal chat, then they are told how to set one up', async () => {
    const [reply] = await sayInChat(NIA, 'questionnaire');
    expect(reply!.text).toContain('add Gateway to your project team and type @Gateway set up project there');
  });

  it('when someone on two projects types questionnaire in a personal chat, then they are asked which, and the button opens that one', async () => {
    ({ project: { projectId: otherProjectId } } = await setUpProject(bot.gateway.projects, { actor: actor(TOM), form: { ...form, organisationName: 'Appledore Surgery', odsCode: 'L83100' } }));
    const [reply] = await sayInChat(TOM, 'questionnaire 2');
    expect(visibleText(reply!)).toContain('Which project?');
    const data = actionData(adaptiveCardOf(reply!), 'Appledore Surgery (L83100)');
    expect(data).toEqual({ verb: 'questionnaire-section', sectionId: '2', projectId: otherProjectId });
    const opened = await press(TOM, data, 'chat');
    expect(JSON.stringify(opened.value)).toContain('2. Users and accounts');
  });

  it('when the bot restarts, then every answer and who gave it are still there', async () => {
    bot = await bot.restart();
    const [overview] = await sayInChannel(PRIYA, 'questionnaire');
    expect(visibleText(overview!)).toContain('Answered by Tom Evans (5)');
  });
});
