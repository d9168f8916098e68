import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaygroundPerson } from '../../bot/local/playground';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { startGateway } from '../../bot/runtime';
import type { RunningGateway } from '../../bot/runtime';
import { CosmosRiskRepository } from '../../bot/storage/risks';
import { pressData } from '../harness/cardInputs';
import { visibleText } from '../harness/cardText';
import { watchLog, type LogLine } from '../harness/logWatch';
import { ADAPTIVE_CARD, adaptiveCardOf, inConversation } from '../harness/playgroundClient';
import type { BotActivity, InvokeReply, PlaygroundClient } from '../harness/playgroundClient';
import { startPlaygroundSession } from '../harness/playgroundSession';
import type { PlaygroundSession } from '../harness/playgroundSession';
import { projectForm } from '../harness/projectForms';

const SAM: PlaygroundPerson = { id: 'user-sam', name: 'Sam Patel', userPrincipalName: 'sam.patel@nhs.net', email: 'sam.patel@nhs.net' };
const PRIYA: PlaygroundPerson = { id: 'user-priya', name: 'Priya Shah', userPrincipalName: 'priya.shah@nhs.net', email: 'priya.shah@nhs.net' };
const ARCHIVE = 'archive tool not approved by IG';
const SCAN = 'scan to email fails on ward 7';

const shown = (a: BotActivity): string => [a.text ?? '', JSON.stringify(adaptiveCardOf(a) ?? {})].join('\n');
const cardOfReply = (reply: InvokeReply): unknown => {
  expect(reply.type).toBe(ADAPTIVE_CARD);
  return reply.value;
};
const textOfCard = (card: unknown): string => visibleText({ attachments: [{ contentType: ADAPTIVE_CARD, content: card }] });

