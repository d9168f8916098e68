import type { Application } from '@microsoft/teams-ai';
import { welcomeCard } from '../../cards/welcomeCard';
import type { GatewayTurnState } from '../state';
import { sendCard } from '../teams/cardMessage';
import { CAPABILITIES } from './capabilities';
import { linkPersonalInstall, type InstallLinkRouteDeps } from './installLink';
import { scopeOf } from './scope';

/**
 * Greets once, when the bot itself is added to a team, group chat or personal chat. Teams also sends
 * `installationUpdate` for the same install; answering only `membersAdded` for the bot avoids a double welcome,
 * and people joining the team later are not greeted by a bot they did not ask for. A personal install (the person's
 * own, or an administrator's for everyone) also matches the person to their staff record, after the welcome.
 */
export function registerInstall(app: Application<GatewayTurnState>, link?: InstallLinkRouteDeps): void {
  app.conversationUpdate('membersAdded', async (context, state) => {
    const botId = context.activity.recipient.id;
    const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
    if (!botWasAdded) return;
    const scope = scopeOf(context);
    await sendCard(context, welcomeCard({ scope, capabilities: CAPABILITIES }));
    if (link !== undefined && scope === 'personal') await linkPersonalInstall(link, context, state);
  });
}
