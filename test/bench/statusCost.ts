import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';
import type { Actor } from '../../bot/migration/projects/actor';
import { getStatus } from '../../bot/migration/projects/getStatus';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../bot/migration/projects/updateChecklistItem';
import type { RunningGateway } from '../../bot/runtime';
import type { CosmosOperationCounts } from '../../bot/storage/operationCounter';
import { channelMessage, TEST_TENANT } from '../harness/activities';

const TEAM = '19:bench-status@thread.tacv2';

/**
 * What `status` costs in Cosmos on a project whose six gateways all have items touched: the use case alone, and the
 * whole turn over HTTP (which adds the turn state's reads and the project lookup for the team).
 */
export async function measureStatusCost(gateway: RunningGateway, serviceUrl: string, turns = 20): Promise<{ useCase: CosmosOperationCounts; turn: CosmosOperationCounts; turns: number }> {
  const actor: Actor = { tenantId: TEST_TENANT, userId: '29:bench-pm', name: 'Bench PM' };
  const { project } = await setUpProject(gateway.projects, {
    actor,
    teamId: TEAM,
    form: {
      organisationName: 'Bench NHS Trust',
      odsCode: 'RBX',
      migrationMethod: 'self-migration',
      approximateUsers: '5000',
      newAccounts: '100',
      phasing: 'phased',
      plannedStart: '2026-12-01',
      cutover: '2027-06-30',
    },
  });
  for (const stage of DEFAULT_GATEWAY_CATALOGUE.stages) {
    for (const item of stage.items.slice(0, 3)) {
      await updateChecklistItem(gateway.projects, { actor, projectId: project.projectId, itemId: item.id, expectedVersion: 0, change: [{ field: 'due', due: '2027-01-15' }, { field: 'owner', owner: { id: actor.userId, name: '' } }] });
    }
  }

  gateway.cosmosOperations.reset();
  await getStatus(gateway.projects, { actor, projectId: project.projectId });
  const useCase = gateway.cosmosOperations.snapshot();

  const body = JSON.stringify(channelMessage({ serviceUrl, text: 'status', teamId: TEAM, fromId: actor.userId, fromName: actor.name }));
  await fetch(`${gateway.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  gateway.cosmosOperations.reset();
  for (let i = 0; i < turns; i++) {
    const response = await fetch(`${gateway.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
  }
  return { useCase, turn: gateway.cosmosOperations.snapshot(), turns };
}