/** The error TextBlock right after an input: where the risk card puts a field's reason. */
function errorUnder(card: unknown, id: string): string | undefined {
  if (Array.isArray(card)) {
    const at = card.findIndex((n) => typeof n === 'object' && n !== null && (n as Record<string, unknown>).id === id);
    if (at >= 0) {
      const next = card[at + 1] as Record<string, unknown> | undefined;
      return next?.type === 'TextBlock' && typeof next.text === 'string' ? next.text : undefined;
    }
    for (const part of card) {
      const found = errorUnder(part, id);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof card !== 'object' || card === null) return undefined;
  for (const value of Object.values(card)) {
    const found = errorUnder(value, id);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The scheduler every two seconds, as an operator could set it; the post itself is still once per project per week. */
const EVERY_TWO_SECONDS = '*/2 * * * * *';
/** Generous, for a loaded 2-core CI machine: these are waits for events, which normally come in well under a second. */
const EVENT_WAIT_MS = 15_000;
const RUNS_WAIT_MS = 45_000;

const isRunFinished = (line: LogLine): boolean => line.msg === 'weekly highlight run finished';
const sentIn = (line: LogLine): number => (typeof line.sent === 'number' ? line.sent : Number.NaN);

describe('the risks log and the weekly highlight in the Agents Playground: risks added, escalated, refused, previewed, posted by itself once, not again after a restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gateway-e2e-highlight-'));
  const config = loadConfig({ PORT: '0', PLAYGROUND: 'off', DATA_DIR: dataDir, LOG_LEVEL: 'info', WEEKLY_HIGHLIGHT_CRON: EVERY_TWO_SECONDS });
  // The bot's log is how the test knows the scheduler has run again and posted nothing, without sleeping.
  const testLogLevel = process.env.TEST_LOG_LEVEL;
  const log = watchLog({ echo: testLogLevel !== undefined && testLogLevel !== 'silent' });
  const logLevel = testLogLevel === 'debug' || testLogLevel === 'trace' ? testLogLevel : 'info';
  let gateway: RunningGateway;
  let sam: PlaygroundSession;
  let priya: PlaygroundSession;
  let client: PlaygroundClient;
  let projectId = '';
  let riskCard: BotActivity;
  let issueCard: BotActivity;

  /** While the log is filled in the scheduler is off, so the report cannot go out before the risks are in it. */
  const startBot = (options: { readonly port?: number; readonly scheduler: boolean }) =>
    startGateway({ ...config, ...(options.port === undefined ? {} : { port: options.port }), jobs: { ...config.jobs, scheduler: options.scheduler } }, { logger: createLogger(logLevel, log.destination) });
  const restartBot = async (scheduler: boolean) => {
    const port = gateway.port;
    await gateway.close();
    gateway = await startBot({ port, scheduler });
  };
  const ask = async (text: string, predicate: (a: BotActivity) => boolean = () => true): Promise<BotActivity> => {
    const marker = client.mark();
    const sent = await client.sendChannel(text);
    return client.nextReply(marker, (a) => inConversation(sent.conversationId)(a) && predicate(a), EVENT_WAIT_MS);
  };
  const hasCard = (a: BotActivity) => adaptiveCardOf(a) !== undefined;
  const press = async (message: BotActivity, card: unknown, title: string, typed: Record<string, string>): Promise<unknown> => {
    const { verb, data } = pressData(card, title, typed);
    return cardOfReply(await client.invoke(message.messageId, verb, data));
  };
  const storedRisks = () => new CosmosRiskRepository(gateway.storage.containers.projects).all(projectId);
  const inTeamChannel = () => client.activities.filter((a) => a.streamConversationId === client.context.teamId);
  const weeklyPosts = () => inTeamChannel().filter((a) => (a.text ?? '').startsWith('Weekly highlight for'));
  const postedCards = (heading: string) => inTeamChannel().filter((a) => JSON.stringify(a.attachments).includes(heading));

  beforeAll(async () => {
    gateway = await startBot({ scheduler: false });
    const endpoint = `${gateway.url}/api/messages`;
    sam = await startPlaygroundSession(endpoint, SAM, [PRIYA]);
    // Priya, the SRO to be, in her own playground: her personal chat is where an escalation reaches her.
    priya = await startPlaygroundSession(endpoint, PRIYA, [SAM]);
    client = sam.client;
    await client.install('team');
    const welcomed = priya.client.mark();
    await priya.client.install('personal');
    await priya.client.nextReply(welcomed, inConversation(priya.client.context.personalChatId), EVENT_WAIT_MS);
  });

  afterAll(async () => {
    await gateway?.close();
    await sam?.close();
    await priya?.close();
  });

  it('when Sam sets up a project and makes Priya its SRO, then the roles card says so', async () => {
    const form = await ask('set up project');
    const marker = client.mark();
    await client.submit(form.messageId, { verb: 'project-setup-confirm', ...projectForm({ organisationName: 'Ysbyty Highlight NHS Trust', odsCode: 'RYH', plannedStart: '2026-11-02' }) });
    await client.nextReply(marker, (a) => shown(a).includes('is set up'), EVENT_WAIT_MS);
    const project = await gateway.projects.projects.findByTeam(client.context.tenantId, client.context.teamId);
    projectId = project?.projectId ?? '';
    expect(projectId).not.toBe('');

    const roles = await ask('roles', hasCard);
    const assigned = await press(roles, adaptiveCardOf(roles), 'Assign', { userId: PRIYA.id, role: 'sro' });
    expect(textOfCard(assigned)).toContain('Priya Shah');
    expect(textOfCard(assigned)).toMatch(/senior responsible owner|SRO/);
  });

  it('when Sam types risk: and issue: with a title, then each opens the risk card holding its title, and nothing is in the log yet', async () => {
    riskCard = await ask(`risk: ${ARCHIVE}`, hasCard);
    expect(pressData(adaptiveCardOf(riskCard), 'Add the risk').data).toMatchObject({ type: 'risk', title: ARCHIVE });
    issueCard = await ask(`issue: ${SCAN}`, hasCard);
    expect(pressData(adaptiveCardOf(issueCard), 'Add the issue').data).toMatchObject({ type: 'issue', title: SCAN });
    expect(await storedRisks()).toHaveLength(0);
  });

  it('when the issue is completed on its card with likelihood 4 and impact 5, then it is escalated by itself: the saved card says so, Priya is told in her personal chat, and the stored entry is escalated by its score', async () => {
    const beforeNotice = priya.client.mark();
    const saved = textOfCard(await press(issueCard, adaptiveCardOf(issueCard), 'Add the issue', { likelihood: '4', impact: '5' }));
    expect(saved).toContain('Added to the log.');
    expect(saved).toContain('Score 20 (Red)');
    expect(saved).toContain('It is escalated to senior management.');
    expect(saved).toContain('I have told Priya Shah (SRO) in a personal chat.');

    const notice = await priya.client.nextReply(beforeNotice, (a) => inConversation(priya.client.context.personalChatId)(a) && (a.text ?? '').includes(SCAN), EVENT_WAIT_MS);
    expect(notice.text).toContain('is now escalated to senior management');
    expect(notice.text).toContain('score 20 (Red)');
    expect(notice.text).toMatch(/It escalated by itself when Sam Patel saved it: its score reached the escalation level/);
    expect(notice.text).not.toMatch(/Escalated by|\.\./);

    const stored = await storedRisks();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: 'issue', title: SCAN, likelihood: 4, impact: 5, escalation: { escalated: true, setBy: 'score' } });
  });

  it('when a likelihood of 7 is given on the risk’s card, then the reason is under its field, what was typed is kept, and nothing is saved; corrected, it is added', async () => {
    const card = adaptiveCardOf(riskCard);
    const refused = await press(riskCard, card, 'Add the risk', { likelihood: '7', impact: '2', mitigation: 'Ask IG for a DPIA review' });
    expect(errorUnder(refused, 'likelihood')).toBe('The likelihood must be a whole number from 1 to 5.');
    expect(textOfCard(refused)).toContain('Nothing was saved');
    expect(pressData(refused, 'Add the risk').data).toMatchObject({ title: ARCHIVE, likelihood: '7', impact: '2', mitigation: 'Ask IG for a DPIA review' });
    expect(await storedRisks()).toHaveLength(1);

    const added = textOfCard(await press(riskCard, refused, 'Add the risk', { likelihood: '2', impact: '3' }));
    expect(added).toContain('Added to the log.');
    expect(added).not.toContain('escalated');
    expect((await storedRisks()).map((e) => e.title).sort()).toEqual([ARCHIVE, SCAN]);
  });

  it('when Sam previews the highlight, then the escalated issue heads the draft (the overall red, the first top risk, the help needed), with its forecast and burn-down, and nothing is posted yet', async () => {
    const draft = await ask('highlight', hasCard);
    const text = visibleText(draft);
    expect(text).toContain('Draft highlight report: Ysbyty Highlight NHS Trust (RYH)');
    expect(text).toContain('Overall: Red');
    expect(text).toContain(`1 risk or issue is escalated to senior management: “${SCAN}”.`);
    const first = text.indexOf(`Red 20: “${SCAN}” (issue, Sam Patel), escalated.`);
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(text.indexOf(`“${ARCHIVE}”`));
    expect(text).toContain(`Senior management: “${SCAN}” (issue, score 20)`);
    expect(shown(draft)).toContain('Chart.Line');
    expect(shown(draft)).toContain('Forecast');
    expect(weeklyPosts()).toHaveLength(0);
  });

  it('when the bot restarts with the scheduler every two seconds and it is left to run, then exactly one report arrives in the team channel, with the open risks card, escalated first', async () => {
    const started = log.mark();
    await restartBot(true);
    const [posting] = await log.waitFor((l) => isRunFinished(l) && sentIn(l) > 0, { after: started, timeoutMs: RUNS_WAIT_MS });
    // Three more runs of the schedule after the one that posted.
    await log.waitFor(isRunFinished, { after: log.lines.indexOf(posting as LogLine) + 1, count: 3, timeoutMs: RUNS_WAIT_MS });
    const runs = log.lines.slice(started).filter(isRunFinished);
    expect(runs.reduce((sum, l) => sum + sentIn(l), 0)).toBe(1);

    // The playground shows the message's text as a new post in the channel and each of its cards as a post after it.
    await client.waitForReply((a) => a.streamConversationId === client.context.teamId && JSON.stringify(a.attachments).includes('Risks and issues: Ysbyty Highlight NHS Trust'), EVENT_WAIT_MS);
    expect(weeklyPosts()).toHaveLength(1);
    const reports = postedCards('Highlight report: Ysbyty Highlight NHS Trust');
    expect(reports).toHaveLength(1);
    expect(visibleText(reports[0] as BotActivity)).toContain(`Red 20: “${SCAN}” (issue, Sam Patel), escalated.`);
    const openRisks = postedCards('Risks and issues: Ysbyty Highlight NHS Trust');
    expect(openRisks).toHaveLength(1);
    const risksText = visibleText(openRisks[0] as BotActivity);
    expect(risksText).toContain('2 open entries, escalated and red first.');
    expect(risksText.indexOf(`“${SCAN}”`)).toBeGreaterThan(-1);
    expect(risksText.indexOf(`“${SCAN}”`)).toBeLessThan(risksText.indexOf(`“${ARCHIVE}”`));
  });

  it('when the bot restarts, then the schedule runs again and posts nothing more that week', async () => {
    const restarted = log.mark();
    await restartBot(true);
    // The catch-up at start and two runs of the schedule.
    const runs = await log.waitFor(isRunFinished, { after: restarted, count: 3, timeoutMs: RUNS_WAIT_MS });
    expect(runs.map(sentIn)).toEqual([0, 0, 0]);
    expect(runs.every((l) => typeof l.alreadyDone === 'number' && l.alreadyDone >= 1)).toBe(true);
    expect(weeklyPosts()).toHaveLength(1);
    expect(postedCards('Highlight report: Ysbyty')).toHaveLength(1);
  });
});
