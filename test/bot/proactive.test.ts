import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverOnce } from '../../bot/jobs/deliverOnce';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';
import { addRisk } from '../../bot/migration/risks/addRisk';
import { CosmosRiskRepository } from '../../bot/storage/risks';
import { newClaim, type DeliveryClaim } from '../../bot/jobs/deliveryClaim';
import type { ClaimStore } from '../../bot/jobs/ports';
import { createLogger } from '../../bot/log';
import { CosmosClaimStore } from '../../bot/storage/jobs/cosmosClaimStore';
import { GatewayAdapter } from '../../bot/teams/gatewayAdapter';
import { cloudAdapterPoster, ProactiveSender } from '../../bot/teams/proactiveSender';
import { botInstalledActivity, channelMessage, messageActivity, postActivity, TEST_BOT_ID, TEST_TENANT } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import { FakeConnector } from '../harness/fakeConnector';
import { startGatewayUnderTest, type GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { addToRoster, installInTeam, newTeamWithProject } from '../harness/teamUnderTest';

const PM = { id: '29:priya', name: 'Priya Shah' };
const LEASE_MS = 1_500;
const JOBS_KEY = 'k'.repeat(40);


let weekNumber = 0;
/** Each test reports on its own week, so claims of one never touch another. */
const freshWeek = (): string => `2031-W${String((weekNumber += 1)).padStart(2, '0')}`;

describe('posting by itself, over HTTP with the fake connector', () => {
  let bot: GatewayUnderTest;
  let nextTeam = 0;

  beforeAll(async () => {
    bot = await startGatewayUnderTest({ env: { JOBS_API_KEY: JOBS_KEY, WEEKLY_HIGHLIGHT_CRON: '* * * * *' }, runtime: { proactive: { tuning: { leaseMs: LEASE_MS, maxHeldWaitMs: 10_000 } } } });
    addToRoster(bot, [PM]);
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  const install = (teamId: string) => installInTeam(bot, teamId);

  /** A team with the bot installed and a project set up in its General channel; the bot's replies are cleared. */
  const projectInNewTeam = async (): Promise<{ teamId: string; projectId: string }> => {
    const teamId = `19:proactive-${(nextTeam += 1)}@thread.tacv2`;
    return { teamId, projectId: await newTeamWithProject(bot, { teamId, pm: PM, form: projectForm() }) };
  };
  const claimOf = async (projectId: string, week: string) => (await new CosmosClaimStore(bot.gateway.storage.containers.projects).read(projectId, `highlight:${week}`))?.claim;
  const postsInto = (conversationId: string) => bot.connector.activityPosts.filter((c) => c.conversationId === conversationId && c.status === 200);

  describe('conversation references', () => {
    it('when the bot is installed in a team, then its reference is stored with the service URL and bot id', async () => {
      const teamId = '19:refs-install@thread.tacv2';
      await install(teamId);
      expect(await bot.gateway.references.get(TEST_TENANT, { kind: 'team', teamId })).toMatchObject({
        serviceUrl: bot.connector.serviceUrl,
        botId: TEST_BOT_ID,
        reachable: true,
        conversationType: 'channel',
      });
    });

    it('when later activities bring the same service URL, then nothing is written; when it changes, then the record follows it', async () => {
      const teamId = '19:refs-move@thread.tacv2';
      await install(teamId);
      const first = await bot.gateway.references.get(TEST_TENANT, { kind: 'team', teamId });
      bot.gateway.cosmosOperations.reset();
      await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text: 'help', teamId, fromId: PM.id, fromName: PM.name }));
      const afterSame = bot.gateway.cosmosOperations.snapshot();
      expect(await bot.gateway.references.get(TEST_TENANT, { kind: 'team', teamId })).toEqual(first);

      const moved = await FakeConnector.start();
      try {
        await postActivity(bot.url, channelMessage({ serviceUrl: moved.serviceUrl, text: 'help', teamId, fromId: PM.id, fromName: PM.name }));
        expect((await bot.gateway.references.get(TEST_TENANT, { kind: 'team', teamId }))?.serviceUrl).toBe(moved.serviceUrl);
      } finally {
        await moved.close();
      }
      // Turn state is written with upserts; a reference is only ever created or replaced, and was neither.
      expect(afterSame.create + afterSame.replace).toBe(0);
    });

    it('when someone writes to the bot in a personal chat, then a reference for telling them things later is kept', async () => {
      await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'help', fromId: '29:sro', conversationId: 'a:personal-sro' }));
      expect(await bot.gateway.references.get(TEST_TENANT, { kind: 'user', userId: '29:sro' })).toMatchObject({
        conversationId: 'a:personal-sro',
        aadObjectId: 'aad-29:sro',
        conversationType: 'personal',
      });
    });

    it('when the bot is uninstalled from the team, then the reference is marked unreachable and the weekly run does not post there', async () => {
      const { teamId, projectId } = await projectInNewTeam();
      await postActivity(bot.url, {
        ...botInstalledActivity({ serviceUrl: bot.connector.serviceUrl, conversationType: 'channel', conversationId: teamId, teamId }),
        type: 'installationUpdate',
        action: 'remove',
        membersAdded: undefined,
      });
      expect(await bot.gateway.references.get(TEST_TENANT, { kind: 'team', teamId })).toMatchObject({ reachable: false, unreachableReason: 'removed' });
      const week = freshWeek();
      await bot.gateway.runWeeklyHighlights({ week });
      expect(postsInto(teamId)).toHaveLength(0);
      expect(await claimOf(projectId, week)).toMatchObject({ state: 'failed', reason: 'removed' });

      await install(teamId);
      expect((await bot.gateway.references.get(TEST_TENANT, { kind: 'team', teamId }))?.reachable).toBe(true);
    });
  });

  describe('the weekly run', () => {
    it('when it runs, then the channel gets one new post holding the status, and its activity id is on the claim', async () => {
      const { teamId, projectId } = await projectInNewTeam();
      const week = freshWeek();
      await bot.gateway.runWeeklyHighlights({ week });
      const posts = postsInto(teamId);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.replyToId).toBeUndefined();
      expect(posts[0]!.body?.text).toMatch(/^Weekly highlight for Ysbyty Example NHS Trust, week \d+: Mon \d+ \w+ 203[01] to Sun \d+ \w+ 2031\./);
      expect(visibleText(posts[0]!.body!)).toMatch(/Cutover/);
      const claim = await claimOf(projectId, week);
      expect(claim).toMatchObject({ state: 'sent' });
      expect(claim?.activityId).toMatch(/^activity-/);
    });

    it('when it runs again the same week, then nothing is posted twice', async () => {
      const { teamId } = await projectInNewTeam();
      const week = freshWeek();
      await bot.gateway.runWeeklyHighlights({ week });
      const second = await bot.gateway.runWeeklyHighlights({ week });
      expect(postsInto(teamId)).toHaveLength(1);
      expect(second.alreadyDone).toBeGreaterThanOrEqual(1);
      expect(second.sent).toBe(0);
    });

    it('when two schedulers race for the same week, then the channel gets one post', async () => {
      const { teamId } = await projectInNewTeam();
      const week = freshWeek();
      const [a, b] = await Promise.all([bot.gateway.runWeeklyHighlights({ week, runId: 'racer-a' }), bot.gateway.runWeeklyHighlights({ week, runId: 'racer-b' })]);
      expect(postsInto(teamId)).toHaveLength(1);
      expect(a.sent + b.sent).toBeGreaterThanOrEqual(1);
    });

    it('when a run died after claiming but before sending, then the next run takes the claim over once it expires and posts once', async () => {
      const { teamId, projectId } = await projectInNewTeam();
      const week = freshWeek();
      const store = new CosmosClaimStore(bot.gateway.storage.containers.projects);
      await store.create(newClaim({ projectId, kind: 'highlight', period: week, runId: 'dead-run', now: new Date(), leaseMs: 800 }));
      const summary = await bot.gateway.runWeeklyHighlights({ week });
      expect(postsInto(teamId)).toHaveLength(1);
      expect(summary.sent).toBeGreaterThanOrEqual(1);
      expect(await claimOf(projectId, week)).toMatchObject({ state: 'sent', takeovers: 1 });
    });

    it('when a run died between sending and recording, then the claim is recognised as uncertain and nothing is sent again', async () => {
      const { teamId, projectId } = await projectInNewTeam();
      const week = freshWeek();
      const real = new CosmosClaimStore(bot.gateway.storage.containers.projects);
      // The "crash": the HTTP call goes out, then the write recording it never happens.
      const crashing: ClaimStore = {
        create: (c) => real.create(c),
        read: (p, id) => real.read(p, id),
        replace: (c: DeliveryClaim, etag) => (c.state === 'sent' ? Promise.reject(new Error('process killed')) : real.replace(c, etag)),
      };
      const logger = createLogger('silent');
      const sender = new ProactiveSender({ poster: cloudAdapterPoster(new GatewayAdapter({}), ''), allowedServiceUrlHosts: bot.config.allowedServiceUrlHosts, logger });
      const result = await deliverOnce(
        { claims: crashing, references: bot.gateway.references, sender, now: () => new Date(), leaseMs: 300, runId: 'doomed-run', logger },
        {
          projectId,
          kind: 'highlight',
          period: week,
          target: () => Promise.resolve({ ok: true as const, target: { tenantId: TEST_TENANT, conversationId: teamId, serviceUrl: bot.connector.serviceUrl, botId: TEST_BOT_ID, conversationType: 'channel' as const } }),
          compose: () => Promise.resolve({ type: 'message', text: 'Weekly highlight' }),
        },
      );
      expect(result).toMatchObject({ outcome: 'sent', recorded: false });
      expect(result.outcome === 'sent' ? result.activityId : '').toMatch(/^activity-/);
      expect(await claimOf(projectId, week)).toMatchObject({ state: 'sending', runId: 'doomed-run' });

      await new Promise((resolve) => setTimeout(resolve, 400));
      const summary = await bot.gateway.runWeeklyHighlights({ week });
      expect(summary.uncertain).toBe(1);
      expect(postsInto(teamId)).toHaveLength(1);
      expect(await claimOf(projectId, week)).toMatchObject({ state: 'uncertain', reason: 'interrupted-while-sending' });
    });

    it('when Teams throttles a storm of posts, then every one is delivered once and no retry comes before its Retry-After', async () => {
      const teams = await Promise.all([projectInNewTeam(), projectInNewTeam(), projectInNewTeam(), projectInNewTeam(), projectInNewTeam(), projectInNewTeam()]);
      bot.connector.reset();
      bot.connector.failNext(429, { times: 9, retryAfterSeconds: 1 });
      const week = freshWeek();
      await bot.gateway.runWeeklyHighlights({ week });
      for (const { teamId } of teams) {
        const attempts = bot.connector.activityPosts.filter((c) => c.conversationId === teamId);
        expect(attempts.filter((c) => c.status === 200)).toHaveLength(1);
        for (let i = 1; i < attempts.length; i += 1) {
          if (attempts[i - 1]!.status === 429) expect(attempts[i]!.at - attempts[i - 1]!.at).toBeGreaterThanOrEqual(1_000);
        }
      }
      expect(bot.connector.activityPosts.filter((c) => c.status === 429)).toHaveLength(9);
    });

    it('when Teams answers 403 because the bot was removed, then the project is marked unreachable with the reason and not retried that week', async () => {
      const { teamId, projectId } = await projectInNewTeam();
      bot.connector.refuseConversation(teamId, 403);
      const week = freshWeek();
      await bot.gateway.runWeeklyHighlights({ week });
      await bot.gateway.runWeeklyHighlights({ week });
      expect(bot.connector.activityPosts.filter((c) => c.conversationId === teamId)).toHaveLength(1);
      expect(await claimOf(projectId, week)).toMatchObject({ state: 'failed', reason: 'forbidden', retryable: false });
      expect(await bot.gateway.references.get(TEST_TENANT, { kind: 'team', teamId })).toMatchObject({ reachable: false, unreachableReason: 'forbidden' });
    });

    it('when the post cannot be delivered, then the project manager is told once in their personal chat, with the reason in plain words', async () => {
      const personal = 'a:personal-priya';
      await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'help', fromId: PM.id, fromName: PM.name, conversationId: personal }));
      const { teamId } = await projectInNewTeam();
      bot.connector.refuseConversation(teamId, 403);
      const week = freshWeek();
      await bot.gateway.runWeeklyHighlights({ week });
      await bot.gateway.runWeeklyHighlights({ week });
      const told = postsInto(personal);
      expect(told).toHaveLength(1);
      const text = told[0]!.body?.text;
      expect(text).toContain('Ysbyty Example NHS Trust');
      expect(text).toContain('could not be posted to the project team because Teams refused it: Gateway may have been removed from the team or blocked');
    });
    it('when an open entry is past its review date, then after the post its owner is told once that week in their personal chat, with how overdue', async () => {
      const personal = 'a:personal-priya';
      await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'help', fromId: PM.id, fromName: PM.name, conversationId: personal }));
      const { teamId, projectId } = await projectInNewTeam();
      // Added "back then", with a review date that has long passed; a closed-off future one is not mentioned.
      const riskDeps = (now: Date) => ({
        projects: bot.gateway.projects.projects,
        risks: new CosmosRiskRepository(bot.gateway.storage.containers.projects),
        clock: { now: () => now },
        ids: { newId: () => crypto.randomUUID() },
        catalogue: DEFAULT_GATEWAY_CATALOGUE,
      });
      const actor = { tenantId: TEST_TENANT, userId: PM.id, name: PM.name };
      await addRisk(riskDeps(new Date('2020-03-02T12:00:00Z')), { actor, projectId, input: { title: 'Shared mailbox owners unknown', likelihood: '3', impact: '3', reviewDate: '2020-03-05' } });
      await addRisk(riskDeps(new Date()), { actor, projectId, input: { title: 'Not yet due for review', likelihood: '1', impact: '1' } });
      const week = freshWeek();
      await bot.gateway.runWeeklyHighlights({ week });
      await bot.gateway.runWeeklyHighlights({ week });
      expect(postsInto(teamId)).toHaveLength(1);
      const told = postsInto(personal);
      expect(told).toHaveLength(1);
      const text = told[0]!.body?.text;
      expect(text).toContain('"Shared mailbox owners unknown": review overdue by');
      expect(text).not.toContain('Not yet due for review');
    });
  });

  describe('review reminders beside an early post', () => {
    it('when the report was posted early with post highlight now, then that week’s scheduled run still reminds the owner of an overdue review, once', async () => {
      const personal = 'a:personal-priya';
      await postActivity(bot.url, messageActivity({ serviceUrl: bot.connector.serviceUrl, text: 'help', fromId: PM.id, fromName: PM.name, conversationId: personal }));
      const { teamId, projectId } = await projectInNewTeam();
      const actor = { tenantId: TEST_TENANT, userId: PM.id, name: PM.name };
      const deps = {
        projects: bot.gateway.projects.projects,
        risks: new CosmosRiskRepository(bot.gateway.storage.containers.projects),
        clock: { now: () => new Date('2020-03-02T12:00:00Z') },
        ids: { newId: () => crypto.randomUUID() },
        catalogue: DEFAULT_GATEWAY_CATALOGUE,
      };
      await addRisk(deps, { actor, projectId, input: { title: 'Printers not mapped', likelihood: '3', impact: '3', reviewDate: '2020-03-05' } });
      await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text: 'post highlight now', teamId, fromId: PM.id, fromName: PM.name }));
      expect(postsInto(teamId)).toHaveLength(1);
      const aboutPrinters = () => postsInto(personal).filter((c) => String(c.body?.text).includes('Printers not mapped'));
      expect(aboutPrinters()).toHaveLength(0);

      // The scheduled run for the week the early post took: no second post, but the reminders still go, once.
      const week = (await import('../../bot/jobs/isoWeek')).isoWeekOf(new Date());
      await bot.gateway.runWeeklyHighlights({ week });
      await bot.gateway.runWeeklyHighlights({ week });
      expect(postsInto(teamId)).toHaveLength(1);
      // (Other tests' projects are in the same run, so only this project's reminder is counted.)
      const told = aboutPrinters();
      expect(told).toHaveLength(1);
      expect(told[0]!.body?.text).toContain('"Printers not mapped": review overdue by');
    });
  });

  describe('POST /api/jobs/weekly-highlights', () => {
    const trigger = (url: string, key?: string) =>
      fetch(`${url}/api/jobs/weekly-highlights`, { method: 'POST', headers: key === undefined ? {} : { 'x-gateway-jobs-key': key } });

    it('when the key is missing or wrong, then it answers 401 and runs nothing', async () => {
      expect((await trigger(bot.url)).status).toBe(401);
      expect((await trigger(bot.url, 'x'.repeat(40))).status).toBe(401);
      expect(bot.gateway.jobRunner.running).toBe(false);
    });

    it('when the key is right, then it answers 202 and the run posts', async () => {
      const { teamId } = await projectInNewTeam();
      const response = await trigger(bot.url, JOBS_KEY);
      expect(response.status).toBe(202);
      await bot.connector.waitFor(() => postsInto(teamId).length === 1, 10_000);
    });

    it('when no key is configured, then the endpoint does not exist', async () => {
      const keyless = await startGatewayUnderTest();
      try {
        expect((await trigger(keyless.url, JOBS_KEY)).status).toBe(404);
      } finally {
        await keyless.close();
      }
    });
  });
});
