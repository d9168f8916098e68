import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Verb } from '../../cards/verbs';
import type { GatewayTurnState } from '../state';
import { isRefusal, orFriendlyError } from './replies';

/** What a card button leads to: a new version of the card, or a short message (a refusal, a confirmation). */
export type CardActionResult = { readonly card: Record<string, unknown> } | { readonly message: string };

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
    return 'card' in result ? { ...result.card, type: 'AdaptiveCard' } : result.message;
  });
  app.adaptiveCards.actionSubmit<Record<string, unknown>>(verb, async (context, state, data) => {
    const result = await run(context, state, data);
    await context.sendActivity('card' in result ? MessageFactory.attachment(CardFactory.adaptiveCard(result.card)) : result.message);
  });
}
