import { findItem } from '../gateways/catalogue';
import type { ItemAuditEntry, ItemState, PersonRef } from '../gateways/gatewayState';
import { isPassed, newItemState } from '../gateways/gatewayState';
import { applyItemUpdate, type ItemChange } from '../gateways/itemUpdates';
import { assertCan } from '../gateways/roles';
import { InvalidState, ValidationFailed } from '../shared/errors';
import { findMember, personOf, type Actor } from './actor';
import { retryOnConflict } from './conflictRetry';
import { itemIn, withItem } from './gatewayRecord';
import type { Project } from './project';
import { loadProjectFor } from './projectAccess';
import type { ProjectDeps } from './projectDeps';

export interface UpdateChecklistItemCommand {
  readonly actor: Actor;
  readonly projectId: string;
  readonly itemId: string;
  /** The item version shown on the card the person used (0 for an item nobody has touched). */
  readonly expectedVersion: number;
  /**
   * One change, or several from one card (status, owner, due date, a note) applied in order and saved together, so
   * a later change that is refused leaves the earlier ones unsaved too. For an owner, only the id matters: it must
   * be a project member who is not staff.
   */
  readonly change: ItemChange | readonly ItemChange[];
}

export interface UpdateChecklistItemResult {
  readonly item: ItemState;
  /** False when the change altered nothing (e.g. marking done an item already done): nothing was saved. */
  readonly changed: boolean;
}

/**
 * Changes one checklist item and records who changed what, in one save.
 * A change made from a stale card is refused with StaleEdit and never
 * retried: the person has to see what the other person did. A collision
 * with a change to another item is retried, so both land.
 */
export async function updateChecklistItem(deps: ProjectDeps, command: UpdateChecklistItemCommand): Promise<UpdateChecklistItemResult> {
  const { expectedVersion, itemId } = command;
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    throw new ValidationFailed([{ field: 'expectedVersion', message: 'This card is out of date. Please refresh the checklist.' }]);
  }
  const { stage } = findItem(deps.catalogue, itemId);

  const { project, role } = await loadProjectFor(deps, command.actor, command.projectId);
  assertCan(role, 'update-item');
  const changes = (Array.isArray(command.change) ? command.change : [command.change]).map((c: ItemChange) => resolveOwner(project, c));
  const by = personOf(command.actor);
  const at = deps.clock.now().toISOString();

  const saved = await retryOnConflict(() =>
    deps.gateways.tryUpdate(project.projectId, stage.number, (current) => {
      // Checked on the latest record: a sign-off may land between reading the card and saving it.
      if (isPassed(current.state) && changes.some((c) => FROZEN_ONCE_PASSED.has(c.field))) throw gatewayIsSignedOff(stage.number);
      let state = itemIn(current, itemId);
      let version = expectedVersion;
      const audit: ItemAuditEntry[] = [];
      for (const change of changes) {
        const result = applyItemUpdate(deps.catalogue, state, { itemId, expectedVersion: version, change, by, role, at });
        if (result.audit.length === 0) continue;
        state = result.state;
        version = result.state.version;
        audit.push(...result.audit);
      }
      if (state === undefined || audit.length === 0) return undefined;
      return { record: withItem(current, state), audit: audit.map((entry) => ({ kind: 'item-changed', ...entry })) };
    }),
    deps.conflictBackoff,
  );
  const item = itemIn(saved, itemId) ?? newItemState(itemId, by, at);
  return { item, changed: item.version !== expectedVersion };
}

/**
 * A signed-off gateway is a record of what was agreed: its items' status, owner and due date stay as they were until
 * the gateway is reopened with a reason. Notes and evidence can still be added, because they only add to the history.
 */
const FROZEN_ONCE_PASSED: ReadonlySet<ItemChange['field']> = new Set(['status', 'owner', 'due']);

function gatewayIsSignedOff(stage: number): InvalidState {
  return new InvalidState(
    `Gateway ${stage} is signed off; reopen it to change items. Notes and evidence can still be added.`,
    'The project manager or SRO can reopen it, giving a reason.',
  );
}

/** Owners come from the project's own member list, so cards can't assign work to strangers or to staff. */
function resolveOwner(project: Project, change: ItemChange): ItemChange {
  if (change.field !== 'owner' || change.owner === null) return change;
  const member = findMember(project, { userId: change.owner.id });
  if (!member || member.role === 'staff') {
    throw new ValidationFailed([{ field: 'owner', message: 'Please choose someone in the project team to own this item.' }]);
  }
  const owner: PersonRef = { id: member.userId, name: member.name };
  return { field: 'owner', owner };
}
