import type { TurnContext } from 'botbuilder';
import { TeamsInfo } from 'botbuilder';
import type { TeamsIdentity } from '../migration/answers/personal/identityMatch';

/**
 * The asker's user principal name and email as Teams' roster gives them (the activity itself carries neither). One
 * connector call, made only on a person's first question; undefined when the roster cannot say.
 */
export async function memberIdentityOf(context: TurnContext): Promise<TeamsIdentity | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return {
      ...(member.userPrincipalName ? { userPrincipalName: member.userPrincipalName } : {}),
      ...(member.email ? { email: member.email } : {}),
    };
  } catch {
    return undefined;
  }
}
