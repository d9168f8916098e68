import type { Logger } from '../log';
import type { Actor } from '../migration/projects/actor';
import type { ProjectRepository } from '../migration/projects/projectRepository';
import { RAG_LABELS } from '../migration/risks/riskScore';
import type { RiskView } from '../migration/risks/riskView';
import type { EscalationNotice, EscalationNotifier } from '../routes/risks';
import type { ReferenceStore } from './conversationReferences';
import type { ProactiveSender } from './proactiveSender';

export interface EscalationNotifierDeps {
  readonly projects: ProjectRepository;
  readonly references: ReferenceStore;
  readonly sender: Pick<ProactiveSender, 'send'>;
  readonly logger: Logger;
}

/** A turn waits for these messages, so a struggling connector gets one retry, not the weekly job's patience. */
const RETRIES = 1;

/**
 * Tells the project manager and SRO in their personal chats that an entry of the log is now escalated, except the
 * person who made the change (they know). Best effort: someone who has never opened a personal chat with the bot
 * (no stored reference), or a send that fails, is named back so the reply can say so; nothing throws, so the save
 * already made always stands. Logs carry ids only.
 */
export function escalationNotifier(deps: EscalationNotifierDeps): EscalationNotifier {
  const log = deps.logger.child({ module: 'risk-escalation' });
  return async (actor: Actor, projectId: string, risk: RiskView): Promise<EscalationNotice> => {
    const told: string[] = [];
    const notTold: string[] = [];
    const project = await deps.projects.get(projectId).catch(() => undefined);
    if (!project) return { told, notTold };
    const leads = project.members.filter((m) => (m.role === 'project-manager' || m.role === 'sro') && m.userId !== actor.userId);
    const text =
      `${risk.entry.type === 'issue' ? 'An issue' : 'A risk'} on the ${project.organisationName} migration is now escalated to senior management: ` +
      `"${risk.entry.title}", score ${risk.score} (${RAG_LABELS[risk.rag]}), owned by ${risk.entry.owner.name}. ` +
      `Escalated by ${actor.name}${risk.entry.escalation.reason === undefined ? ' (its score reached the escalation level)' : `: ${risk.entry.escalation.reason}`}. Type risks in the project team to see the log.`;
    for (const lead of leads) {
      const label = `${lead.name} (${lead.role === 'sro' ? 'SRO' : 'project manager'})`;
      try {
        const reference = await deps.references.get(project.tenantId, { kind: 'user', userId: lead.userId });
        if (!reference?.reachable) {
          log.info({ projectId, riskId: risk.entry.riskId, userId: lead.userId }, 'escalation not told: no personal chat with the bot');
          notTold.push(label);
          continue;
        }
        const outcome = await deps.sender.send(
          {
            tenantId: project.tenantId,
            conversationId: reference.conversationId,
            serviceUrl: reference.serviceUrl,
            botId: reference.botId,
            conversationType: reference.conversationType,
            referenceKey: reference.key,
          },
          { type: 'message', text },
          { beforeAttempt: () => Promise.resolve(true), afterRetryableFailure: (attempt) => Promise.resolve(attempt <= RETRIES) },
        );
        if (outcome.kind === 'delivered') told.push(label);
        else {
          log.warn({ projectId, riskId: risk.entry.riskId, userId: lead.userId, outcome: outcome.kind }, 'escalation could not be told');
          notTold.push(label);
        }
      } catch (err) {
        log.warn({ projectId, riskId: risk.entry.riskId, userId: lead.userId, err: err instanceof Error ? err.name : 'unknown' }, 'escalation notice failed');
        notTold.push(label);
      }
    }
    return { told, notTold };
  };
}
