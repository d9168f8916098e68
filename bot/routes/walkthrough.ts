import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs';
import { parseCardData } from '../../cards/cardData';
import { Verbs } from '../../cards/verbs';
import { DialogStateAccessor } from '../../dialogs/dialogStateAccessor';
import { WALKTHROUGH_DIALOG, WalkthroughDialog } from '../../dialogs/walkthroughDialog';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { isRecognised } from '../recognition/intents';
import { commandIs, commandOf, recognitionOf } from './commandSelector';
import { resolveProject, sendReply } from './projectContext';
import { firstOpenStage } from './projectViews';
import { isRefusal, orFriendlyError } from './replies';

/**
 * The gateway walkthrough, a botbuilder dialog kept in teams-ai conversation state. While it runs, it sees every
 * message first (before any route), so its card buttons and a typed `stop` reach it; a typed command such as
 * `status` ends it and is then answered as usual, so nobody gets stuck inside it.
 */
export function registerWalkthrough(app: Application<GatewayTurnState>, deps: ProjectDeps): void {
  /** This person's dialog stack in this conversation. */
  const holderFor = (context: TurnContext, state: GatewayTurnState) => {
    const all = (state.conversation.dialogStates ??= {});
    return (all[context.activity.from.id] ??= {});
  };
  const dialogsFor = (context: TurnContext, state: GatewayTurnState): DialogSet => {
    const dialogs = new DialogSet(new DialogStateAccessor(holderFor(context, state)));
    dialogs.add(new WalkthroughDialog(deps, actorFrom, (context) => recognitionOf(context).intent === 'stop'));
    return dialogs;
  };

  /** A finished walk leaves nothing behind in the conversation's state. */
  const forgetIfDone = (context: TurnContext, state: GatewayTurnState): void => {
    const all = state.conversation.dialogStates;
    if (all && (all[context.activity.from.id]?.dialogState?.dialogStack.length ?? 0) === 0) delete all[context.activity.from.id];
  };

  app.turn('beforeTurn', async (context, state) => {
    if (context.activity.type !== 'message' || (state.conversation.dialogStates?.[context.activity.from.id]?.dialogState?.dialogStack.length ?? 0) === 0) {
      return true;
    }
    const dc = await dialogsFor(context, state).createContext(context);
    const said = recognitionOf(context);
    if (isRecognised(said) && said.intent !== 'stop') {
      // Any other command ends the walk and is answered as usual; `walk me through …` starts a new one.
      await dc.cancelAllDialogs();
      forgetIfDone(context, state);
      if (said.intent !== 'walkthrough') await context.sendActivity('I have stopped the walkthrough.');
      return true;
    }
    const result = await orFriendlyError(() => dc.continueDialog());
    if (isRefusal(result)) {
      await dc.cancelAllDialogs();
      await context.sendActivity(result.refused);
    }
    forgetIfDone(context, state);
    return false;
  });

  const begin = async (context: TurnContext, state: GatewayTurnState, projectId: string, stage: number): Promise<void> => {
    const dc = await dialogsFor(context, state).createContext(context);
    await dc.cancelAllDialogs();
    const result = await orFriendlyError(() => dc.beginDialog(WALKTHROUGH_DIALOG, { projectId, stage }));
    if (isRefusal(result)) await context.sendActivity(result.refused);
    forgetIfDone(context, state);
  };

  app.message(commandIs('walkthrough'), async (context, state) => {
    const where = await orFriendlyError(() => resolveProject(deps, context));
    if (isRefusal(where)) return void (await context.sendActivity(where.refused));
    if (!where.ok) return void (await sendReply(context, where.reply));
    const projectId = where.found.project.projectId;
    const asked = commandOf(context, 'walkthrough').stage;
    const stage = asked ?? (await firstOpenStage(deps, where.actor, projectId));
    await begin(context, state, projectId, stage);
  });

  app.adaptiveCards.actionSubmit<Record<string, unknown>>(Verbs.walkthroughStart, async (context, state, raw) => {
    const parsed = parseCardData(Verbs.walkthroughStart, raw);
    if (!parsed.ok) return void (await context.sendActivity(parsed.refusal));
    await begin(context, state, parsed.data.projectId, parsed.data.stage);
  });
}
