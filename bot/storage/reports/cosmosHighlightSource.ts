import type { Container } from '@azure/cosmos';
import type { GatewayAuditEntry } from '../../migration/projects/auditEntries';
import type { HighlightSnapshot, HighlightSource } from '../../migration/reports/readHighlight';
import type { StageNumber } from '../../migration/gateways/catalogueTypes';
import { queryPartition } from '../projects/cosmosDocuments';
import { assertSchema, withoutSeq, type GatewayAuditPageDocument, type GatewayDocument, type ProjectDocument, type Sequenced } from '../projects/projectDocuments';

type Row =
  | Pick<ProjectDocument, 'id' | 'schemaVersion' | 'type' | 'project'>
  | Pick<GatewayDocument, 'id' | 'schemaVersion' | 'type' | 'stage' | 'gateway' | 'items' | 'audit'>
  | Pick<GatewayAuditPageDocument, 'id' | 'schemaVersion' | 'type' | 'stage' | 'entries'>;

/**
 * The project, its gateways and every audit page in one partition query (one Cosmos operation, however many pages
 * the audit has been archived into), instead of a read per gateway and a query per archived history. The project's
 * own audit is left out: the report does not use it.
 */
export class CosmosHighlightSource implements HighlightSource {
  constructor(private readonly container: Container) {}

  async read(projectId: string): Promise<HighlightSnapshot | undefined> {
    const rows = await queryPartition<Row>(
      this.container,
      projectId,
      'c.id, c.schemaVersion, c.type, c.project, c.stage, c.gateway, c.items, c.audit, c.entries',
      "c.type IN ('project', 'gateway', 'gateway-audit-page')",
    );
    let snapshotProject: ProjectDocument['project'] | undefined;
    const gateways = new Map<StageNumber, Pick<GatewayDocument, 'stage' | 'gateway' | 'items' | 'audit'>>();
    const pages = new Map<StageNumber, Sequenced<GatewayAuditEntry>[]>();
    for (const row of rows) {
      assertSchema(row);
      if (row.type === 'project') snapshotProject = row.project;
      else if (row.type === 'gateway') gateways.set(row.stage, row);
      else pages.set(row.stage, [...(pages.get(row.stage) ?? []), ...row.entries]);
    }
    if (!snapshotProject) return undefined;
    return {
      project: snapshotProject,
      gateways: [...gateways.values()].map((doc) => {
        // An entry can be in a page and still inline for a moment (archiving is best effort): the sequence number decides.
        const bySeq = new Map<number, Sequenced<GatewayAuditEntry>>();
        for (const entry of [...(pages.get(doc.stage) ?? []), ...doc.audit]) bySeq.set(entry.seq, entry);
        return {
          record: { projectId, stage: doc.stage, state: doc.gateway, items: doc.items },
          audit: [...bySeq.values()].sort((a, b) => a.seq - b.seq).map((e) => withoutSeq(e)),
        };
      }),
    };
  }
}
