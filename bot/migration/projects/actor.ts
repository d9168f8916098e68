import type { PersonRef } from '../gateways/gatewayState';
import type { ProjectRole } from '../gateways/roles';
import { PermissionDenied } from '../shared/errors';
import type { Project, ProjectMember } from './project';
import type { TeamMembership } from './teamMembership';

/**
 * The person a use case acts for, as the Teams route read them from the
 * activity. Never from card data: a card can be replayed or edited.
 */
export interface Actor {
  readonly tenantId: string;
  readonly userId: string;
  readonly aadObjectId?: string;
  readonly name: string;
  /**
   * Asks the roster whether this person is in a team; absent where there is no roster to ask (a job, a unit test),
   * and then only a role on the project gives them a place in it.
   */
  readonly teams?: TeamMembership;
}

/** Turns a half-filled activity into a refusal rather than a record with no author. */
export function assertActor(actor: Actor): void {
  if (!nonEmpty(actor.tenantId) || !nonEmpty(actor.userId) || !nonEmpty(actor.name)) {
    throw new PermissionDenied("We couldn't tell who you are, so nothing was changed.", 'Try again from Microsoft Teams.');
  }
}

export function personOf(actor: Actor): PersonRef {
  return { id: actor.userId, name: actor.name.trim() };
}

/**
 * Matches on the Teams user id, then on the Entra object id: the same person
 * can reach the bot with a different Teams id (another bot registration), but
 * keeps their object id.
 */
export function findMember(project: Project, who: { readonly userId: string; readonly aadObjectId?: string }): ProjectMember | undefined {
  return (
    project.members.find((m) => m.userId === who.userId) ??
    (who.aadObjectId !== undefined ? project.members.find((m) => m.aadObjectId === who.aadObjectId) : undefined)
  );
}

/**
 * Their role when they are a member of the project; otherwise staff (read-only). Only for a project already known to
 * be theirs to see (their team's): reading a project by id goes through `placeIn` (projectAccess.ts).
 */
export function roleOf(project: Project, actor: Actor): ProjectRole {
  return findMember(project, actor)?.role ?? 'staff';
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}
