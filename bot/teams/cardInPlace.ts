import type { ConversationReference } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import type { Logger } from '../log';
import { isAllowedServiceUrl } from '../security/serviceUrlGuard';
import { cardAttachment } from './cardMessage';
import type { ReferenceStore } from './conversationReferences';
import { toConversationReference } from './conversationReferences';
import type { ProactiveSender } from './proactiveSender';
import type { GatewayAdapter } from './gatewayAdapter';

/**
 * A card the bot sent, to be replaced later from outside any turn (a long job's progress, then its result). Kept in
 * memory by the job that owns it: the conversation as the turn (or stored reference) gave it, and the message id.
 */
export interface CardPlace {
  readonly reference: Partial<ConversationReference>;
  readonly activityId: string;
}

export interface CardsInPlace {
  /** Replaces the card at `place`; false when Teams refused or the service URL is not allowed (nothing sent). */
  update(place: CardPlace, card: AdaptiveCardJson): Promise<boolean>;
  /** Posts a card into the person's personal chat (stored reference), for a job started from the upload page. */
  postToPerson(tenantId: string, userId: string, card: AdaptiveCardJson): Promise<CardPlace | undefined>;
}

export function cardsInPlace(deps: {
  readonly adapter: Pick<GatewayAdapter, 'continueConversationAsync'>;
  readonly botAppId: string;
  readonly allowedServiceUrlHosts: readonly string[];
  readonly references: ReferenceStore;
  readonly sender: Pick<ProactiveSender, 'send'>;
  readonly logger: Logger;
}): CardsInPlace {
  const log = deps.logger.child({ module: 'cards-in-place' });
  return {
    async update(place, card) {
      if (!isAllowedServiceUrl(place.reference.serviceUrl ?? '', deps.allowedServiceUrlHosts)) return false;
      try {
        await deps.adapter.continueConversationAsync(deps.botAppId, place.reference, async (context) => {
          await context.updateActivity({ ...MessageFactory.attachment(cardAttachment(card)), id: place.activityId });
        });
        return true;
      } catch (err: unknown) {
        log.warn({ err: err instanceof Error ? err.name : typeof err }, 'card not updated in place');
        return false;
      }
    },
    async postToPerson(tenantId, userId, card) {
      const reference = await deps.references.get(tenantId, { kind: 'user', userId });
      if (!reference?.reachable) return undefined;
      const target = { tenantId, conversationId: reference.conversationId, serviceUrl: reference.serviceUrl, botId: reference.botId, conversationType: reference.conversationType, referenceKey: reference.key };
      const outcome = await deps.sender.send(target, { type: 'message', attachments: [cardAttachment(card)] }, { beforeAttempt: () => Promise.resolve(true), afterRetryableFailure: (attempt) => Promise.resolve(attempt <= 2) });
      if (outcome.kind !== 'delivered') return undefined;
      return { reference: toConversationReference(target), activityId: outcome.activityId };
    },
  };
}
