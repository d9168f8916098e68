import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLOUT_INPUTS } from '../../cards/rolloutCardData';
import { loadConfig } from '../../bot/config';
import type { PlaygroundPerson } from '../../bot/local/playground';
import { createLogger } from '../../bot/log';
import { formatMonth, monthOf } from '../../bot/migration/staff/rollout/registrations';
import { addDays, formatUkDate, todayInLondon } from '../../bot/migration/shared/ukDates';
import { startGateway } from '../../bot/runtime';
import type { RunningGateway } from '../../bot/runtime';
import { pressData } from '../harness/cardInputs';
import { actionsOf } from '../harness/cardSearch';
import { visibleText } from '../harness/cardText';
import { ADAPTIVE_CARD, adaptiveCardOf, inConversation } from '../harness/playgroundClient';
import type { BotActivity, PlaygroundClient } from '../harness/playgroundClient';
import { startPlaygroundSession } from '../harness/playgroundSession';
import type { PlaygroundSession } from '../harness/playgroundSession';
import { setUpProjectInPlayground } from '../harness/playgroundProject';
import { projectForm } from '../harness/projectForms';

/**
 * Issue 9's quality bar in the Microsoft 365 Agents Playground: the project manager sends the staff list as a file in
 * her personal chat (served from loopback, as Teams' SharePoint would serve it), reads the report, makes a dated pilot
 * and phase and fills them by department, fixes the shared mailbox the split leaves across groups, reads
 * registrations against plan, and downloads the NHSmail Portal file from the signed link she is given.
 *
 * One playground, Priya's: nothing here needs a second person. The playground's message API keeps only card
 * attachments, so the file goes as the playground's own custom activity (`sendPersonalFile`).
 */

const PRIYA: PlaygroundPerson = { id: 'user-priya', name: 'Priya Shah', userPrincipalName: 'priya.shah@nhs.net', email: 'priya.shah@nhs.net' };

/** Generous: the machine running CI may be shared, and the import runs outside the turn. */
const WAIT_MS = 20_000;

/**
 * Eight rows under the header (lines 2 to 9). The Pharmacy Office mailbox has no department, its owner (E101) is in
 * Pharmacy and its delegate (E104) in Estates, so the departments put them in three places; Priya (E103) already holds
 * an NHSmail account; Ben's mailbox is over the 4 GB quota; line 8 has no local ID; Huw's last name starts like a
 * formula.
 */
const STAFF_FILE = [
  'Local ID,First name,Last name,Current email,NHSmail address,Department,Job role,Mailbox size,Account type,Owner,Delegates',
  'E101,Aisha,Khan,aisha.khan@ysbyty.nhs.uk,,Pharmacy,Pharmacist,900 MB,person,,',
  'E102,Ben,Morgan,ben.morgan@ysbyty.nhs.uk,,Pharmacy,Pharmacy technician,5.2 GB,person,,',
  'E103,Priya,Shah,priya.shah@ysbyty.nhs.uk,priya.shah@nhs.net,Pharmacy,Project manager,300 MB,person,,',
  'E104,Dylan,Hughes,dylan.hughes@ysbyty.nhs.uk,,Estates,Estates officer,1200 MB,person,,',
  'E105,Elin,Price,elin.price@ysbyty.nhs.uk,,Estates,Surveyor,800 MB,person,,',
  'M001,Pharmacy,Office,pharmacy.office@ysbyty.nhs.uk,,,,2 GB,shared,E101,E104',
  ',Gwen,Evans,gwen.evans@ysbyty.nhs.uk,,Estates,Porter,100 MB,person,,',
  'E106,Huw,"=HYPERLINK(""http://example.invalid"")",huw.jones@ysbyty.nhs.uk,,Estates,Porter,150 MB,person,,',
].join('\r\n');

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a card shows, as Teams shows it: its text blocks and facts. */
const cardShows = (card: unknown): string => visibleText({ attachments: [{ contentType: ADAPTIVE_CARD, content: card }] });
const shown = (a: BotActivity): string => [a.text ?? '', cardShows(adaptiveCardOf(a) ?? {})].join('\n');

