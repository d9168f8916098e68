import type { Activity } from 'botbuilder';
import { highlightCardJson } from '../../cards/highlightCard';
import { openRisksCardJson } from '../../cards/openRisksCard';
import { CARD_BUDGET_BYTES, teamsMessageBytes } from '../../cards/teamsMessageSize';
import type { HighlightReport } from '../migration/reports/composeHighlight';
import { weekOf } from '../migration/reports/londonWeeks';
import { composeHighlightFor, type HighlightDeps } from '../migration/reports/readHighlight';
import { cardAttachment } from '../teams/cardMessage';
import { mondayOfIsoWeek, type IsoWeek } from './isoWeek';
import type { ComposeHighlight } from './weeklyHighlightJob';

/**
 * The weekly post: the highlight card and the open risks and issues beside it, in one message (one send, one claim,
 * so the pair arrive together or not at all). The risks card takes what room the highlight leaves in the 80 KB budget.
 *
 * `week` is the week reported on, which is also the claim's key: the Monday run reports on the week just ended
 * (weeklyHighlightJob.ts), and `post highlight now` on the week so far, under the same key, so the next Monday's run
 * finds it claimed and posts nothing more for that week.
 */
export function highlightComposer(deps: HighlightDeps): ComposeHighlight {
  return async (projectId: string, week: IsoWeek): Promise<Partial<Activity> | undefined> => {
    const report = await composeHighlightFor(deps, projectId, weekOf(mondayOfIsoWeek(week)));
    return report ? highlightActivity(report) : undefined;
  };
}

export function highlightActivity(report: HighlightReport): Partial<Activity> {
  const highlight = highlightCardJson(report);
  const risks = openRisksCardJson(report, CARD_BUDGET_BYTES - teamsMessageBytes(highlight) - 2 * 1024);
  const week = Number(report.weekKey.slice(6));
  return {
    type: 'message',
    text: `Weekly highlight for ${report.project.organisationName}, week ${week}: ${report.period.label}.`,
    attachments: [cardAttachment(highlight), cardAttachment(risks)],
  };
}
