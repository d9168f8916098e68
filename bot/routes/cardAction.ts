import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import type { Verb } from '../../cards/verbs';
import type { GatewayTurnState } from '../state';
import { invokeResponseCard, sendCard } from '../teams/cardMessage';
import { isRefusal, orFriendlyError } from './replies';

/** What a card button leads to: a new version of the card, or a short message (a refusal, a confirmation). */
export type CardActionResult = { readonly card: AdaptiveCardJson } | { readonly message: string };

export type CardActionHandler = (context: TurnContext, state: GatewayTurnState, data: Record<string, unknown>) => Promise<CardActionResult>;

/**
 * One handler for a verb pressed as `Action.Execute` (the card is replaced in place from the invoke response) and as
 * its `Action.Submit` fallback (older clients: the new card is posted as a reply). Domain refusals come back as a
 * message, never as the turn error handler's apology, because nothing went wrong on our side.
 */
export function onCardAction(app: Application<GatewayTurnState>, verb: Verb, handler: CardActionHandler): void {
  const run = async (context: TurnContext, state: GatewayTurnState, data: Record<string, unknown>): Promise<CardActionResult> => {
    const result = await orFriendlyError(() => handler(context, state, data));
    return isRefusal(result) ? { message: result.refused } : result;
  };
  app.adaptiveCards.actionExecute<Record<string, unknown>>(verb, async (context, state, data) => {
    const result = await run(context, state, data);
    return 'card' in result ? invokeResponseCard(result.card) : result.message;
  });
  app.adaptiveCards.actionSubmit<Record<string, unknown>>(verb, async (context, state, data) => {
    const result = await run(context, state, data);
    if ('card' in result) await sendCard(context, result.card);
    else await context.sendActivity(result.message);
  });
}
