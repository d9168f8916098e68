import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { Logger } from './log';
import { isAllowedTenant } from './security/tenantGuard';
import type { GatewayTurnState } from './state';
import type { TurnQueue } from './turnQueue';

export interface TurnPipelineOptions {
  readonly app: Application<GatewayTurnState>;
  readonly queue: TurnQueue;
  readonly allowedTenantIds: readonly string[];
  readonly logger: Logger;
  /** Runs beside every allowed turn (e.g. refreshing stored conversation references); must not throw. */
  readonly observe?: (context: TurnContext) => Promise<void>;
}

/**
 * What runs for every authenticated activity: drop foreign tenants before any state is read, then run the turn
 * queued behind any other turn touching the same conversation or user state.
 */
export function createTurnPipeline(options: TurnPipelineOptions): (context: TurnContext) => Promise<void> {
  const log = options.logger.child({ module: 'turn' });
  return async (context) => {
    const activity = context.activity;
    if (!isAllowedTenant(activity, options.allowedTenantIds)) {
      log.warn({ activityType: activity.type }, 'activity from a tenant that is not allowed dropped');
      return;
    }
    const keys = [
      `${activity.channelId}/${activity.recipient.id}/conversations/${activity.conversation.id}`,
      `${activity.channelId}/${activity.recipient.id}/users/${activity.from.id}`,
    ];
    await Promise.all([
      options.queue.run(keys, async () => {
        await options.app.run(context);
      }),
      options.observe?.(context),
    ]);
  };
}
