/**
 * The Agents Playground's internal wire formats (0.2.28), as observed on this machine, and the
 * guards that turn its untyped JSON into them. Kept apart from the client so a playground upgrade
 * that changes a shape fails here, with the field named, rather than as a timeout in a test.
 */

export type PlaygroundUser = {
  id: string;
  name: string;
  userPrincipalName: string;
  email: string;
  aadObjectId: string;
};

/** What `GET /_internal/v1/config` says about the mock tenant, flattened to what tests need. */
export type PlaygroundContext = {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChatId: string;
  groupChatId: string;
  teamId: string;
  /** Channel conversation ids; the first is General, whose id is the team id. */
  channelIds: string[];
};

export type PlaygroundAttachment = { contentType: string; content: unknown };

/**
 * One message the bot sent (or updated), as the playground's web client receives it.
 *
 * Note it carries no `replyToId`: a reply cannot be tied to the user message that caused it, only
 * to its conversation and its arrival order (hence the client's `mark()`).
 */
export type BotActivity = {
  /** Arrival order in this client, from 1. */
  seq: number;
  kind: 'create' | 'update';
  /** The playground's message id: what `submit`/`invoke` take as `replyToId`. */
  messageId: string;
  /** The conversation that holds the message; in a channel that is the thread, `team-id;messageid=…`. */
  conversationId: string;
  /** The id the stream event was addressed to (the channel, for the first post of a new thread). */
  streamConversationId: string;
  fromId: string;
  text: string | undefined;
  attachments: PlaygroundAttachment[];
  timestamp: number;
};

/** A stream event before the client numbers it and decides it came from the bot. */
export type StreamMessage = Omit<BotActivity, 'seq'>;

/** `POST /_conversation/v1/conversations/:id/messages` answers this. */
export type SentMessage = {
  messageId: string;
  /** Where replies will appear: the new thread for a channel post, else the chat itself. */
  conversationId: string;
  timestamp: number;
};

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export function parseContext(body: unknown): PlaygroundContext {
  const config = field(body, 'config', isRecord, '');
  const bot = field(config, 'bot', isRecord, 'config');
  const personalChat = field(config, 'personalChat', isRecord, 'config');
  const groupChat = field(field(config, 'groupChats', isArray, 'config'), 0, isRecord, 'config.groupChats');
  const team = field(field(config, 'teams', isArray, 'config'), 0, isRecord, 'config.teams');
  return {
    tenantId: field(config, 'tenantId', isString, 'config'),
    bot: { id: field(bot, 'id', isString, 'config.bot'), name: field(bot, 'name', isString, 'config.bot') },
    currentUser: parseUser(field(config, 'currentUser', isRecord, 'config'), 'config.currentUser'),
    users: field(config, 'users', isArray, 'config').map((user, index) => parseUser(user, `config.users.${index}`)),
    personalChatId: field(personalChat, 'id', isString, 'config.personalChat'),
    groupChatId: field(groupChat, 'id', isString, 'config.groupChats.0'),
    teamId: field(team, 'id', isString, 'config.teams.0'),
    channelIds: field(team, 'channels', isArray, 'config.teams.0').map((channel, index) =>
      field(channel, 'id', isString, `config.teams.0.channels.${index}`),
    ),
  };
}

function parseUser(user: unknown, path: string): PlaygroundUser {
  return {
    id: field(user, 'id', isString, path),
    name: field(user, 'name', isString, path),
    // The playground spells it "userPrincipleName" on the wire.
    userPrincipalName: field(user, 'userPrincipleName', isString, path),
    email: field(user, 'email', isString, path),
    aadObjectId: field(user, 'aadObjectId', isString, path),
  };
}

/**
 * Parses one WebSocket frame. Returns undefined for events that carry no message (typing
 * indicators) so the caller can ignore them; throws on a message event of an unexpected shape.
 *
 * Shape: `{ action: 'createMessage' | 'updateMessage' | 'typing', actionConversationId,
 * message?: { messageId, timestamp, from: { id }, text?, attachments, postConversationId?, … } }`.
 */
export function parseStreamEvent(data: unknown): StreamMessage | undefined {
  const action = field(data, 'action', isString, 'event');
  if (action !== 'createMessage' && action !== 'updateMessage') {
    return undefined;
  }
  const streamConversationId = field(data, 'actionConversationId', isString, 'event');
  const message = field(data, 'message', isRecord, 'event');
  const postConversationId = optional(message, 'postConversationId', isString);
  const text = optional(message, 'text', isString);
  return {
    kind: action === 'createMessage' ? 'create' : 'update',
    messageId: field(message, 'messageId', isString, 'event.message'),
    conversationId: postConversationId ?? streamConversationId,
    streamConversationId,
    fromId: field(field(message, 'from', isRecord, 'event.message'), 'id', isString, 'event.message.from'),
    text,
    attachments: (optional(message, 'attachments', isArray) ?? []).map((attachment, index) => ({
      contentType: field(attachment, 'contentType', isString, `event.message.attachments.${index}`),
      content: isRecord(attachment) ? attachment.content : undefined,
    })),
    timestamp: field(message, 'timestamp', isNumber, 'event.message'),
  };
}

export function parseSentMessage(body: unknown, conversationId: string): SentMessage {
  return {
    messageId: field(body, 'messageId', isString, 'response'),
    conversationId: optional(body, 'postConversationId', isString) ?? conversationId,
    timestamp: field(body, 'timestamp', isNumber, 'response'),
  };
}

/** The first Adaptive Card an activity carries, if any. */
export function adaptiveCardOf(activity: BotActivity): Record<string, unknown> | undefined {
  const card = activity.attachments.find((attachment) => attachment.contentType === ADAPTIVE_CARD)?.content;
  return isRecord(card) ? card : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

function field<T>(container: unknown, key: string | number, guard: (value: unknown) => value is T, path: string): T {
  const value: unknown = Array.isArray(container)
    ? typeof key === 'number'
      ? container[key]
      : undefined
    : isRecord(container)
      ? container[key]
      : undefined;
  if (!guard(value)) {
    throw new Error(`Unexpected playground payload: ${path ? `${path}.` : ''}${key} is ${JSON.stringify(value) ?? 'undefined'}.`);
  }
  return value;
}

function optional<T>(container: unknown, key: string, guard: (value: unknown) => value is T): T | undefined {
  const value = isRecord(container) ? container[key] : undefined;
  return guard(value) ? value : undefined;
}
