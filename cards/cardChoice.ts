import type { ProjectMember } from '../bot/migration/projects/project';

/**
 * One option of an `Input.ChoiceSet`: what the person reads and the value sent back. For people, `title` is their
 * display name and `value` their Teams user id, which is what the domain stores as an owner or member.
 */
export interface CardChoice {
  readonly title: string;
  readonly value: string;
}

/** Project members who can own work, as choices: staff read the plan but own nothing. */
export function ownerChoicesOf(members: readonly ProjectMember[]): CardChoice[] {
  return members.filter((m) => m.role !== 'staff').map((m) => ({ title: m.name, value: m.userId }));
}
