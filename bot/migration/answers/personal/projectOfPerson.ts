import { findMyRecord, type MyRecordDeps, type MyRecordQuery } from './findMyRecord';
import type { Actor } from '../../projects/actor';
import type { StaffRepository } from '../../staff/staffRepository';
import type { RememberedRecord, StaffLinkStore } from './personalPorts';

/**
 * Which project a member of staff belongs to, from their own staff record: the port "ask the team" uses to know
 * whose project channel a question goes to. Same cost as their own answer (one point read once they are known).
 */
export async function projectOfPerson(
  deps: MyRecordDeps,
  query: MyRecordQuery,
): Promise<{ readonly projectId: string; readonly remember?: RememberedRecord } | undefined> {
  const record = await findMyRecord(deps, query);
  if (record.kind !== 'found') return undefined;
  return { projectId: record.member.projectId, ...(record.remember === undefined ? {} : { remember: record.remember }) };
}

/**
 * The same, for ports that have only the actor (no turn to ask Teams' roster from): the record they were matched to
 * on an earlier question, by one point read of their link, then one of the record (it may have been removed since).
 * Undefined for someone never matched yet; their first "when do I migrate?" matches them.
 */
export async function projectOfMatchedPerson(
  deps: { readonly links: Pick<StaffLinkStore, 'recordOf'>; readonly staff: Pick<StaffRepository, 'get'> },
  actor: Pick<Actor, 'tenantId' | 'userId'>,
): Promise<string | undefined> {
  if (actor.tenantId === '' || actor.userId === '') return undefined;
  const ref = await deps.links.recordOf(actor.tenantId, actor.userId);
  if (ref === undefined) return undefined;
  return (await deps.staff.get(ref.projectId, ref.localId)) === undefined ? undefined : ref.projectId;
}
