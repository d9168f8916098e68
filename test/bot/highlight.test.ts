import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newClaim } from '../../bot/jobs/deliveryClaim';
import { shiftWeek, weekContaining } from '../../bot/migration/reports/londonWeeks';
import { CosmosClaimStore } from '../../bot/storage/jobs/cosmosClaimStore';
import { channelMessage, postActivity, TEST_TENANT } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import { startGatewayUnderTest, type GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { addToRoster, newTeamWithProject } from '../harness/teamUnderTest';

const PM = { id: '29:priya', name: 'Priya Shah' };
const COLLEAGUE = { id: '29:kim', name: 'Kim Lee' };


describe('the highlight report in Teams, over HTTP with the fake connector', () => {
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
    const teamId = `19:highlight-${(nextTeam += 1)}@thread.tacv2`;
    return { teamId, projectId: await newTeamWithProject(bot, { teamId, pm: PM, form: projectForm({ organisationName: 'Ysbyty Highlight NHS Trust', odsCode: 'RYH', plannedStart: '2026-11-02' }) }) };
  };
  /** Says `text` in the team's General channel and returns what the bot answered in that thread. */
  const say = async (teamId: string, text: string, who = PM, channelId = teamId): Promise<string> => {
    const thread = `${channelId};messageid=${Date.now()}`;
    await postActivity(bot.url, {
      ...channelMessage({ serviceUrl: bot.connector.serviceUrl, text, teamId, fromId: who.id, fromName: who.name, conversationId: thread }),
      channelData: { tenant: { id: TEST_TENANT }, team: { id: teamId }, channel: { id: channelId } },
    });
    return bot.connector.activitiesIn(thread).map((a) => `${typeof a.text === 'string' ? a.text : ''}\n${visibleText(a)}`).join('\n');
  };
  const postsInto = (conversationId: string) => bot.connector.activityPosts.filter((c) => c.conversationId === conversationId && c.status === 200);
  const thisWeek = () => weekContaining(new Date());

  it('when the project manager types highlight, then this week’s draft is shown with its RAG, forecast and burn-down, and nothing is posted', async () => {
    const { teamId } = await projectInNewTeam();
    const reply = await say(teamId, 'highlight');
    expect(reply).toContain('Draft highlight report: Ysbyty Highlight NHS Trust (RYH)');
    expect(reply).toContain(`Week ${Number(thisWeek().key.slice(6))}:`);
    expect(reply).toMatch(/Overall: (Red|Amber|Green)/);
    expect(reply).toContain('Forecast');
    expect(postsInto(teamId)).toHaveLength(0);
  });

  it('when someone from the team who is not on the project asks, then they are refused', async () => {
    const { teamId } = await projectInNewTeam();
    const reply = await say(teamId, 'highlight', COLLEAGUE);
    expect(reply).toContain('Only the project team can see the highlight report before it is posted.');
    expect(reply).not.toContain('Draft highlight report');
  });

  it('when the project manager posts it now, then the channel gets both cards once, and the Monday run posts nothing more for that week', async () => {
    const { teamId, projectId } = await projectInNewTeam();
    expect(await say(teamId, 'post highlight now')).toContain("Posted this week's highlight report");
    const posts = postsInto(teamId);
    expect(posts).toHaveLength(1);
    expect((posts[0]!.body?.attachments as unknown[]).length).toBe(2);
    expect(visibleText(posts[0]!.body!)).toContain('Risks and issues: Ysbyty Highlight NHS Trust');

    // Next Monday's run reports on the week just ended, which is this one: already claimed.
    const monday = await bot.gateway.runWeeklyHighlights({ week: thisWeek().key });
    expect(monday.alreadyDone).toBeGreaterThanOrEqual(1);
    expect(postsInto(teamId)).toHaveLength(1);
    expect(await say(teamId, 'post highlight now')).toContain('has already been posted');
    expect(postsInto(teamId)).toHaveLength(1);
    expect((await new CosmosClaimStore(bot.gateway.storage.containers.projects).read(projectId, `highlight:${thisWeek().key}`))?.claim.state).toBe('sent');
  });

  it('when someone other than the project manager asks to post it, then nothing is posted', async () => {
    const { teamId } = await projectInNewTeam();
    expect(await say(teamId, 'post highlight now', COLLEAGUE)).toContain('Only the project manager can post the highlight report early.');
    expect(postsInto(teamId)).toHaveLength(0);
  });

  it('when the project manager types reports here in another channel, then the next post goes there', async () => {
    const { teamId } = await projectInNewTeam();
    const other = `19:reports-${nextTeam}@thread.tacv2`;
    expect(await say(teamId, 'reports here', COLLEAGUE, other)).toContain('Only the project manager can choose where the weekly report is posted.');
    expect(await say(teamId, 'reports here', PM, other)).toContain('will be posted in this channel from now on');
    await say(teamId, 'post highlight now');
    expect(postsInto(other)).toHaveLength(1);
    expect(postsInto(teamId)).toHaveLength(0);
  });

  it('when last week’s post could not be delivered, then highlight says why, and highlight last week shows that week’s report', async () => {
    const { teamId, projectId } = await projectInNewTeam();
    const lastWeek = shiftWeek(thisWeek(), -1);
    await new CosmosClaimStore(bot.gateway.storage.containers.projects).create({
      ...newClaim({ projectId, kind: 'highlight', period: lastWeek.key, runId: 'monday-run', now: new Date(), leaseMs: 1_000 }),
      state: 'failed',
      reason: 'removed',
    });
    expect(await say(teamId, 'highlight')).toContain("Last week's report could not be posted because Gateway had been removed from the team, or blocked");
    const previous = await say(teamId, 'highlight last week');
    expect(previous).toContain('Highlight report: Ysbyty Highlight NHS Trust');
    expect(previous).not.toContain('Draft highlight report');
    expect(previous).toContain(`Week ${Number(lastWeek.key.slice(6))}:`);
  });
});
