import type { TurnContext } from 'botbuilder';
import type { Command } from './commands';
import { parseCommand } from './commands';

/** A teams-ai route selector for one kind of typed command (after the @mention is removed). */
export function commandIs(kind: Command['kind']): (context: TurnContext) => Promise<boolean> {
  return (context) => Promise.resolve(context.activity.type === 'message' && parseCommand(context.activity.text)?.kind === kind);
}

/** The parsed command of a turn a `commandIs` selector let through. */
export function commandOf<K extends Command['kind']>(context: TurnContext, _kind: K): Extract<Command, { kind: K }> {
  return parseCommand(context.activity.text) as Extract<Command, { kind: K }>;
}
