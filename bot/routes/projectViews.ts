import { checklistLogLine } from '../migration/reports/checklistLogState';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import { ownerChoicesOf } from '../../cards/cardChoice';
import { checklistCardJson } from '../../cards/checklistCard';
import type { ChecklistView } from '../../cards/checklistPages';
import { itemCardJson, type ItemTyped } from '../../cards/itemCard';
import type { Actor } from '../migration/projects/actor';
import { getChecklist } from '../migration/projects/getChecklist';
import type { ChecklistEntry } from '../migration/projects/getChecklist';
import { getItemHistory } from '../migration/projects/getItemHistory';
import { getStatus } from '../migration/projects/getStatus';
import { findItem } from '../migration/gateways/catalogue';
import { NotFound, ValidationFailed } from '../migration/shared/errors';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { parseStage } from '../migration/projects/stageInput';
import { todayInLondon } from '../migration/shared/ukDates';

/**
 * The checklist card for one gateway, as the person asking may see it. Every member's copy refreshes itself, so a
 * tick by one person shows for the others the next time they look.
 */
export async function checklistView(
  deps: ProjectDeps,
  actor: Actor,
  projectId: unknown,
  stage: unknown,
  view: ChecklistView = {},
  message?: string,
): Promise<AdaptiveCardJson> {
  const checklist = await getChecklist(deps, { actor, projectId: String(projectId), stage: parseStage(stage) });
  return checklistCardJson(checklist, {
    today: todayInLondon(deps.clock.now()),
    memberChoices: ownerChoicesOf(checklist.members),
    refreshUserIds: checklist.members.map((m) => m.userId),
    view,
    ...(message === undefined ? {} : { message }),
  });
}

/** The first gateway not yet passed (6 once all have): the one a team is usually working on. */
export async function firstOpenStage(deps: ProjectDeps, actor: Actor, projectId: string): Promise<number> {
  const status = await getStatus(deps, { actor, projectId });
  return status.gateways.find((g) => !g.passed)?.stage ?? 6;
}

/**
 * A card's gateway must be its item's: a tampered stage would tick a gateway 1 item and bring back the gateway 4
 * card, so the change is refused instead. Absent (an older card): the item's own gateway is used.
 */
export function assertItemOnStage(deps: ProjectDeps, itemId: string, stage: number | undefined): void {
  if (stage !== undefined && findItem(deps.catalogue, itemId).stage.number !== stage) {
    throw new ValidationFailed([{ field: 'stage', message: 'That button’s gateway does not match its checklist item, so nothing was changed.' }]);
  }
}

/** One item as it is now, with what the card needs around it: one read of the project, one of its gateways. */
export async function loadItem(deps: ProjectDeps, actor: Actor, projectId: unknown, itemId: unknown) {
  const id = String(itemId);
  const { stage } = findItem(deps.catalogue, id);
  const checklist = await getChecklist(deps, { actor, projectId: String(projectId), stage: stage.number });
  const entry: ChecklistEntry | undefined = checklist.entries.find((e) => e.item.id === id);
  if (entry === undefined) throw new NotFound('checklist item', id);
  return {
    projectId: checklist.projectId,
    stage: stage.number,
    entry,
    canUpdate: checklist.canUpdateItems,
    canAddNotes: checklist.canAddNotes,
    members: checklist.members,
  };
}

/**
 * The item card, optionally headed by a message (why a save was refused, or that someone else changed it) and
 * showing what the person typed in place of the item's values, so a refused save loses nothing.
 */
export async function itemView(
  deps: ProjectDeps,
  actor: Actor,
  projectId: unknown,
  itemId: unknown,
  shown: { readonly message?: string; readonly typed?: ItemTyped } = {},
): Promise<AdaptiveCardJson> {
  const item = await loadItem(deps, actor, projectId, itemId);
  const history = await getItemHistory(deps, { actor, projectId: item.projectId, itemId: item.entry.item.id });
  const logLine = deps.checklistLogs ? await checklistLogLine(deps.checklistLogs, item.projectId, item.entry.item.id, deps.clock.now()) : undefined;
  return itemCardJson(item.entry, {
    ...(logLine === undefined ? {} : { logLine }),
    projectId: item.projectId,
    stage: item.stage,
    memberChoices: ownerChoicesOf(item.members),
    history,
    canUpdate: item.canAddNotes,
    canChangeState: item.canUpdate,
    ...shown,
  });
}
