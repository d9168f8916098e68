import type { IsoTimestamp } from '../gateways/gatewayState';
import { formatUkDate, formatUkDateTime, todayInLondon, type IsoDate } from '../shared/ukDates';

/** Gateway 2's items that the log and the report answer: their cards show how those stand. */
export const RISK_LOG_ITEM = 'g2-risk-log';
export const HIGHLIGHT_REPORT_ITEM = 'g2-highlight-report';

export interface RiskLogSummary {
  readonly open: number;
  readonly escalated: number;
  readonly pastReview: number;
  /** The newest change to any entry, closed ones included; absent for an empty log. */
  readonly lastChanged?: IsoTimestamp;
}

export interface LastHighlightPost {
  readonly week: string;
  readonly state: 'sent' | 'failed' | 'uncertain' | 'claimed' | 'sending';
  readonly at: IsoTimestamp;
  /** For a post that could not be made: what Teams or Gateway said, in words. */
  readonly why?: string;
}

/** Where the lines come from: one small query each, run only for the item that needs it. */
export interface ChecklistLogSources {
  riskLogSummary(projectId: string, today: IsoDate): Promise<RiskLogSummary>;
  lastHighlightPost(projectId: string): Promise<LastHighlightPost | undefined>;
}

/**
 * The line an item card shows about the log or the report it stands for ("Risks log: 12 open (2 escalated, 3 past
 * their review date), last changed 28 Nov 2026"), so ticking it off is checked against what Gateway already knows.
 * Undefined for every other item, which therefore costs nothing more.
 */
export async function checklistLogLine(sources: ChecklistLogSources, projectId: string, itemId: string, now: Date): Promise<string | undefined> {
  if (itemId === RISK_LOG_ITEM) {
    const log = await sources.riskLogSummary(projectId, todayInLondon(now));
    if (log.lastChanged === undefined) return 'Risks log: nothing logged yet (type risk: and a title to add one).';
    const details = [...(log.escalated > 0 ? [`${log.escalated} escalated`] : []), ...(log.pastReview > 0 ? [`${log.pastReview} past their review date`] : [])];
    return `Risks log: ${log.open} open${details.length > 0 ? ` (${details.join(', ')})` : ''}, last changed ${formatUkDate(todayInLondon(new Date(log.lastChanged)))}`;
  }
  if (itemId === HIGHLIGHT_REPORT_ITEM) {
    const post = await sources.lastHighlightPost(projectId);
    if (post === undefined) return 'Highlight report: not posted yet.';
    const week = `week ${Number(post.week.slice(6))}`;
    switch (post.state) {
      case 'sent':
        return `Highlight report: last posted ${formatUkDateTime(post.at)} (${week}).`;
      case 'failed':
      case 'uncertain':
        return `Highlight report: the ${week} report could not be posted (${formatUkDateTime(post.at)})${post.why ? ` because ${post.why}` : ''}.`;
      default:
        return `Highlight report: the ${week} report is being posted.`;
    }
  }
  return undefined;
}
