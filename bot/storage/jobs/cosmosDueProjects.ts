import type { Container } from '@azure/cosmos';
import type { DueProject, DueProjectSource } from '../../jobs/ports';

/**
 * The projects that have somewhere to report, straight from the project documents: a cross-partition query with
 * a small projection, read a page at a time by continuation token. Cost grows with the number of projects (one
 * request per page), never with what each project holds, and nothing but the current page is kept in memory.
 */
export class CosmosDueProjects implements DueProjectSource {
  constructor(private readonly container: Container) {}

  async *pages(pageSize: number): AsyncIterable<readonly DueProject[]> {
    const iterator = this.container.items.query<{ projectId: string; tenantId: string; teamId?: string; reportsTarget: string }>(
      {
        query:
          "SELECT c.projectId, c.project.tenantId AS tenantId, c.project.teamId AS teamId, c.project.reportsConversationRef AS reportsTarget FROM c WHERE c.type = 'project' AND IS_DEFINED(c.project.reportsConversationRef)",
      },
      { maxItemCount: pageSize },
    );
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      const page = resources
        .filter((r) => typeof r.reportsTarget === 'string' && r.reportsTarget !== '')
        .map((r): DueProject => ({ projectId: r.projectId, tenantId: r.tenantId, ...(typeof r.teamId === 'string' ? { teamId: r.teamId } : {}), reportsTarget: r.reportsTarget }));
      if (page.length > 0) yield page;
    }
  }
}
