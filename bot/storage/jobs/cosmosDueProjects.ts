import type { Container, SqlParameter } from '@azure/cosmos';
import type { DueFilter, DueProject, DueProjectSource } from '../../jobs/ports';

interface DueRow {
  projectId: string;
  tenantId: string;
  teamId?: string;
  reportsTarget: string;
  slot?: { weekday?: unknown; time?: unknown };
}

const EVERYONE: DueFilter = { includeDefault: true, slotMinutes: { after: -1, upTo: 7 * 1440 } };

/**
 * The projects that have somewhere to report, straight from the project documents: a cross-partition query with
 * a small projection, read a page at a time by continuation token. Cost grows with the number of projects (one
 * request per page), never with what each project holds, and nothing but the current page is kept in memory.
 * The filter is in the query (a range on the slot's stored minute of the week), so a run for the slots that came due
 * in the last minute reads only those projects.
 */
export class CosmosDueProjects implements DueProjectSource {
  constructor(private readonly container: Container) {}

  async *pages(pageSize: number, filter: DueFilter = EVERYONE): AsyncIterable<readonly DueProject[]> {
    const which: string[] = [];
    const parameters: SqlParameter[] = [];
    if (filter.includeDefault) which.push('NOT IS_DEFINED(c.project.highlightSlot)');
    if (filter.slotMinutes) {
      which.push('(c.project.highlightSlot.minuteOfWeek > @after AND c.project.highlightSlot.minuteOfWeek <= @upTo)');
      parameters.push({ name: '@after', value: filter.slotMinutes.after }, { name: '@upTo', value: filter.slotMinutes.upTo });
    }
    if (which.length === 0) return;
    const iterator = this.container.items.query<DueRow>(
      {
        query: `SELECT c.projectId, c.project.tenantId AS tenantId, c.project.teamId AS teamId, c.project.reportsConversationRef AS reportsTarget, c.project.highlightSlot AS slot FROM c WHERE c.type = 'project' AND IS_DEFINED(c.project.reportsConversationRef) AND (${which.join(' OR ')})`,
        parameters,
      },
      { maxItemCount: pageSize },
    );
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      const page = resources.filter((r) => typeof r.reportsTarget === 'string' && r.reportsTarget !== '').map(toDueProject);
      if (page.length > 0) yield page;
    }
  }
}

function toDueProject(r: DueRow): DueProject {
  const slot = typeof r.slot?.weekday === 'number' && typeof r.slot.time === 'string' ? { weekday: r.slot.weekday, time: r.slot.time } : undefined;
  return {
    projectId: r.projectId,
    tenantId: r.tenantId,
    ...(typeof r.teamId === 'string' ? { teamId: r.teamId } : {}),
    reportsTarget: r.reportsTarget,
    ...(slot ? { slot } : {}),
  };
}