describe('the roll-out in the Agents Playground: the staff list as a file, groups, co-existence, registrations, the Portal file', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gateway-e2e-rollout-'));
  const config = loadConfig({ PORT: '0', PLAYGROUND: 'off', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', JOB_SCHEDULER: 'off' });
  const today = todayInLondon(new Date());
  // More than a month apart and after this month, so this month, the pilot's and the phase's are three months.
  const pilotDate = addDays(today, 35);
  const phaseDate = addDays(today, 98);
  let gateway: RunningGateway;
  let session: PlaygroundSession | undefined;
  let files: Server;
  let filesUrl = '';
  const served: string[] = [];
  let projectId = '';

  const priya = (): PlaygroundClient => {
    if (!session) throw new Error('no playground for Priya');
    return session.client;
  };

  /** Sends in the team channel (with the @mention) and waits for the bot's first card in that thread. */
  const cardInChannel = async (text: string): Promise<BotActivity> => {
    const client = priya();
    const marker = client.mark();
    const sent = await client.sendChannel(text);
    return client.nextReply(marker, (a) => inConversation(sent.conversationId)(a) && adaptiveCardOf(a) !== undefined, WAIT_MS);
  };

  /** Presses the card's button titled `title` (with the inputs as shown, changed by `typed`) and returns the card it answers. */
  const press = async (message: BotActivity, card: unknown, title: string, typed: Record<string, string> = {}): Promise<Json> => {
    const { verb, data } = pressData(card, title, typed);
    const reply = await priya().invoke(message.messageId, verb, data);
    if (!isRecord(reply.value)) throw new Error(`"${title}" answered ${JSON.stringify(reply.body).slice(0, 300)}`);
    return reply.value;
  };

  /** Presses the `title` button whose data names this group (a card has a "People" button for each group). */
  const pressForGroup = async (message: BotActivity, card: unknown, title: string, groupId: string): Promise<Json> => {
    const action = actionsOf(card, 'Action.Execute', title).find((a) => isRecord(a.data) && a.data.groupId === groupId);
    if (!action || typeof action.verb !== 'string' || !isRecord(action.data)) throw new Error(`The card has no "${title}" button for ${groupId}.`);
    const reply = await priya().invoke(message.messageId, action.verb, action.data);
    if (!isRecord(reply.value)) throw new Error(`"${title}" answered ${JSON.stringify(reply.body).slice(0, 300)}`);
    return reply.value;
  };

  beforeAll(async () => {
    files = createServer((req, res) => {
      served.push(req.url ?? '');
      if (req.url === '/sites/ysbyty/staff-list.csv') {
        res.writeHead(200, { 'Content-Type': 'text/csv' });
        return void res.end(`${STAFF_FILE}\r\n`);
      }
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;

    gateway = await startGateway(config, { logger: createLogger(config.logLevel) });
    session = await startPlaygroundSession(`${gateway.url}/api/messages`, PRIYA, [], { personalChatId: `personal-chat-${PRIYA.id}` });

    // Priya, the project manager, installs Gateway in the team and sets up the project in its channel.
    const form = projectForm({ organisationName: 'Ysbyty Roll-out NHS Trust', odsCode: 'RYR', approximateUsers: '2400', newAccounts: '60', plannedStart: today, cutover: addDays(today, 150) });
    projectId = await setUpProjectInPlayground(gateway, priya(), form, WAIT_MS);
  }, 120_000);

  afterAll(async () => {
    // The bot first, so turns in flight can still reach the playground.
    await gateway?.close();
    await session?.close();
    await new Promise<void>((resolve) => (files ? files.close(() => resolve()) : resolve()));
  });

  it('when Priya sends the staff list as a file in her personal chat, then the card says it is importing and becomes the report: rows added, the rejected line and its reason, the warnings', async () => {
    const client = priya();
    const chat = inConversation(client.context.personalChatId);
    const marker = client.mark();
    await client.sendPersonalFile({ name: 'staff-list.csv', downloadUrl: `${filesUrl}/sites/ysbyty/staff-list.csv`, fileType: 'csv' });

    const progress = await client.nextReply(marker, (a) => chat(a) && shown(a).includes('Importing staff-list.csv'), WAIT_MS);
    const report = await client.nextReply(marker, (a) => chat(a) && shown(a).includes('Staff list imported from staff-list.csv'), WAIT_MS);
    // The report replaces the progress card in place, as Teams shows it: an update of the same message.
    expect(report.kind).toBe('update');
    expect(report.messageId).toBe(progress.messageId);
    expect(served).toEqual(['/sites/ysbyty/staff-list.csv']);

    const text = shown(report);
    expect(text).toContain('Rows read: 8');
    expect(text).toContain('Added: 7');
    expect(text).toContain('Rejected: 1');
    expect(text).toContain('Line 8: the local ID is empty');
    expect(text).toContain('Line 4 (E103): Already on NHSmail (no new account needed). holds priya.shah@nhs.net');
    expect(text).toContain('Line 3 (E102): Mailbox over the quota. mailbox 5.2 GB, over the 4.0 GB quota');
    expect(actionsOf(adaptiveCardOf(report), 'Action.OpenUrl', 'Download the report (CSV)')).toHaveLength(1);

    expect(await gateway.staff.members.get(projectId, 'E103')).toMatchObject({ status: 'not-needed', nhsmailAddress: 'priya.shah@nhs.net' });
    expect(await gateway.staff.members.get(projectId, 'M001')).toMatchObject({ accountType: 'shared', ownerLocalId: 'E101', delegateLocalIds: ['E104'] });
  }, 60_000);

  it('when Priya adds a dated pilot and phase on the groups card and puts Pharmacy in the pilot and Estates in phase 1, then the cards show them with their dates and sizes', async () => {
    const groups = await cardInChannel('roll-out groups');
    let card: Json = await press(groups, adaptiveCardOf(groups), 'Add', { [ROLLOUT_INPUTS.cutoverDate]: pilotDate });
    expect(cardShows(card)).toContain('Pilot added.');
    // With a pilot made, the only "Add" left is the phase's.
    card = await press(groups, card, 'Add', { [ROLLOUT_INPUTS.cutoverDate]: phaseDate });
    expect(cardShows(card)).toContain('Phase 1 added.');

    const pilot = await pressForGroup(groups, card, 'People', 'pilot');
    const filledPilot = await press(groups, pilot, 'Add the department', { [ROLLOUT_INPUTS.department]: 'pharmacy' });
    expect(cardShows(filledPilot)).toContain('3 people moved into this group.');
    expect(cardShows(filledPilot)).toContain(`Cutover ${formatUkDate(pilotDate)} · 3 people`);

    const phase = await pressForGroup(groups, card, 'People', 'phase-1');
    const filledPhase = await press(groups, phase, 'Add the department', { [ROLLOUT_INPUTS.department]: 'Estates' });
    expect(cardShows(filledPhase)).toContain('3 people moved into this group.');

    const overview = cardShows(await press(groups, filledPhase, 'All groups'));
    expect(overview).toContain(`cutover ${formatUkDate(pilotDate)} · 3 people`);
    expect(overview).toContain(`cutover ${formatUkDate(phaseDate)} · 3 people`);
    expect(overview).toContain('1 person or mailbox is in no group yet.');
    expect((await gateway.staff.members.get(projectId, 'E101'))?.groupId).toBe('pilot');
    expect((await gateway.staff.members.get(projectId, 'E104'))?.groupId).toBe('phase-1');
  }, 60_000);

  it('when Priya checks co-existence, then the Pharmacy Office mailbox is flagged as split; one press moves it and its delegate to the pilot and the check is clear', async () => {
    const check = await cardInChannel('coexistence');
    const before = shown(check);
    expect(before).toContain('1 of 1 shared mailboxes would be split across groups.');
    expect(before).toContain('Pharmacy Office');
    expect(before).toContain('Aisha Khan (owner): Pilot');
    expect(before).toContain('Dylan Hughes (delegate): Phase 1');
    expect(before).toContain('Pharmacy Office (the mailbox): no group');

    const fixed = cardShows(await press(check, adaptiveCardOf(check), 'Move 2 to Pilot'));
    expect(fixed).toContain('Moved 2 into Pilot: the mailbox and everyone using it now move together.');
    expect(fixed).toContain('All 1 shared mailbox moves with their owners and delegates.');
    expect(fixed).not.toContain('would be split');

    for (const localId of ['M001', 'E101', 'E104']) expect((await gateway.staff.members.get(projectId, localId))?.groupId).toBe('pilot');
    const again = await cardInChannel('coexistence');
    expect(shown(again)).toContain('All 1 shared mailbox moves with their owners and delegates.');
  }, 60_000);

  it('when Aisha’s account is activated and Priya types registrations, then each month shows its planned against registered, in a chart with a table fallback', async () => {
    const groups = await cardInChannel('groups');
    const pilot = await pressForGroup(groups, adaptiveCardOf(groups), 'People', 'pilot');
    const changed = await press(groups, pilot, 'Save', { [ROLLOUT_INPUTS.localId]: 'E101', [ROLLOUT_INPUTS.personStatus]: 'activated' });
    expect(cardShows(changed)).toContain('E101 is now Activated.');

    const registrations = await cardInChannel('registrations');
    const card = adaptiveCardOf(registrations);
    const text = shown(registrations);
    // Planned: each group's new accounts in its cutover month. The pilot holds five since the fix, less Priya, on
    // NHSmail already; phase 1 the two left in Estates.
    expect(text).toContain(`${formatMonth(monthOf(today))}: 0 planned · 1 registered`);
    expect(text).toContain(`${formatMonth(monthOf(pilotDate))}: 4 planned · 0 registered`);
    expect(text).toContain(`${formatMonth(monthOf(phaseDate))}: 2 planned · 0 registered`);
    const chart = actionsOf(card, 'Chart.VerticalBar.Grouped')[0];
    expect(chart).toBeDefined();
    expect(cardShows(chart?.fallback)).toContain(`${formatMonth(monthOf(pilotDate))}: 4 planned · 0 registered`);
  }, 60_000);

  it('when Priya types export accounts in her personal chat, then she gets a signed link to a formula-safe Portal file of the people needing new accounts', async () => {
    const client = priya();
    const marker = client.mark();
    await client.sendPersonal('export accounts');
    const reply = await client.nextReply(marker, (a) => inConversation(client.context.personalChatId)(a) && adaptiveCardOf(a) !== undefined, WAIT_MS);
    expect(shown(reply)).toContain('5 new accounts in 1 file. People who already hold an NHSmail account are left out.');
    const links = actionsOf(adaptiveCardOf(reply), 'Action.OpenUrl');
    expect(links.map((l) => l.title)).toEqual(['File 1 (5)']);

    const response = await fetch(String(links[0]?.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/nhsmail-accounts-ryr-.*part-01-of-01\.csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte order mark, so Excel reads the UTF-8 (`text()` would drop it unseen).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = body.trim().split('\r\n');
    // The documented default: the Portal's mandatory fields, in this order.
    expect(lines[0]).toBe('ID,Organisation Code,First Name,Last Name,Local Unique Identifier');
    const localIds = lines.slice(1).map((line) => line.split(',').at(-1));
    // Not Priya (on NHSmail already), not Aisha (activated), not the rejected row; the shared mailbox is included.
    expect(localIds.sort()).toEqual(['E102', 'E104', 'E105', 'E106', 'M001']);
    expect(body).toContain(',RYR,Ben,Morgan,E102');
    expect(body).toContain(',RYR,Pharmacy,Office,M001');
    // Huw's last name would run as a formula in Excel: it is quoted and starts with an apostrophe.
    expect(body).toContain(`,RYR,Huw,"'=HYPERLINK(""http://example.invalid"")",E106`);
    expect(body).not.toMatch(/(^|,)=HYPERLINK/m);
  }, 60_000);
});
