import type { Container } from '@azure/cosmos';
import { ConcurrentModification } from '../../migration/projects/conflictRetry';
import { emptyPlan, type IsoMonth, type RegistrationCounts, type RolloutPlan, type RolloutPlanRepository } from '../../migration/staff/rollout/rolloutPlan';
import { todayInLondon } from '../../migration/shared/ukDates';
import { cosmosStatusCode, isPreconditionFailed } from '../cosmosErrors';
import { readDocument } from '../projects/cosmosDocuments';
import { assertStaffSchema, STAFF_HISTORY_PAGE_TYPE, STAFF_MEMBER_TYPE, STAFF_SCHEMA_VERSION } from './staffDocuments';

/** The roll-out plan's one document per project (planned figures typed by the team, the groups' checklists). */
export const ROLLOUT_PLAN_TYPE = 'staff-rollout-plan';
const PLAN_ID = 'staff-rollout-plan';

interface RolloutPlanDocument {
  readonly id: string;
  readonly projectId: string;
  readonly type: typeof ROLLOUT_PLAN_TYPE;
  readonly schemaVersion: typeof STAFF_SCHEMA_VERSION;
  readonly plan: RolloutPlan;
}

/**
 * The plan record in the project's partition. The first save creates it (a second first save gets 409 and is
 * retried as a collision); later ones replace it with `IfMatch` on the eTag read.
 */
export class CosmosRolloutPlanRepository implements RolloutPlanRepository {
  constructor(private readonly container: Container) {}

  async get(projectId: string): Promise<RolloutPlan> {
    return (await this.read(projectId))?.plan ?? emptyPlan(projectId);
  }

  async tryUpdate(projectId: string, decide: (current: RolloutPlan) => RolloutPlan | undefined): Promise<RolloutPlan> {
    const stored = await this.read(projectId);
    const current = stored?.plan ?? emptyPlan(projectId);
    const next = decide(current);
    if (next === undefined) return current;
    const document: RolloutPlanDocument = { id: PLAN_ID, projectId, type: ROLLOUT_PLAN_TYPE, schemaVersion: STAFF_SCHEMA_VERSION, plan: next };
    try {
      if (stored === undefined) await this.container.items.create(document);
      else await this.container.item(PLAN_ID, projectId).replace(document, { accessCondition: { type: 'IfMatch', condition: stored._etag } });
    } catch (err: unknown) {
      if (isPreconditionFailed(err) || cosmosStatusCode(err) === 409) throw new ConcurrentModification('roll-out plan');
      throw err;
    }
    return next;
  }

  private async read(projectId: string): Promise<(RolloutPlanDocument & { _etag: string }) | undefined> {
    const document = await readDocument<RolloutPlanDocument>(this.container, PLAN_ID, projectId);
    if (document) assertStaffSchema(document);
    return document;
  }
}

interface RegisteredLine {
  readonly localId: string;
  readonly at: string;
}

/**
 * Registrations per month from the staff records' history: two queries in the project's partition (the lines kept
 * in each record, and those moved to history pages), selecting only status lines that reach activated or
 * migrated. Each person counts once, in the London month of their first such line.
 */
export class CosmosRegistrationCounts implements RegistrationCounts {
  constructor(private readonly container: Container) {}

  async registeredByMonth(projectId: string): Promise<ReadonlyMap<IsoMonth, number>> {
    const lines = async (type: string, array: string) => {
      const query =
        `SELECT c.localId, h.at FROM c JOIN h IN c.${array} WHERE c.projectId = @partition AND c.type = '${type}' ` +
        `AND h.field = 'status' AND (h["to"] = 'activated' OR h["to"] = 'migrated')`;
      const { resources } = await this.container.items.query<RegisteredLine>({ query, parameters: [{ name: '@partition', value: projectId }] }, { partitionKey: projectId }).fetchAll();
      return resources;
    };
    const [inline, paged] = await Promise.all([lines(STAFF_MEMBER_TYPE, 'history'), lines(STAFF_HISTORY_PAGE_TYPE, 'entries')]);
    const first = new Map<string, string>();
    for (const { localId, at } of [...inline, ...paged]) {
      const seen = first.get(localId);
      if (seen === undefined || at < seen) first.set(localId, at);
    }
    const months = new Map<IsoMonth, number>();
    for (const at of first.values()) {
      const month = todayInLondon(new Date(at)).slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    return months;
  }
}
