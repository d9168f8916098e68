import type { Activity } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { statusCardJson } from '../../cards/statusCard';
import { cardAttachment } from '../teams/cardMessage';
import { formatUkDate, addDays } from '../migration/shared/ukDates';
import type { Actor } from '../migration/projects/actor';
import { getStatus } from '../migration/projects/getStatus';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { mondayOfIsoWeek, type IsoWeek } from './isoWeek';
import type { ComposeHighlight } from './weeklyHighlightJob';

/**
 * INTERIM COMPOSER, to be replaced by the full highlight report composer (bot/migration/reports/: RAG, work done and
 * planned, risks and issues, forecast, burn-down). Until then the weekly post is the project's real status from
 * existing data: progress per gateway, what is overdue and the days to cutover (getStatus and the status card), headed
 * with the week it reports on. Swap it by passing another `ComposeHighlight` to startGateway.
 *
 * getStatus checks the reader's role; the weekly post has no reader, so it reads as the project's first project
 * manager (or its creator), which every project has. Read-only: nothing is written in their name.
 */
export function interimHighlightComposer(deps: ProjectDeps): ComposeHighlight {
  return async (projectId: string, week: IsoWeek): Promise<Partial<Activity> | undefined> => {
    const project = await deps.projects.get(projectId);
    if (!project) return undefined;
    const reader = project.members.find((m) => m.role === 'project-manager');
    const actor: Actor = reader
      ? { tenantId: project.tenantId, userId: reader.userId, name: reader.name, ...(reader.aadObjectId === undefined ? {} : { aadObjectId: reader.aadObjectId }) }
      : { tenantId: project.tenantId, userId: project.createdBy.id, name: project.createdBy.name };
    const status = await getStatus(deps, { actor, projectId });
    const monday = mondayOfIsoWeek(week);
    const heading = `Weekly highlight for ${project.organisationName}, week ${Number(week.slice(6))}: ${formatUkDate(monday)} to ${formatUkDate(addDays(monday, 6))}.`;
    return MessageFactory.attachment(cardAttachment(statusCardJson(status)), heading);
  };
}
