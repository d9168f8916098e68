import type { Application } from '@microsoft/teams-ai';
import { welcomeCard } from '../../cards/welcomeCard';
import type { GatewayTurnState } from '../state';
import { sendCard } from '../teams/cardMessage';
import { CAPABILITIES } from './capabilities';
import { scopeOf } from './scope';

/**
 * Greets once, when the bot itself is added to a team, group chat or personal chat. Teams also sends
 * `installationUpdate` for the same install; answering only `membersAdded` for the bot avoids a double welcome,
 * and people joining the team later are not greeted by a bot they did not ask for.
 */
export function registerInstall(app: Application<GatewayTurnState>): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient.id;
    const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
    if (!botWasAdded) return;
    await sendCard(context, welcomeCard({ scope: scopeOf(context), capabilities: CAPABILITIES }));
  });
}
