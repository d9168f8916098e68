import type { AfterPostedHook } from '../jobs/weeklyHighlightJob';
import type { ProjectRepository } from '../migration/projects/projectRepository';
import { overdueReviewsByOwner } from '../migration/risks/overdueReviews';
import type { RiskRepository } from '../migration/risks/riskRepository';
import { formatOverdue, todayInLondon } from '../migration/shared/ukDates';
import type { PersonalNotices } from './personalNotices';

export interface OverdueReviewNotifierDeps {
  readonly projects: ProjectRepository;
  readonly risks: Pick<RiskRepository, 'all'>;
  readonly notices: PersonalNotices;
  readonly now: () => Date;
}

/**
 * Reminds owners of open log entries whose review date has passed, one message per owner, in their personal chats.
 * The weekly job calls it once a project's highlight for the week is posted, which happens once per week, so the
 * reminder is weekly too. Best effort through `personalNotices`: an owner the bot cannot reach is not told.
 */
export function overdueReviewNotifier(deps: OverdueReviewNotifierDeps): AfterPostedHook {
  return async (due) => {
    const project = await deps.projects.get(due.projectId).catch(() => undefined);
    if (!project) return;
    const today = todayInLondon(deps.now());
    for (const { owner, entries } of overdueReviewsByOwner(await deps.risks.all(due.projectId), today)) {
      const lines = entries.map((e) => `- "${e.title}": review ${formatOverdue(e.reviewDate, today)}`);
      const text =
        `${entries.length === 1 ? 'An entry you own' : `${entries.length} entries you own`} in the ${project.organisationName} migration's risks and issues log ` +
        `${entries.length === 1 ? 'is' : 'are'} past ${entries.length === 1 ? 'its' : 'their'} review date:\n\n${lines.join('\n')}\n\nType risks in the project team to review them.`;
      await deps.notices(project.tenantId, [{ userId: owner.id, label: owner.name }], text, { projectId: due.projectId });
    }
  };
}
