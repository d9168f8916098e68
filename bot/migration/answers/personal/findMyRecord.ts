import { assertActor, type Actor } from '../../projects/actor';
import type { Clock } from '../../projects/clock';
import type { StaffMember } from '../../staff/staffMember';
import type { StaffRepository } from '../../staff/staffRepository';
import { addressesOf, matchIdentity, type TeamsIdentity } from './identityMatch';
import type { RememberedRecord, StaffDirectory, StaffLinkStore } from './personalPorts';

export interface MyRecordDeps {
  readonly staff: Pick<StaffRepository, 'get'>;
  readonly directory: Pick<StaffDirectory, 'findByAddresses'>;
  readonly links: Pick<StaffLinkStore, 'save'>;
  readonly clock: Clock;
}

export interface MyRecordQuery {
  readonly actor: Actor;
  /** The match remembered in the person's turn state, if any. */
  readonly remembered?: RememberedRecord;
  /** Asks Teams' roster for the person's addresses; only called on first contact (or when the remembered record is gone). */
  readonly identity: () => Promise<TeamsIdentity | undefined>;
}

export type MyRecord =
  /** `remember` is set when the match is new (or changed): the edge keeps it in the person's turn state. */
  | { readonly kind: 'found'; readonly member: StaffMember; readonly remember?: RememberedRecord }
  | { readonly kind: 'not-on-list'; readonly addresses: readonly string[] }
  | { readonly kind: 'ambiguous' }
  /** Teams did not say who they are (the roster look-up failed or gave no address). */
  | { readonly kind: 'no-identity' };

/**
 * The person's own staff record. A remembered match is one point read; otherwise their addresses from Teams are
 * matched against the lists of their tenant's projects, and the match is remembered both ways (in their turn state
 * by the edge, and as a link for jobs that need to reach them).
 */
export async function findMyRecord(deps: MyRecordDeps, query: MyRecordQuery): Promise<MyRecord> {
  const { actor, remembered } = query;
  assertActor(actor);
  if (remembered !== undefined && remembered.tenantId === actor.tenantId) {
    const member = await deps.staff.get(remembered.projectId, remembered.localId);
    if (member !== undefined) return { kind: 'found', member };
    // Removed from the list, or re-imported under another local ID: match again.
  }

  return linkByIdentity(deps, actor, await query.identity());
}

/** Who a Teams person is, without a display name: an install or a job knows only the ids. */
export interface TeamsPerson {
  readonly tenantId: string;
  readonly userId: string;
  readonly aadObjectId?: string;
}

/**
 * First contact's match, on its own: the person's addresses from Teams against the lists of their tenant's projects,
 * and the link saved both ways when exactly one record is theirs. Shared by the person's own question, the app being
 * installed for them, and the reminders finding someone installed before the list had them.
 */
export async function linkByIdentity(deps: Omit<MyRecordDeps, 'staff'>, person: TeamsPerson, identity: TeamsIdentity | undefined): Promise<MyRecord> {
  const addresses = identity === undefined ? [] : addressesOf(identity);
  if (addresses.length === 0) return { kind: 'no-identity' };
  const match = matchIdentity(addresses, await deps.directory.findByAddresses(person.tenantId, addresses));
  if (match.kind === 'not-on-list') return { kind: 'not-on-list', addresses };
  if (match.kind === 'ambiguous') return { kind: 'ambiguous' };

  const { member } = match;
  await deps.links.save({
    projectId: member.projectId,
    localId: member.localId,
    tenantId: person.tenantId,
    userId: person.userId,
    ...(person.aadObjectId === undefined ? {} : { aadObjectId: person.aadObjectId }),
    linkedAt: deps.clock.now().toISOString(),
  });
  return { kind: 'found', member, remember: { tenantId: person.tenantId, projectId: member.projectId, localId: member.localId } };
}
