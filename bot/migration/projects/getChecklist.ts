import { getStage } from '../gateways/catalogue';
import type { CatalogueItem, StageNumber } from '../gateways/catalogueTypes';
import { isPassed, type GatewayState, type ItemEvidence, type ItemNote, type ItemState, type ItemStatus, type PersonRef } from '../gateways/gatewayState';
import { gatewayProgress, type GatewayProgress } from '../gateways/progress';
import { signOffBlockers, type SignOffBlocker } from '../gateways/readiness';
import { assertCan, can, type ProjectRole } from '../gateways/roles';
import { daysBetween, todayInLondon, type IsoDate } from '../shared/ukDates';
import type { Actor } from './actor';
import { allGateways, itemIn } from './gatewayRecord';
import type { ProjectMember } from './project';
import { loadProjectFor } from './projectAccess';
import type { ProjectDeps } from './projectDeps';
import { parseStage } from './stageInput';

export interface ChecklistEntry {
  readonly item: CatalogueItem;
  readonly status: ItemStatus;
  /** Put this on the card: an edit must send it back as `expectedVersion`. 0 for an untouched item. */
  readonly version: number;
  readonly owner?: PersonRef;
  readonly due?: IsoDate;
  /** Open with a due date before today (London). */
  readonly overdue: boolean;
  /** The London date it was read on, so a card can say "due today" or "overdue by 3 days" without a clock. */
  readonly today: IsoDate;
  readonly naReason?: string;
  /** The latest notes, oldest first; `olderNotes` more are in the item's history. */
  readonly notes: readonly ItemNote[];
  readonly olderNotes: number;
  readonly evidence: readonly ItemEvidence[];
  readonly olderEvidence: number;
  readonly updatedBy?: PersonRef;
}

export interface Checklist {
  readonly projectId: string;
  readonly stage: StageNumber;
  readonly title: string;
  readonly summary: string;
  readonly gateway: GatewayState;
  readonly passed: boolean;
  readonly progress: GatewayProgress;
  /** What stops a go now; empty when it could be signed off. */
  readonly blockers: readonly SignOffBlocker[];
  readonly entries: readonly ChecklistEntry[];
  readonly viewerRole: ProjectRole;
  /** The project team, already read for the role check: the card's owner choices and who its copy refreshes for. */
  readonly members: readonly ProjectMember[];
  /** So the card can hide buttons the person could not use anyway: status, owner and due date (not once signed off). */
  readonly canUpdateItems: boolean;
  /** Notes and evidence: the project team may add them even to a signed-off gateway, as they only add to its history. */
  readonly canAddNotes: boolean;
  readonly canSignOff: boolean;
}

/** One gateway's checklist: every catalogue item with its state, in catalogue order. */
export async function getChecklist(
  deps: ProjectDeps,
  query: { readonly actor: Actor; readonly projectId: string; readonly stage: number },
): Promise<Checklist> {
  const stageNumber = parseStage(query.stage);
  const { project, role } = await loadProjectFor(deps, query.actor, query.projectId);
  assertCan(role, 'read');
  // All gateways, not one: roll-out and the review can only pass after every earlier gateway, and one query costs the same as one read.
  const gateways = allGateways(project.projectId, await deps.gateways.list(project.projectId));
  const record = gateways.find((g) => g.stage === stageNumber);
  if (!record) throw new Error('allGateways returns every stage');
  const stage = getStage(deps.catalogue, stageNumber);
  const today = todayInLondon(deps.clock.now());

  return {
    projectId: project.projectId,
    stage: stageNumber,
    title: stage.title,
    summary: stage.summary,
    gateway: record.state,
    passed: isPassed(record.state),
    progress: gatewayProgress(deps.catalogue, stageNumber, record.items),
    blockers: signOffBlockers(
      deps.catalogue,
      stageNumber,
      record.items,
      gateways.map((g) => g.state),
    ),
    entries: stage.items.map((item) => checklistEntry(item, itemIn(record, item.id), today)),
    viewerRole: role,
    members: project.members,
    // A signed-off gateway's items are frozen until it is reopened, so its card offers no edits.
    canUpdateItems: can(role, 'update-item') && !isPassed(record.state),
    canAddNotes: can(role, 'update-item'),
    canSignOff: can(role, 'sign-off-gateway'),
  };
}

/** One catalogue item with its state as a card shows it; an item nobody has touched is open at version 0. */
export function checklistEntry(item: CatalogueItem, state: ItemState | undefined, today: IsoDate): ChecklistEntry {
  const status = state?.status ?? 'open';
  return {
    item,
    status,
    version: state?.version ?? 0,
    ...(state?.owner ? { owner: state.owner } : {}),
    ...(state?.due !== undefined ? { due: state.due } : {}),
    overdue: status === 'open' && state?.due !== undefined && daysBetween(state.due, today) > 0,
    today,
    ...(state?.naReason !== undefined ? { naReason: state.naReason } : {}),
    notes: state?.notes ?? [],
    olderNotes: state?.olderNotes ?? 0,
    evidence: state?.evidence ?? [],
    olderEvidence: state?.olderEvidence ?? 0,
    ...(state ? { updatedBy: state.updatedBy } : {}),
  };
}
