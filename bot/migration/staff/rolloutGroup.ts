import type { IsoTimestamp } from '../gateways/gatewayState';
import type { IsoDate } from '../shared/ukDates';

/**
 * A roll-out group (guide 6.1: "phased roll-out groups"): the pilot, then
 * phase 1 … n, each moving to NHSmail on its cutover date.
 *
 * Its own record in the project's partition (a project has a handful), so a
 * group's date can change without touching its members' records. Members
 * point at their group (`StaffMember.groupId`); a group never lists them, so
 * a group of 5,000 stays a small record.
 */
export interface RolloutGroup {
  readonly projectId: string;
  /** Short and stable: letters, digits and '-' ('pilot', 'phase-1'). */
  readonly groupId: string;
  /** As people say it: "Pilot", "Phase 2 (community)". */
  readonly name: string;
  readonly kind: 'pilot' | 'phase';
  /** Roll-out order: the pilot is 0. */
  readonly order: number;
  /** The day this group moves; absent while not scheduled. */
  readonly cutoverDate?: IsoDate;
  readonly updatedAt: IsoTimestamp;
  readonly version: number;
}

export const GROUP_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function isGroupId(value: unknown): value is string {
  return typeof value === 'string' && GROUP_ID_PATTERN.test(value);
}
