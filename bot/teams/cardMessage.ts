import type { Activity, Attachment, TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory, TurnContext as BotTurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import { formatKilobytes, TEAMS_MESSAGE_LIMIT_BYTES, teamsMessageBytes } from '../../cards/teamsMessageSize';

/**
 * The Teams edge for cards: the one place that turns card JSON into a Bot Framework attachment, and the last check
 * that what leaves the bot is a message Teams accepts. Cards are plain JSON everywhere else, so a move to another
 * SDK (the Microsoft 365 Agents SDK) changes this file and not forty card renderers and routes.
 *
 * Each card is held to a budget when it is rendered (see `cards/render.ts`); this checks the whole activity, as
 * Teams measures it, because a card under budget inside a long envelope could still be refused.
 */

/** The activity would be refused by Teams (413 `MessageSizeTooBig`): a fault of ours, never sent half-way. */
export class MessageTooBig extends Error {
  constructor(readonly bytes: number) {
    super(`A message of ${formatKilobytes(bytes)} is over the ${formatKilobytes(TEAMS_MESSAGE_LIMIT_BYTES)} Teams accepts`);
    this.name = 'MessageTooBig';
  }
}

export function cardAttachment(card: AdaptiveCardJson): Attachment {
  return CardFactory.adaptiveCard(card);
}

/** A message holding one card, checked as Teams will see it once sent in reply to the turn's activity. */
export function cardMessage(context: TurnContext, card: AdaptiveCardJson): Partial<Activity> {
  const activity = MessageFactory.attachment(cardAttachment(card));
  const asSent = BotTurnContext.applyConversationReference({ ...activity }, BotTurnContext.getConversationReference(context.activity));
  assertDeliverable(asSent);
  return activity;
}

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(cardMessage(context, card));
}

/** Replaces a message the bot sent earlier (a form shown again in place) with a card. */
export async function updateCard(context: TurnContext, activityId: string, card: AdaptiveCardJson): Promise<void> {
  await context.updateActivity({ ...cardMessage(context, card), id: activityId });
}

/**
 * The card for an `Action.Execute` invoke response, which replaces the message it was pressed on, so it is held to
 * the same limit as a message.
 */
export function invokeResponseCard(card: AdaptiveCardJson): AdaptiveCardJson {
  assertDeliverable({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
  return card;
}

function assertDeliverable(payload: unknown): void {
  const bytes = teamsMessageBytes(payload);
  if (bytes > TEAMS_MESSAGE_LIMIT_BYTES) throw new MessageTooBig(bytes);
}
