import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { helpCard } from '../../cards/helpCard';
import { Verbs } from '../../cards/verbs';
import type { GatewayTurnState } from '../state';
import { sendCard } from '../teams/cardMessage';
import { CAPABILITIES } from './capabilities';
import { commandIs } from './commandSelector';
import { scopeOf } from './scope';

export async function sendHelp(context: TurnContext): Promise<void> {
  await sendCard(context, helpCard({ scope: scopeOf(context), capabilities: CAPABILITIES }));
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
