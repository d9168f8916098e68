import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelMessage, executeActivity, postActivity, submitActivity, TEST_TENANT } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import { startGatewayUnderTest, type GatewayUnderTest } from '../harness/gatewayUnderTest';

/** The risk thresholds come from the environment (RISK_RED_SCORE, RISK_AMBER_SCORE, RISK_ESCALATE_SCORE) and rule the log. */

const TEAM = '19:risk-settings@thread.tacv2';
const PM = { id: '29:priya', name: 'Priya Shah' };
const setUpForm = {
  organisationName: 'Example NHS Trust',
  odsCode: 'RH8',
  migrationMethod: 'self-migration',
  approximateUsers: '4,200',
  newAccounts: '120',
  phasing: 'phased',
  plannedStart: '2027-01-04',
  cutover: '2027-06-30',
};

describe('risk settings from the environment', () => {
  let bot: GatewayUnderTest;
  let projectId = '';

  beforeAll(async () => {
    bot = await startGatewayUnderTest({ env: { RISK_RED_SCORE: '12', RISK_AMBER_SCORE: '6', RISK_ESCALATE_SCORE: '12' } });
    bot.connector.addMember({ id: PM.id, name: PM.name, aadObjectId: 'aad-priya' });
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text: 'set up project', teamId: TEAM, fromId: PM.id, fromName: PM.name }));
    for (const verb of ['project-setup-submit', 'project-setup-confirm']) {
      if (await bot.gateway.projects.projects.findByTeam(TEST_TENANT, TEAM)) break;
      await postActivity(bot.url, submitActivity({ serviceUrl: bot.connector.serviceUrl, value: { verb, ...setUpForm }, fromId: PM.id, fromName: PM.name, teamId: TEAM }));
    }
    const project = await bot.gateway.projects.projects.findByTeam(TEST_TENANT, TEAM);
    if (!project) throw new Error('the project was not set up');
    projectId = project.projectId;
  }, 60_000);
  afterAll(async () => {
    await bot.close();
  });

  it('when RISK_ESCALATE_SCORE is 12 and RISK_RED_SCORE 12, then a risk of likelihood 3 and impact 4 is red and escalated by itself', async () => {
    const result = await postActivity(
      bot.url,
      executeActivity({
        serviceUrl: bot.connector.serviceUrl,
        fromId: PM.id,
        fromName: PM.name,
        verb: 'risk-save',
        teamId: TEAM,
        data: { verb: 'risk-save', projectId, riskId: '', expectedVersion: 0, type: 'risk', title: 'Archive tool not approved', likelihood: '3', impact: '4' },
      }),
    );
    const body = result.body as { type: string; value: unknown };
    const text = body.type === 'application/vnd.microsoft.card.adaptive' ? visibleText({ attachments: [{ contentType: body.type, content: body.value }] }) : String(body.value);
    expect(text).toContain('Score 12 (Red)');
    expect(text).toContain('Escalated to senior management');
  });
});
