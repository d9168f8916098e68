import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { londonMinuteOfWeek, reportedWeek } from '../../bot/migration/reports/highlightSchedule';
import { shiftWeek, weekContaining } from '../../bot/migration/reports/londonWeeks';
import { CosmosClaimStore } from '../../bot/storage/jobs/cosmosClaimStore';
import { channelMessage, executeActivity, postActivity } from '../harness/activities';
import { inputOf } from '../harness/cardSearch';
import { visibleText } from '../harness/cardText';
import { startGatewayUnderTest, type GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { addToRoster, newTeamWithProject } from '../harness/teamUnderTest';

/** `highlight settings` over real HTTP, and the weekly run honouring a project's own slot. */

const PM = { id: '29:priya', name: 'Priya Shah' };
const COLLEAGUE = { id: '29:kim', name: 'Kim Lee' };


type Json = Record<string, unknown>;

/** An input's value as the card shows it ('' when it has none); undefined when the card has no such input. */
const inputValue = (card: unknown, id: string): unknown => {
  const input = inputOf(card, id);
  return input === undefined ? undefined : (input.value ?? '');
};

describe('highlight settings: the project manager sets the weekly report’s day and time', () => {
  let bot: GatewayUnderTest;
  let nextTeam = 0;

  beforeAll(async () => {
    bot = await startGatewayUnderTest({ runtime: { proactive: { tuning: { leaseMs: 1_500, maxHeldWaitMs: 10_000 } } } });
    addToRoster(bot, [PM, COLLEAGUE]);
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  const projectInNewTeam = async (): Promise<{ teamId: string; projectId: string }> => {
    const teamId = `19:slot-${(nextTeam += 1)}@thread.tacv2`;
    return { teamId, projectId: await newTeamWithProject(bot, { teamId, pm: PM, form: projectForm({ organisationName: 'Ysbyty Slot NHS Trust', odsCode: 'RYS', plannedStart: '2026-11-02' }) }) };
  };
  const say = async (teamId: string, text: string, who = PM): Promise<{ text: string; card: unknown }> => {
    const thread = `${teamId};messageid=${Date.now()}`;
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text, teamId, fromId: who.id, fromName: who.name, conversationId: thread }));
    const replies = bot.connector.activitiesIn(thread);
    const withCard = replies.find((a) => Array.isArray(a.attachments));
    return {
      text: replies.map((a) => `${typeof a.text === 'string' ? a.text : ''}\n${visibleText(a)}`).join('\n'),
      card: (withCard?.attachments as { content: unknown }[] | undefined)?.[0]?.content,
    };
  };
  const press = async (teamId: string, data: Json, who = PM): Promise<{ text: string; card: unknown }> => {
    const verb = 'highlight-settings-save';
    const result = await postActivity(bot.url, executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: who.id, fromName: who.name, verb, data: { verb, ...data }, teamId }));
    const body = result.body as { type: string; value: unknown };
    if (body.type === 'application/vnd.microsoft.card.adaptive') {
      return { card: body.value, text: visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: body.value }] }) };
    }
    return { card: undefined, text: String(body.value) };
  };
  const postsInto = (conversationId: string) => bot.connector.activityPosts.filter((c) => c.conversationId === conversationId && c.status === 200);
  const slotOf = async (projectId: string) => (await bot.gateway.projects.projects.get(projectId))?.highlightSlot;

  it('when the project manager types highlight settings, then the card shows the usual time with a day and a time to choose', async () => {
    const { teamId } = await projectInNewTeam();
    const reply = await say(teamId, 'highlight settings');
    expect(reply.text).toContain("This project's report is posted at the usual time: Mondays at 09:00 (UK time).");
    expect(reply.text).toContain('The next one is due');
    expect(inputValue(reply.card, 'weekday')).toBe('');
    expect(inputValue(reply.card, 'time')).toBe('');
  });

  it('when the day is missing and the time is 25:00, then each reason is under its field, what was typed is kept, and nothing is saved', async () => {
    const { teamId, projectId } = await projectInNewTeam();
    const refused = await press(teamId, { projectId, weekday: '', time: '25:00' });
    expect(refused.text).toContain('Nothing was saved: please check the answer marked below.');
    expect(refused.text).toContain('Choose a day of the week.');
    expect(refused.text).toContain('Give a time of day such as 09:00 (24-hour, UK time).');
    expect(inputValue(refused.card, 'time')).toBe('25:00');
    expect(await slotOf(projectId)).toBeUndefined();

    const dayKept = await press(teamId, { projectId, weekday: '5', time: 'teatime' });
    expect(inputValue(dayKept.card, 'weekday')).toBe('5');
    expect(dayKept.text).not.toContain('Choose a day of the week.');
    expect(await slotOf(projectId)).toBeUndefined();
  });

  it('when the project manager saves Friday 16:00, then it is kept with its minute of the week and its history, and going back to the usual time clears it', async () => {
    const { teamId, projectId } = await projectInNewTeam();
    const saved = await press(teamId, { projectId, weekday: '5', time: '16:00' });
    expect(saved.text).toContain('Saved: the weekly highlight report is now posted Fridays at 16:00 (UK time).');
    expect(await slotOf(projectId)).toEqual({ weekday: 5, time: '16:00', minuteOfWeek: 4 * 1440 + 16 * 60 });
    expect((await press(teamId, { projectId, weekday: '5', time: '16:00' })).text).toContain('nothing was changed');
    const history = await bot.gateway.projects.projects.history(projectId);
    const changes = history.filter((e) => e.kind === 'highlight-slot-changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ before: null, after: { weekday: 5, time: '16:00' }, by: { id: PM.id } });
    expect((await say(teamId, 'when is the highlight posted')).text).toContain('Fridays at 16:00 (UK time)');

    expect((await press(teamId, { projectId, useDefault: 'yes' })).text).toContain('now posted at the usual time, Mondays at 09:00 (UK time)');
    expect(await slotOf(projectId)).toBeUndefined();
  });

  it('when someone other than the project manager asks or saves, then they are told when it is posted and nothing changes', async () => {
    const { teamId, projectId } = await projectInNewTeam();
    expect((await say(teamId, 'highlight settings', COLLEAGUE)).text).toContain('The weekly highlight report is posted Mondays at 09:00 (UK time). Only the project manager can choose when the weekly report is posted.');
    const pressed = await press(teamId, { projectId, weekday: '2', time: '10:00' }, COLLEAGUE);
    expect(pressed.text).toContain('Only the project manager can choose when the weekly report is posted.');
    expect(await slotOf(projectId)).toBeUndefined();
  });

  it('when a project’s own slot comes due, then the run for that minute posts it for its slot’s week, once, and a run for another minute leaves it', async () => {
    const { teamId, projectId } = await projectInNewTeam();
    const now = new Date();
    const minute = londonMinuteOfWeek(now);
    // A slot that has just come: today, this minute (London).
    const weekday = Math.floor(minute / 1440) + 1;
    const time = `${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    await press(teamId, { projectId, weekday: String(weekday), time });
    const slot = { weekday, time };

    const elsewhere = await bot.gateway.runWeeklyHighlights({ scope: { filter: { includeDefault: false, slotMinutes: { after: minute, upTo: minute + 5 } }, at: now } });
    expect(postsInto(teamId)).toHaveLength(0);
    expect(elsewhere.listed).toBe(0);

    const due = await bot.gateway.runWeeklyHighlights({ scope: { filter: { includeDefault: false, slotMinutes: { after: minute - 1, upTo: minute } }, at: now } });
    expect(due.sent).toBe(1);
    expect(postsInto(teamId)).toHaveLength(1);
    const claims = new CosmosClaimStore(bot.gateway.storage.containers.projects);
    expect((await claims.read(projectId, `highlight:${reportedWeek(slot, now).key}`))?.claim.state).toBe('sent');

    // The usual Monday run: the project has its own slot, so it is not among the default ones.
    const usual = await bot.gateway.runWeeklyHighlights({ scope: { filter: { includeDefault: true }, at: now } });
    expect(postsInto(teamId)).toHaveLength(1);
    expect(usual.sent).toBeGreaterThanOrEqual(0);
  });

  it('when a catch-up scan runs after the week’s posts went out, then finished projects are skipped by one claims query, with no claim read or write each', async () => {
    const { teamId } = await projectInNewTeam();
    const week = shiftWeek(weekContaining(new Date()), -1).key;
    const first = await bot.gateway.runWeeklyHighlights({ week, scope: { filter: { includeDefault: true }, skipFinished: true } });
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(postsInto(teamId)).toHaveLength(1);
    const before = bot.gateway.cosmosOperations.snapshot();
    const again = await bot.gateway.runWeeklyHighlights({ week, scope: { filter: { includeDefault: true }, skipFinished: true } });
    const after = bot.gateway.cosmosOperations.snapshot();
    expect(again.sent).toBe(0);
    expect(again.alreadyDone).toBe(again.listed);
    expect(after.read - before.read).toBe(0);
    expect(after.create + after.replace + after.upsert - before.create - before.replace - before.upsert).toBe(0);
    expect(postsInto(teamId)).toHaveLength(1);
  });
});
