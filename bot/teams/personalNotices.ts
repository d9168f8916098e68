import type { Logger } from '../log';
import type { ReferenceStore } from './conversationReferences';
import type { ProactiveSender } from './proactiveSender';

/** Someone to tell, and how the reply names them when they could not be told. */
export interface NoticeRecipient {
  readonly userId: string;
  readonly label: string;
}

export interface NoticeOutcome {
  readonly told: readonly string[];
  readonly notTold: readonly string[];
}

/** Tells people something in their personal chats with the bot; see `personalNotices`. */
export type PersonalNotices = (tenantId: string, people: readonly NoticeRecipient[], text: string, about: Readonly<Record<string, string>>) => Promise<NoticeOutcome>;

export interface PersonalNoticesDeps {
  readonly references: ReferenceStore;
  readonly sender: Pick<ProactiveSender, 'send'>;
  readonly logger: Logger;
}

/** A turn waits for these messages, so a struggling connector gets one retry, not the weekly job's patience. */
const RETRIES = 1;

/**
 * Messages to people in their personal chats, during a turn, for things they should hear from Gateway rather than
 * second-hand (a role given to them, an escalation). Best effort: someone who has never opened a personal chat with
 * the bot (no stored reference), or a send that fails, is named back so the reply can say so; nothing throws, so the
 * change already saved always stands. Logs carry ids only (`about` holds ids, never names or text).
 */
export function personalNotices(deps: PersonalNoticesDeps): PersonalNotices {
  const log = deps.logger.child({ module: 'personal-notices' });
  return async (tenantId, people, text, about) => {
    const told: string[] = [];
    const notTold: string[] = [];
    for (const person of people) {
      try {
        const reference = await deps.references.get(tenantId, { kind: 'user', userId: person.userId });
        if (!reference?.reachable) {
          log.info({ ...about, userId: person.userId }, 'not told: no personal chat with the bot');
          notTold.push(person.label);
          continue;
        }
        const outcome = await deps.sender.send(
          {
            tenantId,
            conversationId: reference.conversationId,
            serviceUrl: reference.serviceUrl,
            botId: reference.botId,
            conversationType: reference.conversationType,
            referenceKey: reference.key,
          },
          { type: 'message', text },
          { beforeAttempt: () => Promise.resolve(true), afterRetryableFailure: (attempt) => Promise.resolve(attempt <= RETRIES) },
        );
        if (outcome.kind === 'delivered') told.push(person.label);
        else {
          log.warn({ ...about, userId: person.userId, outcome: outcome.kind }, 'could not be told');
          notTold.push(person.label);
        }
      } catch (err) {
        log.warn({ ...about, userId: person.userId, err: err instanceof Error ? err.name : 'unknown' }, 'notice failed');
        notTold.push(person.label);
      }
    }
    return { told, notTold };
  };
}
