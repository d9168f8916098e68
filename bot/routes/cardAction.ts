import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { parseCardData, type CardData } from '../../cards/cardData';
import type { Verb } from '../../cards/verbs';
import type { GatewayTurnState } from '../state';
import { isRefusal, orFriendlyError } from './replies';

/** What a card button leads to: a new version of the card, or a short message (a refusal, a confirmation). */
export type CardActionResult = { readonly card: Record<string, unknown> } | { readonly message: string };

export type CardActionHandler<V extends Verb> = (context: TurnContext, state: GatewayTurnState, data: CardData<V>) => Promise<CardActionResult>;

/**
 * One handler for a verb pressed as `Action.Execute` (the card is replaced in place from the invoke response) and as
 * its `Action.Submit` fallback (older clients: the new card is posted as a reply). Domain refusals come back as a
 * message, never as the turn error handler's apology, because nothing went wrong on our side. The handler gets the
 * card's data parsed by the verb's schema (cards/cardData.ts); data that does not fit is refused before it runs.
 */
export function onCardAction<V extends Verb>(app: Application<GatewayTurnState>, verb: V, handler: CardActionHandler<V>): void {
  const run = async (context: TurnContext, state: GatewayTurnState, raw: Record<string, unknown>): Promise<CardActionResult> => {
    const parsed = parseCardData(verb, raw);
    if (!parsed.ok) return { message: parsed.refusal };
    const result = await orFriendlyError(() => handler(context, state, parsed.data));
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
