import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import type { Logger } from '../log';
import type { Project } from '../migration/projects/project';
import { cardAttachment } from './cardMessage';
import type { ReferenceStore } from './conversationReferences';
import type { ProactiveSender } from './proactiveSender';
import { resolveReportsTarget } from './reportsTarget';

/** Posts a card as a new thread in the project's channel; true when Teams took it. */
export type ProjectChannelPost = (project: Project, card: AdaptiveCardJson) => Promise<boolean>;

export interface ProjectChannelPosterDeps {
  readonly references: ReferenceStore;
  readonly sender: Pick<ProactiveSender, 'send'>;
  readonly fallbackBotId: string | undefined;
  readonly logger: Logger;
}

/** A turn waits for this post, so one retry, not the weekly job's patience. */
const RETRIES = 1;

/**
 * Into the channel the project's reports go to (the one it was set up in, or the one `reports here` named), through
 * the team's freshest reference and the shared sender, so it is paced with every other proactive message. Logs ids only.
 */
export function projectChannelPoster(deps: ProjectChannelPosterDeps): ProjectChannelPost {
  const log = deps.logger.child({ module: 'project-channel' });
  return async (project, card) => {
    if (project.reportsConversationRef === undefined) return false;
    try {
      const resolved = await resolveReportsTarget(
        { projectId: project.projectId, tenantId: project.tenantId, teamId: project.teamId, reportsTarget: project.reportsConversationRef },
        deps.references,
        deps.fallbackBotId,
      );
      if (!resolved.ok) {
        log.info({ projectId: project.projectId, reason: resolved.reason }, 'no channel to post to');
        return false;
      }
      const outcome = await deps.sender.send(
        resolved.target,
        { type: 'message', attachments: [cardAttachment(card)] },
        { beforeAttempt: () => Promise.resolve(true), afterRetryableFailure: (attempt) => Promise.resolve(attempt <= RETRIES) },
      );
      if (outcome.kind !== 'delivered') log.warn({ projectId: project.projectId, outcome: outcome.kind }, 'channel post not delivered');
      return outcome.kind === 'delivered';
    } catch (err) {
      log.warn({ projectId: project.projectId, err: err instanceof Error ? err.name : 'unknown' }, 'channel post failed');
      return false;
    }
  };
}
