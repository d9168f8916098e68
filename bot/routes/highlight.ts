import type { Application } from '@microsoft/teams-ai';
import { highlightCardJson } from '../../cards/highlightCard';
import type { DeliveryResult } from '../jobs/deliverOnce';
import type { IsoWeek } from '../jobs/isoWeek';
import type { ClaimStore, DueProject } from '../jobs/ports';
import { undeliveredReason } from '../jobs/undeliveredReasons';
import { assertMayPostReport, moveReports } from '../migration/reports/moveReports';
import { loadProjectFor } from '../migration/projects/projectAccess';
import { reportsTargetOf } from '../teams/conversationRef';
import { teamIdOf } from '../teams/actorFrom';
import { shiftWeek, weekContaining } from '../migration/reports/londonWeeks';
import { getHighlight, type HighlightDeps } from '../migration/reports/readHighlight';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import type { GatewayTurnState } from '../state';
import { commandIs } from './commandSelector';
import { resolveProject, sendReply } from './projectContext';
import { isRefusal, orFriendlyError } from './replies';

export interface HighlightRouteDeps {
  readonly projects: ProjectDeps;
  readonly report: HighlightDeps;
  /** To say when last week's post could not be delivered, and why. */
  readonly claims: Pick<ClaimStore, 'read'>;
  /** The week's post through its exactly-once claim (jobs/weeklyHighlightJob.ts, deliverHighlightNow). */
  readonly postNow: (project: DueProject, week: IsoWeek) => Promise<DeliveryResult>;
}

/**
 * `highlight`: this week's draft for the project team; `highlight last week`: the report for the week before. Both
 * say first when last week's post could not be delivered, and why, read from the week's claim.
 */
export function registerHighlight(app: Application<GatewayTurnState>, deps: HighlightRouteDeps): void {
  for (const [intent, weeksBack] of [['highlight', 0], ['highlight-last-week', 1]] as const) {
    app.message(commandIs(intent), async (context) => {
      const resolved = await resolveProject(deps.projects, context);
      if (!resolved.ok) {
        await sendReply(context, resolved.reply);
        return;
      }
      const projectId = resolved.found.project.projectId;
      const thisWeek = weekContaining(deps.report.clock.now());
      const week = shiftWeek(thisWeek, -weeksBack);
      const card = await orFriendlyError(async () => {
        const report = await getHighlight(deps.report, { actor: resolved.actor, projectId, week });
        const notice = await undeliveredNotice(deps, projectId, shiftWeek(thisWeek, -1).key);
        return highlightCardJson(report, { draft: weeksBack === 0, ...(notice !== undefined ? { notice } : {}) });
      });
      await sendReply(context, isRefusal(card) ? card.refused : card);
    });
  }

  app.message(commandIs('post-highlight'), async (context) => {
    const resolved = await resolveProject(deps.projects, context);
    if (!resolved.ok) {
      await sendReply(context, resolved.reply);
      return;
    }
    const reply = await orFriendlyError(async () => {
      const { project, role } = await loadProjectFor(deps.projects, resolved.actor, resolved.found.project.projectId);
      assertMayPostReport(role);
      if (project.reportsConversationRef === undefined) return NO_REPORTS_CHANNEL;
      const week = weekContaining(deps.report.clock.now()).key;
      const due: DueProject = { projectId: project.projectId, tenantId: project.tenantId, reportsTarget: project.reportsConversationRef, ...(project.teamId !== undefined ? { teamId: project.teamId } : {}) };
      return postNowReply(await deps.postNow(due, week));
    });
    await sendReply(context, isRefusal(reply) ? reply.refused : reply);
  });

  app.message(commandIs('reports-here'), async (context) => {
    if (teamIdOf(context) === undefined) {
      await sendReply(context, 'Type reports here in the team channel you want the weekly report in.');
      return;
    }
    const resolved = await resolveProject(deps.projects, context);
    if (!resolved.ok) {
      await sendReply(context, resolved.reply);
      return;
    }
    const reply = await orFriendlyError(async () => {
      const outcome = await moveReports(deps.projects, { actor: resolved.actor, projectId: resolved.found.project.projectId, target: reportsTargetOf(context) });
      return outcome === 'moved' ? 'Done: the weekly highlight report will be posted in this channel from now on.' : 'The weekly highlight report is already posted in this channel.';
    });
    await sendReply(context, isRefusal(reply) ? reply.refused : reply);
  });
}

const NO_REPORTS_CHANNEL = 'This project has no reports channel yet. Type reports here in the team channel you want the report in.';

function postNowReply(result: DeliveryResult): string {
  switch (result.outcome) {
    case 'sent':
      return "Posted this week's highlight report to the reports channel. Monday's run will not post this week's report again.";
    case 'already-done':
      return result.state === 'sent'
        ? "This week's highlight report has already been posted, so it was not posted again."
        : "This week's highlight report was tried already and could not be posted; type highlight to see why.";
    case 'held':
      return "This week's highlight report is being posted right now.";
    case 'failed':
      return `The highlight report could not be posted because ${undeliveredReason(result.reason)}.`;
    case 'uncertain':
      return 'The highlight report may not have arrived: the send was interrupted. It is not sent again, to avoid a duplicate.';
    case 'abandoned':
      return 'The highlight report was not posted: the bot is shutting down. Please try again in a minute.';
  }
}

/** "Last week's report could not be posted because …", or undefined when it went out (or was never due). */
export async function undeliveredNotice(deps: Pick<HighlightRouteDeps, 'claims'>, projectId: string, weekKey: string): Promise<string | undefined> {
  const found = await deps.claims.read(projectId, `highlight:${weekKey}`);
  if (!found || (found.claim.state !== 'failed' && found.claim.state !== 'uncertain')) return undefined;
  const reason = found.claim.reason;
  const why = undeliveredReason(reason);
  return `Last week's report could not be posted because ${why}.`;
}
