import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelMessage, executeActivity, messageActivity, postActivity, TEST_TENANT } from '../harness/activities';
import { actionsOf } from '../harness/cardSearch';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectFormFromToday } from '../harness/projectForms';
import { startTeamUnderTest, type Person } from '../harness/teamUnderTest';
import { CosmosStaffImportStore } from '../../bot/storage/staff/cosmosStaffImportStore';

/** The staff import as a PM uses it in Teams: a file sent in a personal chat, the upload page, the report, removals. */

const TEAM = '19:staffimport@thread.tacv2';
const PM = { id: '29:pat', name: 'Pat Manager' };
const LEE = { id: '29:lee', name: 'Lee Admin' };
const SUE = { id: '29:sue', name: 'Sue Staff' };
type Json = Record<string, unknown>;

const FIRST_FILE = 'Local ID,First name,Last name,Email,Department\r\nE1,Amelia,Jones,amelia@example.nhs.uk,Pharmacy\r\nE2,Tom,Evans,tom@example.nhs.uk,Estates\r\n,No,Identifier,,\r\nE3,Ravi,Patel,ravi@example.nhs.uk,Pharmacy\r\n';
const SECOND_FILE = 'Local ID,First name,Last name,Email,Department\r\nE1,Amelia,Jones,amelia@example.nhs.uk,Pharmacy\r\nE3,Ravi,Patel,ravi@example.nhs.uk,Pharmacy\r\nE4,Zo\u00eb,Ren\u00e9,zoe@example.nhs.uk,Pharmacy\r\n';

const cardText = (card: Json | undefined): string => visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });

