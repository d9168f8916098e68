import { findItem } from '../gateways/catalogue';
import type { ItemAuditEntry } from '../gateways/gatewayState';
import { assertCan } from '../gateways/roles';
import type { Actor } from './actor';
import { itemEntries } from './auditEntries';
import { loadProjectFor } from './projectAccess';
import type { ProjectDeps } from './projectDeps';

/** Who changed what on one checklist item, oldest first. */
export async function getItemHistory(
  deps: ProjectDeps,
  query: { readonly actor: Actor; readonly projectId: string; readonly itemId: string },
): Promise<readonly ItemAuditEntry[]> {
  const { stage } = findItem(deps.catalogue, query.itemId);
  const { project, role } = await loadProjectFor(deps, query.actor, query.projectId);
  assertCan(role, 'read');
  return itemEntries(await deps.gateways.history(project.projectId, stage.number), query.itemId);
}
