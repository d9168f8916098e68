import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosClaimStore } from '../../bot/storage/jobs/cosmosClaimStore';
import { shiftWeek, weekContaining } from '../../bot/migration/reports/londonWeeks';
import { channelMessage, messageActivity, postActivity, TEST_TENANT } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { startTeamUnderTest } from '../harness/teamUnderTest';

/** A weekly post Teams keeps refusing with retryable answers is not lost in silence: it is recorded, said and told. */

const PM = { id: '29:priya', name: 'Priya Shah' };
const TEAM = '19:busy-all-week@thread.tacv2';
const PERSONAL = 'a:personal-priya';

describe('a weekly post that Teams keeps refusing with 503', () => {
  let bot: GatewayUnderTest;
  let projectId = '';
  const lastWeek = () => shiftWeek(weekContaining(new Date()), -1).key;
  const postsInto = (conversationId: string, status = 200) => bot.connector.activityPosts.filter((c) => c.conversationId === conversationId && c.status === status);
  const say = async (text: string): Promise<string> => {
    const thread = `${TEAM};messageid=${Date.now()}`;
    await postActivity(bot.url, { ...channelMessage({ serviceUrl: bot.connector.serviceUrl, text, teamId: TEAM, fromId: PM.id, fromName: PM.name, conversationId: thread }), channelData: { tenant: { id: TEST_TENANT }, team: { id: TEAM }, channel: { id: TEAM } } });
    return bot.connector.activitiesIn(thread).map((a) => `${typeof a.text === 'string' ? a.text : ''}\n${visibleText(a)}`).join('\n');
  };

  beforeAll(async () => {
    ({ bot, projectId } = await startTeamUnderTest({
      gateway: { runtime: { proactive: { retry: { maxAttempts: 3, baseBackoffMs: 5, maxBackoffMs: 10, defaultRetryAfterMs: 10, maxRetryAfterMs: 1_000 } } } },
      roster: [{ ...PM, aadObjectId: 'aad-priya' }],
      teamId: TEAM,
      pm: PM,
      form: projectForm({ organisationName: 'Busy Example NHS Trust', odsCode: 'RYB' }),
      installFirst: true,
      through: 'confirm',
    }));
    await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'help', fromId: PM.id, fromName: PM.name, conversationId: PERSONAL }));
    bot.connector.reset();
  }, 60_000);
  afterAll(async () => {
    await bot.close();
  });

  it('when every attempt of the run gets 503, then the week is recorded undelivered with its reason, the PM is told once, highlight says why, and a later run that week still posts it', async () => {
    bot.connector.refuseConversation(TEAM, 503);
    const week = lastWeek();
    const first = await bot.gateway.runWeeklyHighlights({ week });
    expect(first.failed).toBe(1);
    expect(postsInto(TEAM, 503).length).toBeGreaterThanOrEqual(3);
    const claim = (await new CosmosClaimStore(bot.gateway.storage.containers.projects).read(projectId, `highlight:${week}`))?.claim;
    expect(claim).toMatchObject({ state: 'failed', reason: 'retries-exhausted', retryable: true });

    const told = () => postsInto(PERSONAL).filter((c) => String(c.body?.text).includes('could not be posted'));
    expect(told()).toHaveLength(1);
    expect(told()[0]!.body?.text).toContain('because Teams stayed busy or unavailable all through the run');

    // A second run that week, Teams still busy: tried again, but the PM is not told twice.
    await bot.gateway.runWeeklyHighlights({ week });
    expect(told()).toHaveLength(1);
    expect(await say('highlight')).toContain("Last week's report could not be posted because Teams stayed busy or unavailable all through the run");

    // Teams is back: the next run that week posts it, once.
    bot.connector.reset();
    await bot.gateway.runWeeklyHighlights({ week });
    expect(postsInto(TEAM)).toHaveLength(1);
    expect(await say('highlight')).not.toContain('could not be posted');
  });
});
