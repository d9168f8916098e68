import type { Application } from '@microsoft/teams-ai';
import { myActionsCardJson } from '../../cards/myActionsCard';
import { statusCardJson } from '../../cards/statusCard';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../migration/projects/actor';
import { getMyActions } from '../migration/projects/getMyActions';
import { getStatus } from '../migration/projects/getStatus';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { onCardAction } from './cardAction';
import { commandIs } from './commandSelector';
import { answerForProject } from './projectContext';

/** `status` (the dashboard) and `my actions` (what is waiting for the person asking), typed or from a card. */
export function registerStatus(app: Application<GatewayTurnState>, deps: ProjectDeps): void {
  const views = {
    status: async (actor: Actor, projectId: string) => statusCardJson(await getStatus(deps, { actor, projectId })),
    'my-actions': async (actor: Actor, projectId: string) => myActionsCardJson(await getMyActions(deps, { actor, projectId })),
  } as const;

  const next = {
    status: { verb: Verbs.statusShow, purpose: 'see the status' },
    'my-actions': { verb: Verbs.myActionsShow, purpose: 'see your actions' },
  } as const;
  for (const kind of ['status', 'my-actions'] as const) {
    app.message(commandIs(kind), async (context) => {
      await answerForProject(deps, context, views[kind], next[kind]);
    });
  }

  onCardAction(app, Verbs.statusShow, async (context, _state, data) => ({ card: await views.status(actorFrom(context), String(data.projectId)) }));
  onCardAction(app, Verbs.myActionsShow, async (context, _state, data) => ({ card: await views['my-actions'](actorFrom(context), String(data.projectId)) }));
}
