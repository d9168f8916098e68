import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeActivity, postActivity } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { startTeamUnderTest } from '../harness/teamUnderTest';

/** The risk thresholds come from the environment (RISK_RED_SCORE, RISK_AMBER_SCORE, RISK_ESCALATE_SCORE) and rule the log. */

const TEAM = '19:risk-settings@thread.tacv2';
const PM = { id: '29:priya', name: 'Priya Shah' };

describe('risk settings from the environment', () => {
  let bot: GatewayUnderTest;
  let projectId = '';

  beforeAll(async () => {
    ({ bot, projectId } = await startTeamUnderTest({
      gateway: { env: { RISK_RED_SCORE: '12', RISK_AMBER_SCORE: '6', RISK_ESCALATE_SCORE: '12' } },
      roster: [{ ...PM, aadObjectId: 'aad-priya' }],
      teamId: TEAM,
      pm: PM,
      form: projectForm({ organisationName: 'Example NHS Trust', odsCode: 'RH8', plannedStart: '2027-01-04', cutover: '2027-06-30' }),
    }));
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
