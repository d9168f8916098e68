import type { Container } from '@azure/cosmos';
import { undeliveredReason } from '../../jobs/undeliveredReasons';
import type { ChecklistLogSources, LastHighlightPost, RiskLogSummary } from '../../migration/reports/checklistLogState';
import type { IsoDate } from '../../migration/shared/ukDates';
import { queryPartition } from '../projects/cosmosDocuments';

/**
 * Gateway 2's item cards' lines, each one single-partition query with a small projection: the log's entries (four
 * fields each, closed ones included for "last changed"), and the newest highlight claim (TOP 1 by week).
 */
export class CosmosChecklistLogSources implements ChecklistLogSources {
  constructor(private readonly container: Container) {}

  async riskLogSummary(projectId: string, today: IsoDate): Promise<RiskLogSummary> {
    const resources = await queryPartition<{ closed: boolean; escalated?: boolean; reviewDate: string; updatedAt: string }>(
      this.container,
      projectId,
      'c.closed, c.entry.escalation.escalated AS escalated, c.reviewDate, c.entry.updatedAt AS updatedAt',
      "c.type = 'risk-entry'",
    );
    const open = resources.filter((r) => !r.closed);
    const lastChanged = resources.reduce<string | undefined>((newest, r) => (newest === undefined || r.updatedAt > newest ? r.updatedAt : newest), undefined);
    return {
      open: open.length,
      escalated: open.filter((r) => r.escalated === true).length,
      pastReview: open.filter((r) => r.reviewDate < today).length,
      ...(lastChanged === undefined ? {} : { lastChanged }),
    };
  }

  async lastHighlightPost(projectId: string): Promise<LastHighlightPost | undefined> {
    const { resources } = await this.container.items
      .query<{ period: string; state: LastHighlightPost['state']; reason?: string; history?: readonly { at: string }[] }>(
        {
          query:
            "SELECT TOP 1 c.period, c.state, c.reason, c.history FROM c WHERE c.projectId = @projectId AND c.type = 'delivery-claim' AND c.kind = 'highlight' ORDER BY c.period DESC",
          parameters: [{ name: '@projectId', value: projectId }],
        },
        { partitionKey: projectId },
      )
      .fetchAll();
    const claim = resources[0];
    if (!claim) return undefined;
    const at = claim.history?.[claim.history.length - 1]?.at ?? new Date(0).toISOString();
    const failed = claim.state === 'failed' || claim.state === 'uncertain';
    return { week: claim.period, state: claim.state, at, ...(failed ? { why: undeliveredReason(claim.state === 'uncertain' ? (claim.reason ?? 'interrupted-while-sending') : claim.reason) } : {}) };
  }
}
