import type { ProjectRole } from '../../gateways/roles';
import { assertCan } from '../../gateways/roles';
import type { Actor } from '../../projects/actor';
import type { Project } from '../../projects/project';
import { loadProjectFor } from '../../projects/projectAccess';
import { NotFound, StaleEdit, ValidationFailed } from '../../shared/errors';
import { todayInLondon, type IsoDate } from '../../shared/ukDates';
import { isGroupId, type RolloutGroup } from '../rolloutGroup';
import type { RolloutDeps } from './rolloutDeps';
import { DEFAULT_ROLLOUT_SETTINGS, type RolloutSettings } from './rolloutSettings';

export type RolloutAction = 'read-rollout' | 'change-rollout' | 'set-staff-status';

export interface RolloutAccess {
  readonly project: Project;
  readonly role: ProjectRole;
  readonly today: IsoDate;
  readonly settings: RolloutSettings;
}

/**
 * Loads the project for someone and checks they may do `action` on its roll-out. The staff list is personal data
 * about colleagues: people being migrated never see it (they get their own answer from "when do I migrate?").
 */
export async function loadRolloutFor(deps: RolloutDeps, actor: Actor, projectId: unknown, action: RolloutAction): Promise<RolloutAccess> {
  const { project, role } = await loadProjectFor(deps, actor, projectId);
  assertCan(role, action);
  return { project, role, today: todayInLondon(deps.clock.now()), settings: deps.settings ?? DEFAULT_ROLLOUT_SETTINGS };
}

export function groupNotFound(groupId: string): NotFound {
  return new NotFound('roll-out group', groupId, 'Type groups to see the groups as they are now.');
}

export async function loadGroup(deps: RolloutDeps, projectId: string, groupId: unknown): Promise<RolloutGroup> {
  if (!isGroupId(groupId)) throw groupNotFound(String(groupId));
  const group = await deps.groups.get(projectId, groupId);
  if (!group) throw groupNotFound(groupId);
  return group;
}

/** Refuses a change made from a card drawn before someone else changed the group. */
export function assertGroupCurrent(group: RolloutGroup, expectedVersion: unknown): void {
  if (typeof expectedVersion !== 'number' || !Number.isSafeInteger(expectedVersion)) {
    throw new ValidationFailed([{ field: 'expectedVersion', message: 'This card is out of date. Type groups to see them as they are now.' }]);
  }
  if (group.version !== expectedVersion) throw new StaleEdit(expectedVersion, group.version);
}
