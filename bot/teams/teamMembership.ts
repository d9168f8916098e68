import type { TurnContext } from 'botbuilder';
import { TeamsInfo } from 'botbuilder';
import type { TeamMembership } from '../migration/projects/teamMembership';

/**
 * The project boundary's question, answered by Teams: is the person who sent this activity in that team now? One
 * look-up of the team's roster (`GET v3/conversations/{team}/members/{user}`), asked only for people without a role on
 * the project, and remembered for the rest of the turn (a card view may load the project twice).
 *
 * Teams answers 404 for someone not in the team, and 403/404 when the bot itself is no longer in it: both mean "no
 * place in this project". Anything else (429, 5xx, no network) is thrown, so the person gets the apology and can try
 * again, rather than being told the project does not exist.
 */
export function teamMembershipOf(context: TurnContext): TeamMembership {
  const answers = new Map<string, Promise<boolean>>();
  const ask = async (teamId: string): Promise<boolean> => {
    try {
      await TeamsInfo.getTeamMember(context, teamId, context.activity.from.id);
      return true;
    } catch (err) {
      if (statusOf(err) === 404 || statusOf(err) === 403) return false;
      throw err;
    }
  };
  return {
    isMember(teamId) {
      let answer = answers.get(teamId);
      if (answer === undefined) {
        answer = ask(teamId);
        answers.set(teamId, answer);
      }
      return answer;
    },
  };
}

function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'statusCode' in err && typeof err.statusCode === 'number') return err.statusCode;
  return undefined;
}
