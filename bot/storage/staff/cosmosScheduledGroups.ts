import type { Container } from '@azure/cosmos';
import type { ScheduledGroupSource } from '../../jobs/cutoverReminderJob';
import type { RolloutGroup } from '../../migration/staff/rolloutGroup';
import type { IsoDate } from '../../migration/shared/ukDates';
import { assertStaffSchema, ROLLOUT_GROUP_TYPE, type RolloutGroupDocument } from './staffDocuments';

/**
 * Roll-out groups cutting over in a window, across every project: the daily reminder run's one query. Groups are a
 * handful per project, and ISO dates compare as strings, so the range filter is exact.
 */
export class CosmosScheduledGroups implements ScheduledGroupSource {
  constructor(private readonly container: Container) {}

  async cuttingOverBetween(from: IsoDate, to: IsoDate): Promise<readonly RolloutGroup[]> {
    const { resources } = await this.container.items
      .query<Pick<RolloutGroupDocument, 'id' | 'schemaVersion' | 'group'>>({
        query: 'SELECT c.id, c.schemaVersion, c["group"] FROM c WHERE c.type = @type AND c["group"].cutoverDate >= @from AND c["group"].cutoverDate <= @to',
        parameters: [
          { name: '@type', value: ROLLOUT_GROUP_TYPE },
          { name: '@from', value: from },
          { name: '@to', value: to },
        ],
      })
      .fetchAll();
    return resources.map((doc) => (assertStaffSchema(doc), doc.group));
  }
}
