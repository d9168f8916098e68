import type { Application } from '@microsoft/teams-ai';
import { highlightCardJson } from '../../cards/highlightCard';
import type { ClaimStore } from '../jobs/ports';
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
}

/** Why a claim ended without a post, in words for the project team. */
const UNDELIVERED_REASONS: Readonly<Record<string, string>> = {
  removed: 'Gateway had been removed from the team, or blocked (add it to the team again and the next report goes out)',
  'no-target': 'the project has no channel to post in (type reports here in the channel you want)',
  'interrupted-while-sending': 'the bot stopped while sending it, so it may or may not have arrived; it was not sent again, to avoid a duplicate',
};

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
}

/** "Last week's report could not be posted because …", or undefined when it went out (or was never due). */
export async function undeliveredNotice(deps: Pick<HighlightRouteDeps, 'claims'>, projectId: string, weekKey: string): Promise<string | undefined> {
  const found = await deps.claims.read(projectId, `highlight:${weekKey}`);
  if (!found || (found.claim.state !== 'failed' && found.claim.state !== 'uncertain')) return undefined;
  const reason = found.claim.reason;
  const why = reason !== undefined ? (UNDELIVERED_REASONS[reason] ?? `Teams refused it (${reason})`) : 'Teams did not accept it';
  return `Last week's report could not be posted because ${why}.`;
}
