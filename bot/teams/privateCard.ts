import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import type { Logger } from '../log';
import { tenantOf } from '../security/tenantGuard';
import { cardAttachment } from './cardMessage';
import type { ReferenceStore } from './conversationReferences';
import type { ProactiveSender } from './proactiveSender';

/**
 * Sends a card to the person behind this turn in their personal chat with the bot, for answers about them alone
 * asked in a shared channel. Best effort, one retry (a turn waits for it); false when Gateway has no personal chat
 * with them or the send failed, so the channel reply can say how to ask privately instead.
 */
export function privateCardSender(deps: { readonly references: ReferenceStore; readonly sender: Pick<ProactiveSender, 'send'>; readonly logger: Logger }) {
  const log = deps.logger.child({ module: 'private-card' });
  return async (context: TurnContext, card: AdaptiveCardJson): Promise<boolean> => {
    const tenantId = tenantOf(context.activity);
    const userId = context.activity.from.id;
    if (tenantId === undefined) return false;
    try {
      const reference = await deps.references.get(tenantId, { kind: 'user', userId });
      if (!reference?.reachable) return false;
      const outcome = await deps.sender.send(
        { tenantId, conversationId: reference.conversationId, serviceUrl: reference.serviceUrl, botId: reference.botId, conversationType: reference.conversationType, referenceKey: reference.key },
        { type: 'message', attachments: [cardAttachment(card)] },
        { beforeAttempt: () => Promise.resolve(true), afterRetryableFailure: (attempt) => Promise.resolve(attempt <= 1) },
      );
      return outcome.kind === 'delivered';
    } catch (err: unknown) {
      log.warn({ err: err instanceof Error ? err.name : typeof err }, 'private card not sent');
      return false;
    }
  };
}
