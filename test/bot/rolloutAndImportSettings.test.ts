import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderDay } from '../../bot/migration/staff/rollout/monthlyReminder';
import type { StaffMember } from '../../bot/migration/staff/staffMember';
import { messageActivity, postActivity } from '../harness/activities';
import { actionsOf } from '../harness/cardSearch';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectFormFromToday } from '../harness/projectForms';
import { startTeamUnderTest } from '../harness/teamUnderTest';

/**
 * The roll-out and staff import settings an engineer sets as App Service settings reach what the bot does: the Portal
 * files' columns and size, the month-end reminder's day, and the staff file size limit (on Teams files and the upload
 * page). Over real HTTP with the fake connector, on the embedded Cosmos store.
 */

const TEAM = '19:rollout-settings@thread.tacv2';
const PM = { id: '29:priya', name: 'Priya Shah' };
type Json = Record<string, unknown>;


const openUrls = (card: unknown): string[] => actionsOf(card, 'Action.OpenUrl').map((action) => String(action.url));

describe('roll-out settings from the environment, over HTTP', () => {
  let bot: GatewayUnderTest;
  let projectId: string;
  let files: Server;
  let filesUrl: string;

  const inChat = async (text: string, extra: Json = {}) => {
    const before = bot.connector.calls.length;
    await postActivity(bot.url, { ...messageActivity({ serviceUrl: bot.connector.serviceUrl, text, fromId: PM.id, fromName: PM.name, conversationId: `a:personal-${PM.id}` }), ...extra });
    return before;
  };
  const cardsSince = (before: number): unknown[] =>
    bot.connector.calls
      .slice(before)
      .map((c) => (c.body === undefined ? undefined : adaptiveCardOf(c.body)))
      .filter((card) => card !== undefined);

  beforeAll(async () => {
    // 1.5 MB of well-formed rows: under the default 20 MB limit, over the 1 MB one set below.
    const big = `Local ID,First name,Last name\r\n${'Z9,Zed,Big\r\n'.repeat(150_000)}`;
    files = createServer((req, res) => {
      if (req.url === '/big.csv') return void res.end(big);
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    ({ bot, projectId } = await startTeamUnderTest({
      gateway: {
        env: {
          PORTAL_FILE_ROWS: '2',
          PORTAL_COLUMNS: 'Local Unique Identifier=local-id, Surname=last-name, Forename=first-name, Organisation Code=organisation-code',
          REGISTRATIONS_REMINDER_WORKING_DAYS: '10',
          STAFF_IMPORT_MAX_FILE_MB: '1',
        },
      },
      roster: [PM],
      teamId: TEAM,
      pm: PM,
      form: projectFormFromToday({ odsCode: 'RH8' }),
    }));
    for (const [localId, firstName, lastName] of [
      ['A001', 'Ann', 'Adams'],
      ['B002', 'Ben', 'Brown'],
      ['C003', 'Cara', 'Cole'],
      ['D004', 'Dev', 'Dutta'],
      ['E005', 'Effie', 'Evans'],
    ] as const) {
      const member: StaffMember = { projectId, localId, firstName, lastName, accountType: 'person', delegateLocalIds: [], status: 'not-started', updatedAt: new Date().toISOString(), version: 1 };
      expect(await bot.gateway.staff.members.create(member, [])).toBe('created');
    }
  }, 60_000);
  afterAll(async () => {
    await bot.close();
    await new Promise<void>((resolve) => files.close(() => resolve()));
  });

  it('when PORTAL_FILE_ROWS=2 and PORTAL_COLUMNS are set, then export accounts gives files of 2 rows with the configured headings in their order', async () => {
    const links = openUrls(cardsSince(await inChat('export accounts'))[0]);
    expect(links).toHaveLength(3);
    const files: string[][] = [];
    for (const [i, link] of links.entries()) {
      const response = await fetch(link);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(`part-0${i + 1}-of-03.csv`);
      files.push((await response.text()).replace(/^\uFEFF/, '').trim().split(/\r\n/));
    }
    for (const file of files) expect(file[0]).toBe('Local Unique Identifier,Surname,Forename,Organisation Code');
    expect(files.map((file) => file.slice(1))).toEqual([
      ['A001,Adams,Ann,RH8', 'B002,Brown,Ben,RH8'],
      ['C003,Cole,Cara,RH8', 'D004,Dutta,Dev,RH8'],
      ['E005,Evans,Effie,RH8'],
    ]);
  });

  it('when REGISTRATIONS_REMINDER_WORKING_DAYS=10, then the month-end reminder is due ten working days before the month’s last working day, not the default three', async () => {
    const at = new Date(`${reminderDay('2027-03', 10)}T10:00:00.000Z`);
    expect(reminderDay('2027-03', 10) < reminderDay('2027-03', 3)).toBe(true);
    expect(await bot.gateway.runRegistrationsReminders(at)).toMatchObject({ month: '2027-03' });
  });

  it('when STAFF_IMPORT_MAX_FILE_MB=1, then a 1.5 MB Teams file is refused at 1 MB and nothing is imported, and the upload page names 1 MB', async () => {
    const downloadUrl = `${filesUrl}/big.csv`;
    const before = await inChat('', { attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'big.csv', contentUrl: downloadUrl, content: { downloadUrl, uniqueId: 'x', fileType: 'csv' } }] });
    await bot.gateway.staffImports.idle();
    const said = cardsSince(before).map((card) => visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }));
    expect(said.join('\n')).toContain('over the 1 MB limit');
    expect(await bot.gateway.staff.members.get(projectId, 'Z9')).toBeUndefined();

    const upload = openUrls(cardsSince(await inChat('import staff'))[0])[0];
    const page = await fetch(String(upload));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('at most 1 MB');
  }, 30_000);
});
