import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config';
import { csvParseReader } from '../../bot/imports/csvParseReader';
import type { PlaygroundPerson } from '../../bot/local/playground';
import { createLogger } from '../../bot/log';
import { importStaffList } from '../../bot/migration/staff/import/importStaffList';
import { DEFAULT_STAFF_IMPORT_SETTINGS } from '../../bot/migration/staff/import/staffImportSettings';
import { addDays, formatUkDate, todayInLondon } from '../../bot/migration/shared/ukDates';
import { startGateway } from '../../bot/runtime';
import type { RunningGateway } from '../../bot/runtime';
import { CosmosStaffImportStore } from '../../bot/storage/staff/cosmosStaffImportStore';
import { pressData } from '../harness/cardInputs';
import { submitData } from '../harness/cardSearch';
import { adaptiveCardOf, inConversation } from '../harness/playgroundClient';
import type { BotActivity, PlaygroundClient } from '../harness/playgroundClient';
import { startPlaygroundSession } from '../harness/playgroundSession';
import type { PlaygroundSession } from '../harness/playgroundSession';
import { setUpProjectInPlayground } from '../harness/playgroundProject';
import { projectForm } from '../harness/projectForms';

/**
 * Issue 10's quality bar in the Microsoft 365 Agents Playground. Each person has their own playground (their own
 * `.m365agentsplayground.yml` naming them as the current user, the others as the tenant's users), as each has their
 * own Teams: one playground stamps everything it sends with its current user, so it cannot be two people (0.2.28: a
 * channel post naming another user in `from` reaches the bot from the current user; in the personal chat it is
 * refused, 400 UserNotFound). The staff list goes in through the import use case and its store directly (sending it
 * as a Teams file is `rolloutInPlayground.test.ts`'s step); the groups are made on the groups card, as the PM would.
 */

const PRIYA: PlaygroundPerson = { id: 'user-priya', name: 'Priya Shah', userPrincipalName: 'priya.shah@nhs.net', email: 'priya.shah@nhs.net' };
/** In the pilot; Teams knows her by her nhs.net address, which is the list's NHSmail address. */
const AISHA: PlaygroundPerson = { id: 'user-aisha', name: 'Aisha Khan', userPrincipalName: 'aisha.khan@nhs.net', email: 'aisha.khan@nhs.net' };
/** In phase 2; Teams knows him by his local address, the list's current email; his mailbox is over quota. */
const BEN: PlaygroundPerson = { id: 'user-ben', name: 'Ben Morgan', userPrincipalName: 'ben.morgan@ysbyty.nhs.uk', email: 'ben.morgan@ysbyty.nhs.uk' };
/** Not on the list. */
const CARA: PlaygroundPerson = { id: 'user-cara', name: 'Cara Lloyd', userPrincipalName: 'cara.lloyd@ysbyty.nhs.uk', email: 'cara.lloyd@ysbyty.nhs.uk' };
const EVERYONE = [PRIYA, AISHA, BEN, CARA];

/** Generous: the machine running CI may be shared, and a first answer trains nothing but does ask the roster. */
const WAIT_MS = 20_000;

const shown = (a: BotActivity): string => [a.text ?? '', JSON.stringify(adaptiveCardOf(a) ?? {})].join('\n');

