import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { Verbs } from '../../cards/verbs';
import type { IntentEntities, IntentName, Recognition } from '../recognition/intents';
import { isRecognised, UNKNOWN } from '../recognition/intents';
import { recognise } from '../recognition/recognise';
import type { Understanding } from '../recognition/understanding';
import type { GatewayTurnState } from '../state';

const RECOGNITION = Symbol('recognition');

/**
 * What the person said this turn: typed text, or the command a "did you mean …?" button carries. Recognised once per
 * turn, before any route (`registerRecognition`, which may wait for a model), and kept on the turn context, so every
 * route selector, the walkthrough and the fallback read the same answer. Read without that step (a route tested on
 * its own), it is the exact commands and their slips.
 */
export function recognitionOf(context: TurnContext): Recognition {
  const cached: unknown = context.turnState.get(RECOGNITION);
  if (cached !== undefined) return cached as Recognition;
  const text = saidIn(context);
  const recognition = text === undefined ? UNKNOWN : recognise(text);
  context.turnState.set(RECOGNITION, recognition);
  return recognition;
}

/** The one asynchronous step of the seam: the turn's recognition, worked out with every recogniser there is. */
async function understandTurn(context: TurnContext, understand: Understanding | undefined): Promise<Recognition> {
  if (understand === undefined) return recognitionOf(context);
  const cached: unknown = context.turnState.get(RECOGNITION);
  if (cached !== undefined) return cached as Recognition;
  const text = saidIn(context);
  const recognition = text === undefined ? UNKNOWN : await understand(text);
  context.turnState.set(RECOGNITION, recognition);
  return recognition;
}

function saidIn(context: TurnContext): string | undefined {
  const { activity } = context;
  if (activity.type !== 'message') return undefined;
  const value: unknown = activity.value;
  if ((activity.text ?? '').trim() === '' && typeof value === 'object' && value !== null && 'verb' in value && value.verb === Verbs.command) {
    return 'command' in value && typeof value.command === 'string' ? value.command : undefined;
  }
  return activity.text;
}

/** A teams-ai route selector: this turn is the command `intent`, understood well enough to act on. */
export function commandIs(intent: IntentName): (context: TurnContext) => Promise<boolean> {
  return (context) => {
    const recognition = recognitionOf(context);
    return Promise.resolve(recognition.intent === intent && isRecognised(recognition));
  };
}

/** The entities of the command a `commandIs(intent)` selector let through. */
export function commandOf<I extends IntentName>(context: TurnContext, intent: I): IntentEntities[I] {
  const recognition = recognitionOf(context);
  if (recognition.intent !== intent) throw new Error(`This turn is ${recognition.intent}, not ${intent}: route it with commandIs('${intent}')`);
  return recognition.entities as IntentEntities[I];
}

/**
 * Registered first: works out the turn's recognition (with `understand`, when given: the staff-question models) before
 * any other handler reads it. And the one place the "not understood" run is ended: any message recognised as a command (whichever route answers
 * it), and any card button, starts the count again. Only written when there is a run, so a turn changes no state
 * for it otherwise.
 */
export function registerRecognition(app: Application<GatewayTurnState>, understand?: Understanding): void {
  app.turn('beforeTurn', async (context, state) => {
    const understood = isRecognised(await understandTurn(context, understand)) || pressedAButton(context);
    if (understood && state.conversation.unrecognisedStreak !== undefined) delete state.conversation.unrecognisedStreak;
    return true;
  });
}

function pressedAButton(context: TurnContext): boolean {
  const { activity } = context;
  if (activity.type === 'invoke') return activity.name === 'adaptiveCard/action';
  const value: unknown = activity.value;
  return activity.type === 'message' && typeof value === 'object' && value !== null && 'verb' in value && typeof value.verb === 'string';
}
