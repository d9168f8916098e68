import type { UndeliveredHook } from '../jobs/weeklyHighlightJob';
import { mondayOfIsoWeek } from '../jobs/isoWeek';
import { undeliveredReason } from '../jobs/undeliveredReasons';
import type { ProjectRepository } from '../migration/projects/projectRepository';
import { formatUkDate } from '../migration/shared/ukDates';
import type { PersonalNotices } from './personalNotices';

export interface UndeliveredNotifierDeps {
  readonly projects: ProjectRepository;
  readonly notices: PersonalNotices;
}

/**
 * Tells the project manager(s) in their personal chats that the weekly highlight could not be posted, and why, in
 * the same words the highlight route uses. The weekly job calls it once, when the week's claim ends failed for good,
 * so retries never repeat it. Best effort: a PM the bot cannot reach is simply not told.
 */
export function undeliveredNotifier(deps: UndeliveredNotifierDeps): UndeliveredHook {
  return async (due, week, reason) => {
    const project = await deps.projects.get(due.projectId).catch(() => undefined);
    if (!project) return;
    const pms = project.members.filter((m) => m.role === 'project-manager');
    if (pms.length === 0) return;
    const text =
      `The weekly highlight report for the ${project.organisationName} migration (week beginning ${formatUkDate(mondayOfIsoWeek(week))}) ` +
      `could not be posted to the project team because ${undeliveredReason(reason)}. Type highlight in the project team to see the report.`;
    await deps.notices(
      project.tenantId,
      pms.map((pm) => ({ userId: pm.userId, label: pm.name })),
      text,
      { projectId: due.projectId, week },
    );
  };
}
