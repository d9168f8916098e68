import type { Application } from '@microsoft/teams-ai';
import { SIGN_OFF_INPUTS, signOffCardJson } from '../../cards/signOffCard';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../migration/projects/actor';
import { getChecklist } from '../migration/projects/getChecklist';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { recordGatewayDecision } from '../migration/projects/recordGatewayDecision';
import { reopenGateway } from '../migration/projects/reopenGateway';
import { parseStage } from '../migration/projects/stageInput';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { onCardAction } from './cardAction';
import { textInput } from '../../cards/cardData';
import { commandIs, commandOf } from './commandSelector';
import { answerForProject } from './projectContext';
import { refusalOf } from '../migration/shared/errors';

/**
 * Gateway review and sign-off: the readiness check, go / no-go with a comment, and reopening with a reason. A
 * refused decision comes back on the card itself, with the blockers, so the person sees what to do next.
 */
export function registerSignOff(app: Application<GatewayTurnState>, deps: ProjectDeps): void {
  const view = async (actor: Actor, projectId: string, stage: unknown, message?: string) =>
    signOffCardJson(await getChecklist(deps, { actor, projectId, stage: parseStage(stage) }), message === undefined ? {} : { message });

  /** Runs a decision, then shows the card as it now stands, or as it stood with why the decision was refused. */
  const decide = async (actor: Actor, data: Record<string, unknown>, act: () => Promise<unknown>, done: string) => {
    const refused = await refusalOf(act);
    return { card: await view(actor, String(data.projectId), data.stage, refused ?? done) };
  };

  app.message(commandIs('sign-off'), async (context) => {
    const stage = commandOf(context, 'sign-off').stage;
    if (stage === undefined) {
      await context.sendActivity('Which gateway? For example: sign off gateway 1');
      return;
    }
    await answerForProject(deps, context, (actor, projectId) => view(actor, projectId, stage), {
      verb: Verbs.signoffShow,
      data: { stage: String(stage) },
      purpose: `sign off gateway ${stage}`,
    });
  });

  onCardAction(app, Verbs.signoffShow, async (context, _state, data) => ({ card: await view(actorFrom(context), String(data.projectId), data.stage) }));

  onCardAction(app, Verbs.gatewayDecide, async (context, _state, data) => {
    const actor = actorFrom(context);
    const outcome = data[SIGN_OFF_INPUTS.outcome];
    if (outcome !== 'go' && outcome !== 'no-go') return { card: await view(actor, String(data.projectId), data.stage, 'Please choose Go or No-go.') };
    const comment = textInput(data, SIGN_OFF_INPUTS.comment);
    return decide(
      actor,
      data,
      () => recordGatewayDecision(deps, { actor, projectId: String(data.projectId), stage: parseStage(data.stage), outcome, comment }),
      outcome === 'go' ? 'Decision recorded: go.' : 'Decision recorded: no-go.',
    );
  });

  onCardAction(app, Verbs.gatewayReopen, async (context, _state, data) => {
    const actor = actorFrom(context);
    const reason = textInput(data, SIGN_OFF_INPUTS.reason);
    return decide(actor, data, () => reopenGateway(deps, { actor, projectId: String(data.projectId), stage: parseStage(data.stage), reason }), 'Gateway reopened.');
  });
}
