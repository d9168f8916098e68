import type { IsoTimestamp, PersonRef } from '../../gateways/gatewayState';

/** A calendar month as `YYYY-MM` (the questionnaire's registration plan uses the same). */
export type IsoMonth = string;

/** One step of a group's roll-out checklist, as ticked. */
export interface GroupStepState {
  readonly done: boolean;
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
}

/**
 * What the roll-out keeps beyond the groups and the people: the project team's own figures for the planned new
 * accounts per month (where they differ from what the groups' dates give), and each group's checklist.
 *
 * Why one small record per project: both are edited by a handful of people a few times a week and read whole on
 * every `registrations` and `group` card; a group has about twenty steps, a project a handful of groups.
 */
export interface RolloutPlan {
  readonly projectId: string;
  /** Months whose planned figure was typed by the project team; the rest come from the groups. */
  readonly plannedOverrides: Readonly<Record<IsoMonth, number>>;
  /** groupId → stepId → state. Steps never ticked are open. */
  readonly checklists: Readonly<Record<string, Readonly<Record<string, GroupStepState>>>>;
  readonly updatedAt?: IsoTimestamp;
  readonly version: number;
}

export function emptyPlan(projectId: string): RolloutPlan {
  return { projectId, plannedOverrides: {}, checklists: {}, version: 0 };
}

/**
 * The plan record's store. `tryUpdate` makes one attempt (reads, asks `decide`, saves only if nobody saved in
 * between, else ConcurrentModification); retrying is the use case's rule, as for the other stores.
 */
export interface RolloutPlanRepository {
  /** The stored plan, or an empty one (version 0) when nothing was saved yet. */
  get(projectId: string): Promise<RolloutPlan>;
  tryUpdate(projectId: string, decide: (current: RolloutPlan) => RolloutPlan | undefined): Promise<RolloutPlan>;
}

/**
 * How many people reached a registered status (activated or migrated) in each month, each person counted once, in
 * the month they first did. Read from the staff records' history by the store (one query), because 50,000 records
 * are never read to count them.
 */
export interface RegistrationCounts {
  registeredByMonth(projectId: string): Promise<ReadonlyMap<IsoMonth, number>>;
}
