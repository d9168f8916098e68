import type { TurnContext } from 'botbuilder';
import { tenantOf } from '../security/tenantGuard';

/**
 * Where a project's reports go, kept as an opaque string by the domain: the channel (not the thread the set-up
 * happened in) and the service URL to post through. Proactive sends check the service URL against the allow-list
 * again, so a stored value cannot redirect the bot.
 */
export interface ReportsTarget {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly tenantId: string;
}

export function reportsTargetOf(context: TurnContext): string {
  const activity = context.activity;
  const channelData: unknown = activity.channelData;
  const channelId =
    typeof channelData === 'object' && channelData !== null && 'channel' in channelData && typeof channelData.channel === 'object' && channelData.channel !== null && 'id' in channelData.channel && typeof channelData.channel.id === 'string'
      ? channelData.channel.id
      : undefined;
  // A channel thread's id is the channel's plus ";messageid=…"; reports start new threads in the channel.
  const conversationId = channelId ?? activity.conversation.id.split(';')[0] ?? activity.conversation.id;
  const target: ReportsTarget = { serviceUrl: activity.serviceUrl, conversationId, tenantId: tenantOf(activity) ?? '' };
  return JSON.stringify(target);
}