describe('when do I migrate, in the Agents Playground: three members of staff, a colleague refused, a question for the team', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gateway-e2e-staff-'));
  const config = loadConfig({ PORT: '0', PLAYGROUND: 'off', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', JOB_SCHEDULER: 'off' });
  const today = todayInLondon(new Date());
  const pilotDate = addDays(today, 21);
  const phase1Date = addDays(today, 49);
  const phase2Date = addDays(today, 77);
  let gateway: RunningGateway;
  const sessions = new Map<string, PlaygroundSession>();
  let projectId = '';

  const as = (person: PlaygroundPerson): PlaygroundClient => {
    const session = sessions.get(person.id);
    if (!session) throw new Error(`no playground for ${person.name}`);
    return session.client;
  };

  /** Sends in the team channel (with the @mention) and waits for the bot's first answer in that thread. */
  const inChannel = async (who: PlaygroundClient, text: string, predicate: (a: BotActivity) => boolean = () => true): Promise<BotActivity> => {
    const marker = who.mark();
    const sent = await who.sendChannel(text);
    return who.nextReply(marker, (a) => inConversation(sent.conversationId)(a) && predicate(a), WAIT_MS);
  };

  /** Sends in the person's own personal chat and waits for the bot's first card or text there. */
  const inPersonal = async (who: PlaygroundClient, text: string): Promise<BotActivity> => {
    const marker = who.mark();
    await who.sendPersonal(text);
    return who.nextReply(marker, inConversation(who.context.personalChatId), WAIT_MS);
  };

  beforeAll(async () => {
    gateway = await startGateway(config, { logger: createLogger(config.logLevel) });
    const endpoint = `${gateway.url}/api/messages`;
    // One playground each, started together; each is kept as soon as it is up, so afterAll stops it even if another fails.
    await Promise.all(
      EVERYONE.map(async (person) => {
        const others = EVERYONE.filter((other) => other.id !== person.id);
        sessions.set(person.id, await startPlaygroundSession(endpoint, person, others, { personalChatId: `personal-chat-${person.id}` }));
      }),
    );

    // Priya, the project manager, installs Gateway in the team and sets up the project in its channel.
    const form = projectForm({ organisationName: 'Ysbyty Staff NHS Trust', odsCode: 'RYS', approximateUsers: '2400', newAccounts: '60', plannedStart: today, cutover: addDays(today, 120) });
    projectId = await setUpProjectInPlayground(gateway, as(PRIYA), form, WAIT_MS);
  }, 120_000);

  afterAll(async () => {
    // The bot first, so turns in flight can still reach the playgrounds.
    await gateway?.close();
    await Promise.all([...sessions.values()].map((session) => session.close()));
  });

  it('when Priya adds a dated pilot and two phases on the groups card and the staff list is imported, then everyone on it is in their group', async () => {
    const priya = as(PRIYA);
    const groups = await inChannel(priya, 'roll-out groups', (a) => adaptiveCardOf(a) !== undefined);
    let card: unknown = adaptiveCardOf(groups);
    for (const [date, added] of [
      [pilotDate, 'Pilot added.'],
      [phase1Date, 'Phase 1 added.'],
      [phase2Date, 'Phase 2 added.'],
    ] as const) {
      // Before a pilot the first "Add" is the pilot's; after it, the phase's.
      const press = pressData(card, 'Add', { cutoverDate: date });
      const reply = await priya.invoke(groups.messageId, press.verb, press.data);
      expect(JSON.stringify(reply.value)).toContain(added);
      card = reply.value;
    }

    const file = [
      'Local ID,First name,Last name,Current email,NHSmail address,Department,Mailbox size (MB),Roll-out group',
      'E100,Aisha,Khan,aisha.khan@ysbyty.nhs.uk,aisha.khan@nhs.net,Pharmacy,900,Pilot',
      'E200,Ben,Morgan,ben.morgan@ysbyty.nhs.uk,,Radiology,5120,Phase 2',
      'E300,Dylan,Hughes,dylan.hughes@ysbyty.nhs.uk,,Estates,1200,Phase 1',
      'E400,Priya,Shah,priya.shah@ysbyty.nhs.uk,priya.shah@nhs.net,IT,300,Pilot',
    ].join('\r\n');
    const imported = await importStaffList(
      { projects: gateway.projects.projects, store: new CosmosStaffImportStore(gateway.storage.containers.projects), groups: gateway.staff.groups, clock: { now: () => new Date() }, settings: DEFAULT_STAFF_IMPORT_SETTINGS },
      { projectId, importId: 'e2e-staff-1', fileName: 'staff.csv', bytes: new TextEncoder().encode(`${file}\r\n`), by: { id: PRIYA.id, name: PRIYA.name } },
      csvParseReader,
    );
    expect(imported.outcome === 'imported' && imported.record.report?.counts).toMatchObject({ rows: 4, added: 4, rejected: 0 });
    expect((await gateway.staff.members.get(projectId, 'E100'))?.groupId).toBe('pilot');
    expect((await gateway.staff.members.get(projectId, 'E200'))?.groupId).toBe('phase-2');
  }, 60_000);

  it('when three people ask when they migrate in their own words, then each gets their own answer in their own chat', async () => {
    const [aisha, ben, cara] = await Promise.all([
      inPersonal(as(AISHA), 'When am I moving over to NHSmail?'),
      inPersonal(as(BEN), 'whats my migration date'),
      inPersonal(as(CARA), 'when do i get moved to nhs mail'),
    ]);

    expect(shown(aisha)).toContain(`You move to NHSmail on ${formatUkDate(pilotDate)}`);
    expect(shown(aisha)).toContain('with the pilot.');
    expect(shown(aisha)).toContain('You already have an NHSmail account (aisha.khan@nhs.net)');
    expect(shown(aisha)).not.toContain('Ben');

    expect(shown(ben)).toContain(`You move to NHSmail on ${formatUkDate(phase2Date)}`);
    expect(shown(ben)).toContain('with Phase 2.');
    expect(shown(ben)).toContain('Your mailbox is 5.0 GB, over the 4 GB');
    expect(shown(ben)).not.toContain('Aisha');

    expect(cara.text).toContain("Sorry, I couldn't find you on your organisation's staff list");
    expect(cara.text).toContain('cara.lloyd@ysbyty.nhs.uk');
    expect(cara.text).toContain('ask your line manager or your migration project team to add you');

    // Nobody's answer went to anyone else's chat.
    for (const person of [AISHA, BEN, CARA]) {
      const client = as(person);
      expect(client.activities.every((a) => a.conversationId === client.context.personalChatId)).toBe(true);
    }
  });

  it('when a member of staff asks when a colleague migrates, then she is refused and learns nothing about him', async () => {
    const reply = await inPersonal(as(AISHA), 'when does Ben Morgan migrate?');
    expect(shown(reply)).toContain('I can only tell you about your own move to NHSmail, not about other people.');
    expect(shown(reply)).not.toContain('Phase 2');
    expect(shown(reply)).not.toContain('Radiology');
    expect(shown(reply)).not.toContain(formatUkDate(phase2Date));
  });

  it('when Ben passes a question Gateway cannot answer to the team, then Priya answers it on the channel card and the answer reaches his personal chat', async () => {
    const ben = as(BEN);
    const priya = as(PRIYA);
    const question = 'Will my email signature come across after the migration?';
    const offer = await inPersonal(ben, question);
    expect(shown(offer)).toContain('I can’t answer that one myself.');

    const benMarker = ben.mark();
    const priyaMarker = priya.mark();
    await ben.submit(offer.messageId, submitData(adaptiveCardOf(offer), 'Pass it to the project team'));
    const passed = await ben.nextReply(benMarker, inConversation(ben.context.personalChatId), WAIT_MS);
    expect(passed.text).toMatch(/^I have passed your question to the Ysbyty Staff NHS Trust migration project team/);

    // The question arrives as a new post in the project's channel, in Priya's Teams.
    const post = await priya.nextReply(priyaMarker, (a) => a.streamConversationId === priya.context.teamId && shown(a).includes(question), WAIT_MS);
    expect(shown(post)).toContain('Ben Morgan');

    const answerMarker = ben.mark();
    const answer = 'Yes: set it up again in Outlook on the web after your move. Your LA can help.';
    const press = pressData(adaptiveCardOf(post), 'Send answer', { answer });
    const reply = await priya.invoke(post.messageId, press.verb, press.data);
    expect(JSON.stringify(reply.value)).toContain('Answered by Priya Shah');
    expect(JSON.stringify(reply.value)).toContain('Sent to Ben Morgan in their personal chat with Gateway.');

    const delivered = await ben.nextReply(answerMarker, inConversation(ben.context.personalChatId), WAIT_MS);
    expect(delivered.text).toContain(`has answered your question “${question}”`);
    expect(delivered.text).toContain(answer);
    // Only Ben heard it: nothing of the answer reached Aisha's or Cara's chat.
    for (const other of [AISHA, CARA]) expect(as(other).activities.some((a) => shown(a).includes(answer))).toBe(false);
  });
});
