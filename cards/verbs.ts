/**
 * Every verb a card can send, in one place: templates name them in `data.verb`, routes register them, and a test
 * checks that each verb used by a template has a route. Renaming a verb here renames it everywhere.
 */
export const Verbs = {
  help: 'help',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];