describe('the staff import in Teams, over HTTP', () => {
  let bot: GatewayUnderTest;
  let projectId: string;
  let files: Server;
  let filesUrl: string;
  const served: string[] = [];

  const posted = (from: number) => bot.connector.postedSince(from);
  const say = async (who: Person, text: string) => {
    const before = bot.connector.calls.length;
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text, teamId: TEAM, fromId: who.id, fromName: who.name }));
    return posted(before);
  };
  const personal = (who: Person) => `a:personal-${who.id}`;
  const sayInChat = async (who: Person, text: string, extra: Json = {}) => {
    const before = bot.connector.calls.length;
    await postActivity(bot.url, { ...messageActivity({ serviceUrl: bot.connector.serviceUrl, text, fromId: who.id, fromName: who.name, conversationId: personal(who) }), ...extra });
    return posted(before);
  };
  const sendFile = (who: Person, name: string, downloadUrl: string) =>
    sayInChat(who, '', { attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name, contentUrl: downloadUrl, content: { downloadUrl, uniqueId: 'x', fileType: 'csv' } }] });
  const press = async (who: Person, verb: string, data: Json, conversationId?: string) => {
    const result = await postActivity(bot.url, executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: who.id, fromName: who.name, verb, data: { verb, ...data }, ...(conversationId === undefined ? { teamId: TEAM } : { conversationId }) }));
    const body = result.body as { type: string; value: unknown };
    return body.type === 'application/vnd.microsoft.card.adaptive' ? { card: body.value as Json, text: cardText(body.value as Json) } : { card: undefined, text: String(body.value) };
  };
  const text = (calls: ReturnType<typeof posted>) => calls.map((c) => visibleText(c.body ?? {})).join('\n');
  /** The last version of the card at `activityId`: its updates are PUTs to it. */
  const latestCard = (activityId: string): Json | undefined => {
    const updates = bot.connector.calls.filter((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${activityId}`) && c.body !== undefined);
    const last = updates.at(-1)?.body;
    return last === undefined ? undefined : adaptiveCardOf(last);
  };
  const importedCard = async (reply: ReturnType<typeof posted>) => {
    expect(text(reply)).toContain('Importing');
    await bot.gateway.staffImports.idle();
    const replyCall = bot.connector.calls.find((c) => c.body === reply[0]?.body);
    const id = await replyIdOf(replyCall?.path ?? '');
    return latestCard(id);
  };
  /** The fake connector answers posts with ids in order; the bot's reply id is read from the PUTs made after it. */
  const replyIdOf = (path: string): Promise<string> => {
    const index = bot.connector.calls.findIndex((c) => c.path === path && c.method === 'POST');
    const put = bot.connector.calls.slice(index + 1).find((c) => c.method === 'PUT');
    return Promise.resolve(put?.path.split('/').pop() ?? '');
  };

  beforeAll(async () => {
    files = createServer((req, res) => {
      served.push(req.url ?? '');
      if (req.url === '/first.csv') return void res.end(FIRST_FILE);
      if (req.url === '/second.csv') return void res.end(Buffer.from(SECOND_FILE.replace('Zo\u00eb', 'Zo\u00eb'), 'latin1'));
      if (req.url === '/endless.csv') {
        // No Content-Length, never ends by itself: the limit must hold while streaming.
        res.writeHead(200, { 'Content-Type': 'text/csv' });
        const line = Buffer.from('E9,Some,One,some@example.nhs.uk,Pharmacy\r\n'.repeat(2_000));
        const pump = (): void => {
          while (!res.destroyed && res.write(line));
          if (!res.destroyed) res.once('drain', pump);
        };
        res.write('Local ID,First name,Last name,Email,Department\r\n');
        pump();
        return;
      }
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;

    ({ bot, projectId } = await startTeamUnderTest({ roster: [PM, LEE, SUE], teamId: TEAM, pm: PM, form: projectFormFromToday({ organisationName: 'Example Community NHS Trust', odsCode: 'RX1', approximateUsers: '300', newAccounts: '20' }) }));
    await press(PM, 'role-assign', { projectId, userId: LEE.id, role: 'local-admin' });
    await press(PM, 'role-assign', { projectId, userId: SUE.id, role: 'staff' });
  }, 60_000);
  afterAll(async () => {
    await bot.close();
    await new Promise<void>((resolve) => files.close(() => resolve()));
  });

  it('when a member of staff sends a staff file, then it is refused and nothing is downloaded', async () => {
    const reply = await sendFile(SUE, 'first.csv', `${filesUrl}/first.csv`);
    expect(text(reply)).toContain('Only the project manager or a local administrator can import');
    expect(served).toEqual([]);
  });

  it('when the file is on a host that is not Teams, then it is refused with the reason and nothing is fetched', async () => {
    const reply = await sendFile(PM, 'first.csv', 'https://contoso.sharepoint.com.attacker.example/first.csv');
    expect(text(reply)).toContain('I can only download files from Teams itself');
    const plain = await sendFile(PM, 'first.csv', 'http://contoso.sharepoint.com/first.csv');
    expect(text(plain)).toContain('I can only download files from Teams itself');
    expect(served).toEqual([]);
    expect(await bot.gateway.staff.members.get(projectId, 'E1')).toBeUndefined();
  });

  it('when the PM sends a staff file in a personal chat, then the turn answers "Importing…" and the card becomes the report: counts, the rejected line and a CSV link', async () => {
    const reply = await sendFile(PM, 'first.csv', `${filesUrl}/first.csv`);
    const card = await importedCard(reply);
    const shown = cardText(card);
    expect(shown).toContain('Staff list imported from first.csv');
    expect(shown).toMatch(/Added[\s\S]*3/);
    expect(shown).toMatch(/Line 4: .*Local ID/i);
    expect((await bot.gateway.staff.members.get(projectId, 'E2'))?.lastName).toBe('Evans');
    const link = actionsOf(card, 'Action.OpenUrl')[0];
    expect(link).toBeDefined();
    const csv = await fetch(String(link?.url));
    expect(csv.status).toBe(200);
    const body = (await csv.text()).replace(/^\uFEFF/, '');
    expect(body.split('\r\n')[0]).toBe('Section,Line,Local ID,Detail');
    expect(body).toContain('Rejected,4,');
    const tampered = String(link?.url).replace(/by=[^&]+/, `by=${Buffer.from(LEE.id).toString('base64url')}`);
    expect((await fetch(tampered)).status).toBe(404);
  });

  it('when a later file leaves someone out, then the report lists them with a button, and the PM’s press removes them', async () => {
    const reply = await sendFile(PM, 'second.csv', `${filesUrl}/second.csv`);
    const card = await importedCard(reply);
    const shown = cardText(card);
    expect(shown).toContain('Windows-1252');
    expect(shown).toMatch(/1 person is on the staff list but not in this file/);
    expect(shown).toContain('E2');
    expect((await bot.gateway.staff.members.get(projectId, 'E4'))?.firstName).toBe('Zoë');
    const remove = actionsOf(card, 'Action.Execute').find((a) => String(a.title).startsWith('Remove these 1'));
    expect(remove).toBeDefined();
    const refused = await press(SUE, 'staff-import-remove-missing', (remove?.data ?? {}) as Json, personal(SUE));
    expect(refused.text).toMatch(/Only the project manager or a local administrator|couldn't find/);
    const pressed = await press(PM, 'staff-import-remove-missing', (remove?.data ?? {}) as Json, personal(PM));
    expect(pressed.text).toContain('1 person removed');
    expect(await bot.gateway.staff.members.get(projectId, 'E2')).toBeUndefined();
    const again = await press(PM, 'staff-import-remove-missing', (remove?.data ?? {}) as Json, personal(PM));
    expect(again.text).toContain('removed already');
  });

  it('when a file does not stop at the size limit, then the download is cut off there and nothing is imported', async () => {
    const reply = await sendFile(PM, 'endless.csv', `${filesUrl}/endless.csv`);
    const card = await importedCard(reply);
    expect(cardText(card)).toContain('over the 20 MB limit');
    expect(await bot.gateway.staff.members.get(projectId, 'E9')).toBeUndefined();
  }, 30_000);

  it('when the PM types import staff, then a signed upload page takes the file; a tampered or unsigned link answers 404', async () => {
    const reply = await sayInChat(PM, 'import staff');
    const card = reply.map((c) => adaptiveCardOf(c.body ?? {})).find((c) => c !== undefined);
    const link = String(actionsOf(card, 'Action.OpenUrl')[0]?.url);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('type="file"');
    expect(html).not.toContain('<script');
    expect((await fetch(link.replace(/\.up\.(\d+)\./, (_m, e: string) => `.up.${Number(e) + 60}.`))).status).toBe(404);
    expect((await fetch(link.replace(/by=[^&]+/, `by=${Buffer.from(SUE.id).toString('base64url')}`))).status).toBe(404);

    const before = bot.connector.calls.length;
    const form = new FormData();
    form.append('file', new Blob(['Local ID,First name,Last name\r\nU1,Una,Upload\r\n'], { type: 'text/csv' }), 'uploaded.csv');
    const sent = await fetch(link, { method: 'POST', body: form });
    expect(sent.status).toBe(202);
    expect(await sent.text()).toContain('personal chat');
    await bot.gateway.staffImports.idle();
    expect((await bot.gateway.staff.members.get(projectId, 'U1'))?.lastName).toBe('Upload');
    const toPm = bot.connector.calls.slice(before).filter((c) => c.conversationId === personal(PM));
    expect(toPm.some((c) => c.method === 'POST')).toBe(true);
    const final = toPm.filter((c) => c.method === 'PUT').at(-1);
    expect(cardText(adaptiveCardOf(final?.body ?? {}))).toContain('Staff list imported from uploaded.csv');
  });

  it('when import staff is typed in the channel, then the link goes to the personal chat, not the channel', async () => {
    const before = bot.connector.calls.length;
    const reply = await say(PM, 'import staff');
    expect(text(reply)).toMatch(/sent you an upload link in our personal chat|only send it in a personal chat/);
    const inChannel = bot.connector.calls.slice(before).filter((c) => c.conversationId?.startsWith(TEAM) === true);
    expect(inChannel.some((c) => actionsOf(adaptiveCardOf(c.body ?? {}), 'Action.OpenUrl').length > 0)).toBe(false);
  });

  it('when the LA removes a person on request, then their record is gone; staff are refused', async () => {
    expect(text(await say(SUE, 'remove staff E3'))).toContain('Only the project manager or a local administrator');
    expect(await bot.gateway.staff.members.get(projectId, 'E3')).toBeDefined();
    expect(text(await say(LEE, 'remove staff E3'))).toContain('E3 (Ravi Patel) was removed');
    expect(await bot.gateway.staff.members.get(projectId, 'E3')).toBeUndefined();
    expect(text(await say(LEE, 'remove staff E3'))).toContain("couldn't find");
  });

  it('when a restart stops an import before its commit, then it is rolled back at start and the PM is told to send the file again', async () => {
    const store = new CosmosStaffImportStore(bot.gateway.storage.containers.projects);
    const startedAt = new Date().toISOString();
    expect(await store.begin({ projectId, importId: 'stopped-1', fileName: 'stopped.csv', by: { id: PM.id, name: PM.name }, startedAt, state: 'staging', applied: 0, toApply: 0 })).toBe('begun');
    const member = { projectId, localId: 'S1', firstName: 'Stan', lastName: 'Staged', accountType: 'person' as const, delegateLocalIds: [], status: 'not-started' as const, updatedAt: startedAt, version: 1 };
    await store.stage(projectId, 'stopped-1', [{ kind: 'added', member, history: [] }]);
    const before = bot.connector.calls.length;
    bot = await bot.restart();
    await bot.gateway.staffImports.idle();
    const reopened = new CosmosStaffImportStore(bot.gateway.storage.containers.projects);
    expect((await reopened.get(projectId, 'stopped-1'))?.state).toBe('rolled-back');
    expect(await bot.gateway.staff.members.get(projectId, 'S1')).toBeUndefined();
    const told = bot.connector.calls.slice(before).filter((c) => c.conversationId === personal(PM) && c.method === 'POST');
    expect(told.map((c) => visibleText(c.body ?? {})).join('\n')).toContain('The import of stopped.csv was stopped by a restart and nothing from it was saved; please send it again.');
  }, 60_000);

  it('when the PM deletes the project, then after the confirmation card nothing of the project remains', async () => {
    const card = (await say(PM, 'delete project')).map((c) => adaptiveCardOf(c.body ?? {})).find((c) => c !== undefined);
    expect(cardText(card)).toContain('Delete Example Community NHS Trust (RX1)?');
    const button = actionsOf(card, 'Action.Execute')[0];
    expect(text(await say(LEE, 'delete project'))).toContain('Only the project manager can delete the project');
    const refused = await press(LEE, 'project-delete', (button?.data ?? {}) as Json);
    expect(refused.text).toContain('Only the project manager can delete the project');
    const pressed = await press(PM, 'project-delete', (button?.data ?? {}) as Json);
    expect(pressed.text).toContain('Example Community NHS Trust (RX1) was deleted');
    const container = bot.gateway.storage.containers.projects;
    const { resources: left } = await container.items.query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE c.projectId = @p', parameters: [{ name: '@p', value: projectId }] }).fetchAll();
    expect(left).toEqual([]);
    const { resources: pointing } = await container.items.query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE c.targetProjectId = @p', parameters: [{ name: '@p', value: projectId }] }).fetchAll();
    expect(pointing).toEqual([]);
    expect(await bot.gateway.projects.projects.findByTeam(TEST_TENANT, TEAM)).toBeUndefined();
  });
});
