/** One thing a person can ask Gateway, as the welcome and help cards list it. */
export interface Capability {
  readonly command: string;
  readonly description: string;
}

/** In a channel Teams only delivers messages that @mention the bot, so the hint has to say so. */
export function howToAsk(scope: 'team' | 'personal' | 'groupChat'): string {
  return scope === 'personal'
    ? 'Type a command here in our chat, for example: help'
    : 'In a channel or group chat, @mention Gateway before your command, for example: @Gateway help';
}
