import type { TurnContext } from 'botbuilder';
import { TeamsInfo } from 'botbuilder';

export interface RosterPerson {
  readonly userId: string;
  readonly aadObjectId?: string;
  readonly name: string;
}

/**
 * The people of the team (or chat) a turn came from, as Teams' roster gives them: the only trustworthy source of a
 * name for someone being given a role, since card data can be edited. Paged, because big trusts have big teams.
 */
export async function rosterOf(context: TurnContext, limit = 500): Promise<RosterPerson[]> {
  if (context.activity.conversation.conversationType === 'personal') return [];
  const people: RosterPerson[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
    for (const m of page.members) people.push({ userId: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}), name: m.name });
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined && continuationToken !== '' && people.length < limit);
  return people;
}

/** One person of the team by Teams user id, or undefined when they are not in it (left, or a tampered card). */
export async function rosterPerson(context: TurnContext, userId: string): Promise<RosterPerson | undefined> {
  try {
    const m = await TeamsInfo.getMember(context, userId);
    return { userId: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}), name: m.name };
  } catch {
    return undefined;
  }
}
