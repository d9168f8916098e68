import type { Application } from '@microsoft/teams-ai';
import { versionInput } from '../../cards/cardData';
import { itemHistoryCardJson } from '../../cards/itemHistoryCard';
import { Verbs } from '../../cards/verbs';
import { findItem } from '../migration/gateways/catalogue';
import { getItemHistory } from '../migration/projects/getItemHistory';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { updateChecklistItem } from '../migration/projects/updateChecklistItem';
import { actorFrom } from '../teams/actorFrom';
import type { GatewayTurnState } from '../state';
import { onCardAction } from './cardAction';
import { commandIs, commandOf } from './commandSelector';
import { answerForProject } from './projectContext';
import { itemChangesFromCard } from './itemChangesFromCard';
import { assertItemOnStage, checklistView, firstOpenStage, itemView, loadItem } from './projectViews';
import { refusalOf } from '../migration/shared/errors';

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
    onCardAction(app, verb, async (context, _state, data) => ({ card: await checklistView(deps, actorFrom(context), data.projectId, data.stage) }));
  }

  onCardAction(app, Verbs.itemDone, async (context, _state, data) => {
    const actor = actorFrom(context);
    assertItemOnStage(deps, data.itemId, data.stage);
    await updateChecklistItem(deps, {
      actor,
      projectId: String(data.projectId),
      itemId: String(data.itemId),
      expectedVersion: versionInput(data),
      change: { field: 'status', status: 'done' },
    });
    return { card: await checklistView(deps, actor, data.projectId, data.stage) };
  });

  onCardAction(app, Verbs.itemEdit, async (context, _state, data) => ({ card: await itemView(deps, actorFrom(context), data.projectId, data.itemId) }));

  onCardAction(app, Verbs.itemHistory, async (context, _state, data) => {
    const actor = actorFrom(context);
    const itemId = String(data.itemId);
    const { item, stage } = findItem(deps.catalogue, itemId);
    const entries = await getItemHistory(deps, { actor, projectId: String(data.projectId), itemId });
    return { card: itemHistoryCardJson(item.action, entries, { projectId: String(data.projectId), stage: stage.number, itemId }) };
  });

  onCardAction(app, Verbs.itemSave, async (context, _state, data) => {
    const actor = actorFrom(context);
    assertItemOnStage(deps, data.itemId, data.stage);
    const { projectId, stage, entry } = await loadItem(deps, actor, data.projectId, data.itemId);
    const changes = itemChangesFromCard(entry, data);
    if (changes.length === 0) return { card: await itemView(deps, actor, projectId, entry.item.id, 'Nothing had changed, so nothing was saved.') };
    const refused = await refusalOf(() =>
      updateChecklistItem(deps, { actor, projectId, itemId: entry.item.id, expectedVersion: versionInput(data), change: changes }),
    );
    // Refused or stale: show the item as it is now, with why, so nothing typed is silently lost from view.
    if (refused !== undefined) return { card: await itemView(deps, actor, projectId, entry.item.id, refused) };
    return { card: await checklistView(deps, actor, projectId, stage) };
  });
}
