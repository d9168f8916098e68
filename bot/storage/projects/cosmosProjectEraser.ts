import type { Container, OperationInput } from '@azure/cosmos';
import type { ProjectEraser } from '../../migration/projects/deleteProject';
import { runBulk, succeeded } from '../staff/bulkWrites';
import { queryPartition } from './cosmosDocuments';
import { PROJECT_DOCUMENT_ID, tenantPartition } from './projectDocuments';

/**
 * Deletes a project from the `projects` container, in an order a crash cannot strand: first every document of the
 * project's partition but the project itself (gateways, audit pages, questionnaire, risks, staff and their history
 * pages, groups, imports, staff links, claims, questions), then the tenant partition's lookups that point to it
 * (`targetProjectId`: the team link, member links, staff people's links), and the project document last. Until
 * that last delete the project can still be found and `delete project` run again. The `state` container holds
 * turn scratch keyed by conversation, not project records, and is left alone.
 */
export class CosmosProjectEraser implements ProjectEraser {
  constructor(private readonly container: Container) {}

  async erase(tenantId: string, projectId: string): Promise<number> {
    const own = await queryPartition<string>(this.container, projectId, 'VALUE c.id', 'c.id != @project', [{ name: '@project', value: PROJECT_DOCUMENT_ID }]);
    let deleted = await this.deleteAll(projectId, own);
    const tenant = tenantPartition(tenantId);
    const lookups = await queryPartition<string>(this.container, tenant, 'VALUE c.id', 'c.targetProjectId = @projectId', [{ name: '@projectId', value: projectId }]);
    deleted += await this.deleteAll(tenant, lookups);
    deleted += await this.deleteAll(projectId, [PROJECT_DOCUMENT_ID]);
    return deleted;
  }

  private async deleteAll(partition: string, ids: readonly string[]): Promise<number> {
    const outcomes = await runBulk(
      this.container,
      ids.map((id): OperationInput => ({ operationType: 'Delete', id, partitionKey: partition })),
    );
    const failed = outcomes.filter((o) => !succeeded(o) && o.statusCode !== 404);
    if (failed.length > 0) throw new Error(`${failed.length} project documents could not be deleted (status ${failed[0]?.statusCode ?? 0})`);
    return outcomes.filter(succeeded).length;
  }
}
