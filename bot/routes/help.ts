import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import { helpCard } from '../../cards/helpCard';
import { Verbs } from '../../cards/verbs';
import type { GatewayTurnState } from '../state';
import { sendCard } from '../teams/cardMessage';
import { CAPABILITIES } from './capabilities';
import { commandIs } from './commandSelector';
import { scopeOf } from './scope';

/** The help card is the same for every turn in a kind of chat, and it is shown on every third miss: draw it once. */
const helpCards = new Map<ReturnType<typeof scopeOf>, AdaptiveCardJson>();

export async function sendHelp(context: TurnContext): Promise<void> {
  const scope = scopeOf(context);
  let card = helpCards.get(scope);
  if (card === undefined) {
    card = helpCard({ scope, capabilities: CAPABILITIES });
    helpCards.set(scope, card);
  }
  await sendCard(context, card);
}

/** `help` typed (after any @mention is stripped) or the welcome card's "Show help" button. */
export function registerHelp(app: Application<GatewayTurnState>): void {
  app.message(commandIs('help'), async (context) => {
    await sendHelp(context);
  });
  app.adaptiveCards.actionSubmit(Verbs.help, async (context) => {
    await sendHelp(context);
  });
}
