import type { TurnContext } from 'botbuilder';
import type { Actor } from '../migration/projects/actor';
import { tenantOf } from '../security/tenantGuard';
import { teamMembershipOf } from './teamMembership';

/**
 * Who is acting, read from the activity Teams signed, never from card data (a card can be replayed or edited).
 * Missing parts stay empty so the use case refuses with its own friendly message. Team membership is asked of the
 * roster when a use case needs it, never taken from where the message came from.
 */
export function actorFrom(context: TurnContext): Actor {
  const from = context.activity.from;
  return {
    tenantId: tenantOf(context.activity) ?? '',
    userId: from.id,
    ...(from.aadObjectId === undefined ? {} : { aadObjectId: from.aadObjectId }),
    name: from.name ?? '',
    teams: teamMembershipOf(context),
  };
}

/** The Teams team a channel activity belongs to, if any. */
export function teamIdOf(context: TurnContext): string | undefined {
  const channelData: unknown = context.activity.channelData;
  if (typeof channelData === 'object' && channelData !== null && 'team' in channelData) {
    const team: unknown = channelData.team;
    if (typeof team === 'object' && team !== null && 'id' in team && typeof team.id === 'string') return team.id;
  }
  return undefined;
}
