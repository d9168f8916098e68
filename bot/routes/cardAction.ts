import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { parseCardData, type CardData } from '../../cards/cardData';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import type { Verb } from '../../cards/verbs';
import { friendlyText, StaleEdit, type DomainError } from '../migration/shared/errors';
import type { GatewayTurnState } from '../state';
import { invokeResponseCard, sendCard } from '../teams/cardMessage';
import { isRefusal, orFriendlyError } from './replies';

/** What a card button leads to: a new version of the card, or a short message (a refusal, a confirmation). */
export type CardActionResult = { readonly card: AdaptiveCardJson } | { readonly message: string };

export type CardActionHandler<V extends Verb> = (context: TurnContext, state: GatewayTurnState, data: CardData<V>) => Promise<CardActionResult>;

/**
 * The card as it stands now, for a press that was refused (an out-of-date copy, a role lost meanwhile), so the person
 * sees the latest state rather than a line under a stale card. `message` is for the card to show at its top; it is
 * absent when the message is sent on its own.
 */
export type LatestCard = (context: TurnContext, data: Record<string, unknown>, message?: string) => Promise<AdaptiveCardJson>;

/**
 * One handler for a verb pressed as `Action.Execute` (the card is replaced in place from the invoke response) and as
 * its `Action.Submit` fallback (older clients: the new card is posted as a reply). Domain refusals come back as a
 * message, never as the turn error handler's apology, because nothing went wrong on our side; with `latest`, the
 * refusal also brings the card up to date: on Execute the latest card with the message on it, on Submit the message
 * and then the latest card. The handler gets the card's data parsed by the verb's schema (cards/cardData.ts); data
 * that does not fit is refused before it runs.
 */
export function onCardAction<V extends Verb>(app: Application<GatewayTurnState>, verb: V, handler: CardActionHandler<V>, latest?: LatestCard): void {
  const run = async (context: TurnContext, state: GatewayTurnState, raw: Record<string, unknown>): Promise<{ result: CardActionResult; refused?: undefined } | { refused: string }> => {
    const parsed = parseCardData(verb, raw);
    if (!parsed.ok) return { result: { message: parsed.refusal } };
    const outcome = await orFriendlyError(() => handler(context, state, parsed.data));
    return isRefusal(outcome) ? { refused: refusalLine(outcome.error) } : { result: outcome };
  };
  /** The latest card, unless it cannot be shown either (the project is gone, say): then the message alone. */
  const latestOrNothing = async (context: TurnContext, data: Record<string, unknown>, message?: string) => {
    if (latest === undefined) return undefined;
    const card = await orFriendlyError(() => latest(context, data, message));
    return isRefusal(card) ? undefined : card;
  };

  app.adaptiveCards.actionExecute<Record<string, unknown>>(verb, async (context, state, data) => {
    const outcome = await run(context, state, data);
    if (outcome.refused !== undefined) {
      const card = await latestOrNothing(context, data, outcome.refused);
      return card === undefined ? outcome.refused : invokeResponseCard(card);
    }
    return 'card' in outcome.result ? invokeResponseCard(outcome.result.card) : outcome.result.message;
  });
  app.adaptiveCards.actionSubmit<Record<string, unknown>>(verb, async (context, state, data) => {
    const outcome = await run(context, state, data);
    if (outcome.refused !== undefined) {
      await context.sendActivity(outcome.refused);
      const card = await latestOrNothing(context, data);
      if (card !== undefined) await sendCard(context, card);
      return;
    }
    const { result } = outcome;
    if ('card' in result) await sendCard(context, result.card);
    else await context.sendActivity(result.message);
  });
}

/** A refusal as one line; a stale copy is told that what follows is the latest, not to go and refresh. */
export function refusalLine(err: DomainError): string {
  return err instanceof StaleEdit ? `${err.message} This is how it stands now.` : friendlyText(err);
}
