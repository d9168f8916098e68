/**
 * Whether the person acting is in a Teams team right now, as Teams' own roster says. A port because only the Teams
 * layer can ask (it needs the turn's connector); the project boundary needs the answer, never an assumption: being
 * in the tenant, or holding a card with the project's id on it, is not being in the team.
 */
export interface TeamMembership {
  isMember(teamId: string): Promise<boolean>;
}
