import type { Application } from '@microsoft/teams-ai';
import { versionInput } from '../../cards/cardData';
import { checklistViewFrom } from '../../cards/checklistPages';
import { itemHistoryCardJson, itemHistoryViewFrom } from '../../cards/itemHistoryCard';
import { Verbs } from '../../cards/verbs';
import { findItem } from '../migration/gateways/catalogue';
import { getItemHistory } from '../migration/projects/getItemHistory';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { updateChecklistItem } from '../migration/projects/updateChecklistItem';
import { actorFrom } from '../teams/actorFrom';
import type { GatewayTurnState } from '../state';
import { onCardAction, refusalLine } from './cardAction';
import { commandIs, commandOf } from './commandSelector';
import { answerForProject } from './projectContext';
import { itemChangesFromCard } from './itemChangesFromCard';
import { assertItemOnStage, checklistView, firstOpenStage, itemView, loadItem } from './projectViews';
import { StaleEdit } from '../migration/shared/errors';
import { isRefusal, orFriendlyError } from './replies';
import { ITEM_INPUTS, type ItemTyped } from '../../cards/itemCard';

/**
 * Gateway checklists: `gateway 2` typed, and the checklist card's buttons. Without a number, the first gateway not
 * yet passed is shown, which is the one a project team is usually working on.
 */
export function registerGateways(app: Application<GatewayTurnState>, deps: ProjectDeps): void {
  app.message(commandIs('gateway'), async (context) => {
    const asked = commandOf(context, 'gateway').stage;
    await answerForProject(
      deps,
      context,
      async (actor, projectId) => checklistView(deps, actor, projectId, asked ?? (await firstOpenStage(deps, actor, projectId))),
      // Without a number the gateway depends on the project, so after picking one the status shows where it stands.
      asked === undefined
        ? { verb: Verbs.statusShow, purpose: 'see the gateways' }
        : { verb: Verbs.checklistShow, data: { stage: String(asked) }, purpose: `see gateway ${asked}` },
    );
  });

  for (const verb of [Verbs.checklistShow, Verbs.checklistRefresh]) {
    onCardAction(app, verb, async (context, _state, data) => ({
      card: await checklistView(deps, actorFrom(context), data.projectId, data.stage, checklistViewFrom(data)),
    }));
  }

  onCardAction(
    app,
    Verbs.itemDone,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      assertItemOnStage(deps, data.itemId, data.stage);
      await updateChecklistItem(deps, {
        actor,
        projectId: String(data.projectId),
        itemId: String(data.itemId),
        expectedVersion: versionInput(data),
        change: { field: 'status', status: 'done' },
      });
      return { card: await checklistView(deps, actor, data.projectId, data.stage, checklistViewFrom(data)) };
    },
    // Refused (an out-of-date copy, a gateway signed off meanwhile): the checklist as it is now, with why.
    (context, data, message) => checklistView(deps, actorFrom(context), data.projectId, data.stage, checklistViewFrom(data), message),
  );

  onCardAction(app, Verbs.itemEdit, async (context, _state, data) => ({ card: await itemView(deps, actorFrom(context), data.projectId, data.itemId) }));

  onCardAction(app, Verbs.itemHistory, async (context, _state, data) => {
    const actor = actorFrom(context);
    const itemId = String(data.itemId);
    const { item, stage } = findItem(deps.catalogue, itemId);
    const entries = await getItemHistory(deps, { actor, projectId: String(data.projectId), itemId });
    const back = { projectId: String(data.projectId), stage: stage.number, itemId, section: item.guideSection };
    return { card: itemHistoryCardJson(item.action, entries, back, itemHistoryViewFrom(data)) };
  });

  onCardAction(app, Verbs.itemSave, async (context, _state, data) => {
    const actor = actorFrom(context);
    assertItemOnStage(deps, data.itemId, data.stage);
    const { projectId, stage, entry, canUpdate } = await loadItem(deps, actor, data.projectId, data.itemId);
    // A signed-off gateway's card has no status, owner or due inputs: their absence is not a change to make.
    const changes = itemChangesFromCard(entry, data).filter((c) => canUpdate || c.field === 'note' || c.field === 'evidence');
    if (changes.length === 0) return { card: await itemView(deps, actor, projectId, entry.item.id, { message: 'Nothing had changed, so nothing was saved.' }) };
    const saved = await orFriendlyError(() =>
      updateChecklistItem(deps, { actor, projectId, itemId: entry.item.id, expectedVersion: versionInput(data), change: changes }),
    );
    if (isRefusal(saved)) {
      // What they typed stays on the card. After someone else's change only the note and link do: the status, owner and
      // date shown are then the other person's, so saving again cannot quietly undo them.
      const typed = typedOnItemCard(data);
      const kept = saved.error instanceof StaleEdit ? { note: typed.note, evidenceUrl: typed.evidenceUrl } : typed;
      return { card: await itemView(deps, actor, projectId, entry.item.id, { message: refusalLine(saved.error), typed: kept }) };
    }
    // Back to the item's own section of the checklist, where the person pressed Edit.
    return { card: await checklistView(deps, actor, projectId, stage, { section: entry.item.guideSection }) };
  });
}

/** The item card's inputs as sent; an input the card did not have stays absent, so the item's own value shows. */
function typedOnItemCard(data: Record<string, unknown>): ItemTyped {
  const typed: Partial<Record<keyof typeof ITEM_INPUTS, string>> = {};
  for (const [key, id] of Object.entries(ITEM_INPUTS) as [keyof typeof ITEM_INPUTS, string][]) {
    const value = data[id];
    if (typeof value === 'string') typed[key] = value;
  }
  return typed;
}
