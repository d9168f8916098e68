import type { Actor } from '../migration/projects/actor';
import type { ProjectRepository } from '../migration/projects/projectRepository';
import { RAG_LABELS } from '../migration/risks/riskScore';
import type { RiskView } from '../migration/risks/riskView';
import type { EscalationNotice, EscalationNotifier } from '../routes/risks';
import type { PersonalNotices } from './personalNotices';

export interface EscalationNotifierDeps {
  readonly projects: ProjectRepository;
  readonly notices: PersonalNotices;
}

/**
 * Tells the project manager and SRO in their personal chats that an entry of the log is now escalated, except the
 * person who made the change (they know). Best effort, through `personalNotices`: whoever could not be told is named
 * back so the reply can say so, and the save already made always stands.
 */
export function escalationNotifier(deps: EscalationNotifierDeps): EscalationNotifier {
  return async (actor: Actor, projectId: string, risk: RiskView): Promise<EscalationNotice> => {
    const project = await deps.projects.get(projectId).catch(() => undefined);
    if (!project) return { told: [], notTold: [] };
    const leads = project.members.filter((m) => (m.role === 'project-manager' || m.role === 'sro') && m.userId !== actor.userId);
    const text =
      `${risk.entry.type === 'issue' ? 'An issue' : 'A risk'} on the ${project.organisationName} migration is now escalated to senior management: ` +
      `"${risk.entry.title}", score ${risk.score} (${RAG_LABELS[risk.rag]}), owned by ${risk.entry.owner.name}. ` +
      `${escalatedHow(actor, risk)} Type risks in the project team to see the log.`;
    const recipients = leads.map((lead) => ({ userId: lead.userId, label: `${lead.name} (${lead.role === 'sro' ? 'SRO' : 'project manager'})` }));
    return deps.notices(project.tenantId, recipients, text, { projectId, riskId: risk.entry.riskId });
  };
}

/** Who or what escalated it: a score escalation names no person, as nobody chose it. */
function escalatedHow(actor: Actor, risk: RiskView): string {
  const { escalation } = risk.entry;
  if (escalation.setBy === 'score') return `It escalated by itself when ${actor.name} saved it: its score reached the escalation level, at which senior management is told.`;
  const reason = escalation.reason?.trim().replace(/[.!\s]+$/, '');
  return reason === undefined || reason === '' ? `Escalated by ${actor.name}.` : `Escalated by ${actor.name}: ${reason}.`;
}
