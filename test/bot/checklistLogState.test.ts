import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';
import { addRisk } from '../../bot/migration/risks/addRisk';
import { CosmosRiskRepository } from '../../bot/storage/risks';
import { channelMessage, executeActivity, postActivity, TEST_TENANT } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { startTeamUnderTest } from '../harness/teamUnderTest';

/** Gateway 2's risk-log and highlight-report item cards show how the log and the report stand. */

const TEAM = '19:log-state@thread.tacv2';
const PM = { id: '29:priya', name: 'Priya Shah' };

describe('gateway 2’s risk-log and highlight-report items show the log’s state', () => {
  let bot: GatewayUnderTest;
  let projectId = '';

  const itemCard = async (itemId: string): Promise<string> => {
    const verb = 'item-edit';
    const result = await postActivity(bot.url, executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: PM.id, fromName: PM.name, verb, data: { verb, projectId, itemId, stage: 2 }, teamId: TEAM }));
    const body = result.body as { value: unknown };
    return visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: body.value }] });
  };

  beforeAll(async () => {
    ({ bot, projectId } = await startTeamUnderTest({
      roster: [PM],
      teamId: TEAM,
      pm: PM,
      form: projectForm({ organisationName: 'Ysbyty Log NHS Trust', odsCode: 'RYL', approximateUsers: '900', newAccounts: '10', plannedStart: '2026-11-02' }),
      installFirst: true,
      through: 'confirm',
    }));
  });
  afterAll(async () => {
    await bot.close();
  });

  it('when the log is empty and nothing was posted, then the two items say so, and other items say nothing of either', async () => {
    expect(await itemCard('g2-risk-log')).toContain('Risks log: nothing logged yet');
    expect(await itemCard('g2-highlight-report')).toContain('Highlight report: not posted yet.');
    const other = await itemCard('g2-identify-staff');
    expect(other).not.toContain('Risks log:');
    expect(other).not.toContain('Highlight report:');
  });

  it('when a risk scoring 20 is logged and the report is posted, then the items show 1 open (1 escalated) and when it was posted', async () => {
    const deps = { projects: bot.gateway.projects.projects, risks: new CosmosRiskRepository(bot.gateway.storage.containers.projects), clock: { now: () => new Date() }, ids: { newId: () => crypto.randomUUID() }, catalogue: DEFAULT_GATEWAY_CATALOGUE };
    await addRisk(deps, { actor: { tenantId: TEST_TENANT, userId: PM.id, name: PM.name }, projectId, input: { type: 'risk', title: 'Archive tool not approved', likelihood: '4', impact: '5', category: 'other' } });
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
    expect(await itemCard('g2-risk-log')).toContain(`Risks log: 1 open (1 escalated), last changed`);
    expect(await itemCard('g2-risk-log')).toContain(today);

    const thread = `${TEAM};messageid=post`;
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text: 'post highlight now', teamId: TEAM, fromId: PM.id, fromName: PM.name, conversationId: thread }));
    expect(await itemCard('g2-highlight-report')).toMatch(/Highlight report: last posted .* \(week \d+\)\./);
  });
});
