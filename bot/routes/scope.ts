import type { TurnContext } from 'botbuilder';

export type ConversationScope = 'team' | 'personal' | 'groupChat';

/** Where the turn came from decides how we tell people to talk to us (channels need an @mention). */
export function scopeOf(context: TurnContext): ConversationScope {
  const type = context.activity.conversation.conversationType;
  if (type === 'personal') return 'personal';
  if (type === 'groupChat') return 'groupChat';
  return context.activity.conversation.isGroup === false ? 'personal' : 'team';
}
