import type { Container } from '@azure/cosmos';
import { ConcurrentModification } from '../../migration/projects/conflictRetry';
import type { RolloutGroup } from '../../migration/staff/rolloutGroup';
import type { RolloutGroupRepository } from '../../migration/staff/staffRepository';
import { cosmosStatusCode, isPreconditionFailed } from '../cosmosErrors';
import { deleteDocument, readDocument } from '../projects/cosmosDocuments';
import { assertStaffSchema, rolloutGroupDocumentId, ROLLOUT_GROUP_TYPE, STAFF_SCHEMA_VERSION, type RolloutGroupDocument } from './staffDocuments';

/**
 * A project's roll-out groups: one small document each in the project's
 * partition. A group never lists its members (they point at it), so a group of
 * 5,000 is as small as a group of five. `replace` checks the group's own
 * version and writes with `IfMatch` on the eTag read with it, so a change made
 * from an out-of-date card, or by another instance in between, is refused.
 */
export class CosmosRolloutGroupRepository implements RolloutGroupRepository {
  constructor(private readonly container: Container) {}

  async all(projectId: string): Promise<readonly RolloutGroup[]> {
    const query = `SELECT c.id, c.schemaVersion, c["group"] FROM c WHERE c.projectId = @partition AND c.type = '${ROLLOUT_GROUP_TYPE}' ORDER BY c["order"]`;
    const { resources } = await this.container.items
      .query<Pick<RolloutGroupDocument, 'id' | 'schemaVersion' | 'group'>>({ query, parameters: [{ name: '@partition', value: projectId }] }, { partitionKey: projectId })
      .fetchAll();
    for (const row of resources) assertStaffSchema(row);
    return resources.map((row) => row.group);
  }

  async get(projectId: string, groupId: string): Promise<RolloutGroup | undefined> {
    return (await this.read(projectId, groupId))?.group;
  }

  async create(group: RolloutGroup): Promise<'created' | 'exists'> {
    try {
      await this.container.items.create(toDocument(group));
      return 'created';
    } catch (err: unknown) {
      if (cosmosStatusCode(err) === 409) return 'exists';
      throw err;
    }
  }

  async replace(group: RolloutGroup, expectedVersion: number): Promise<RolloutGroup> {
    const current = await this.read(group.projectId, group.groupId);
    if (!current || current.group.version !== expectedVersion) throw new ConcurrentModification('roll-out group');
    try {
      await this.container
        .item(current.id, group.projectId)
        .replace(toDocument(group), { accessCondition: { type: 'IfMatch', condition: current._etag } });
    } catch (err: unknown) {
      if (isPreconditionFailed(err)) throw new ConcurrentModification('roll-out group');
      throw err;
    }
    return group;
  }

  async remove(projectId: string, groupId: string): Promise<boolean> {
    return deleteDocument(this.container, rolloutGroupDocumentId(groupId), projectId);
  }

  private async read(projectId: string, groupId: string): Promise<(RolloutGroupDocument & { _etag: string }) | undefined> {
    const document = await readDocument<RolloutGroupDocument>(this.container, rolloutGroupDocumentId(groupId), projectId);
    if (document) assertStaffSchema(document);
    return document;
  }
}

function toDocument(group: RolloutGroup): RolloutGroupDocument {
  return {
    id: rolloutGroupDocumentId(group.groupId),
    projectId: group.projectId,
    type: ROLLOUT_GROUP_TYPE,
    schemaVersion: STAFF_SCHEMA_VERSION,
    groupId: group.groupId,
    order: group.order,
    group,
  };
}
