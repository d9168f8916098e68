import type { Activity, ConversationReference } from 'botbuilder';
import { tenantOf } from '../security/tenantGuard';

/**
 * Where Gateway can post without being spoken to, kept as records in Cosmos (never in process memory, so any
 * instance can post and a restart forgets nothing).
 *
 * - `team`: a Teams team the bot is installed in. Reports go to one of its channels (the project names which); the
 *   team record supplies the current service URL and whether the bot is still there.
 * - `chat`: a group or personal chat, by conversation id (projects set up outside a team report there).
 * - `user`: a person's personal chat with the bot, by Teams user id, so a PM or SRO can be told things directly.
 *
 * Each is refreshed from every activity that comes from it (Teams can move a tenant to another service URL), but
 * written only when something changed, and marked unreachable when Teams says the bot was removed.
 */
export type ReferenceKey =
  | { readonly kind: 'team'; readonly teamId: string }
  | { readonly kind: 'chat'; readonly conversationId: string }
  | { readonly kind: 'user'; readonly userId: string };

export type UnreachableReason = 'removed' | 'forbidden' | 'not-found';

export interface StoredReference {
  readonly key: ReferenceKey;
  readonly tenantId: string;
  readonly serviceUrl: string;
  /** The bot's own id in this conversation (`28:<app id>`), as Teams addressed it. */
  readonly botId: string;
  /** For `chat` and `user`: the conversation to post into. For `team`: the team's General channel (its id). */
  readonly conversationId: string;
  readonly conversationType: 'channel' | 'groupChat' | 'personal';
  /** `user` only: the person's Entra object id, which a new 1:1 chat needs. */
  readonly aadObjectId?: string;
  readonly reachable: boolean;
  readonly unreachableReason?: UnreachableReason;
  readonly unreachableSince?: string;
  readonly updatedAt: string;
}

/** A reference as an activity shows it, before comparing with what is stored. */
export type ObservedReference = Omit<StoredReference, 'updatedAt' | 'unreachableReason' | 'unreachableSince' | 'reachable'>;

export interface ReferenceObservations {
  readonly tenantId: string;
  /** Seen alive: create or refresh (and mark reachable again). */
  readonly refresh: readonly ObservedReference[];
  /** The bot was removed from these. */
  readonly removed: readonly ReferenceKey[];
}

/** The store behind the records; implemented on Cosmos in bot/storage/conversations. */
export interface ReferenceStore {
  get(tenantId: string, key: ReferenceKey): Promise<StoredReference | undefined>;
  /** Writes only when the stored record differs (or is missing, or is marked unreachable). */
  refresh(observed: ObservedReference, now: Date): Promise<'created' | 'updated' | 'unchanged'>;
  markUnreachable(tenantId: string, key: ReferenceKey, reason: UnreachableReason, now: Date): Promise<void>;
}

export function referenceKeyText(key: ReferenceKey): string {
  switch (key.kind) {
    case 'team':
      return `team:${key.teamId}`;
    case 'chat':
      return `chat:${key.conversationId}`;
    case 'user':
      return `user:${key.userId}`;
  }
}

/** True when the stored record already says everything the observation says. */
export function sameReference(stored: StoredReference, observed: ObservedReference): boolean {
  return (
    stored.reachable &&
    stored.serviceUrl === observed.serviceUrl &&
    stored.botId === observed.botId &&
    stored.conversationId === observed.conversationId &&
    stored.conversationType === observed.conversationType &&
    stored.aadObjectId === observed.aadObjectId
  );
}

/**
 * What an activity tells about the bot's conversations. Removal is `installationUpdate` with action `remove` (or
 * `remove-upgrade`), or `conversationUpdate` whose `membersRemoved` holds the bot; anything else from a
 * conversation proves the bot is still there.
 */
export function observeReferences(activity: Partial<Activity>): ReferenceObservations | undefined {
  const tenantId = tenantOf(activity);
  const conversation = activity.conversation;
  const serviceUrl = activity.serviceUrl;
  const botId = activity.recipient?.id;
  if (tenantId === undefined || conversation === undefined || serviceUrl === undefined || serviceUrl === '' || botId === undefined || botId === '') return undefined;

  const teamId = teamIdIn(activity.channelData);
  const personal = conversation.conversationType === 'personal';
  const keys: ReferenceKey[] = [];
  if (teamId !== undefined) keys.push({ kind: 'team', teamId });
  else keys.push({ kind: 'chat', conversationId: conversation.id });
  const userId = activity.from?.id;
  if (personal && teamId === undefined && userId !== undefined && userId !== '') keys.push({ kind: 'user', userId });

  if (isRemoval(activity, botId)) return { tenantId, refresh: [], removed: keys };

  const refresh = keys.map((key): ObservedReference => {
    const aadObjectId = key.kind === 'user' ? activity.from?.aadObjectId : undefined;
    return {
      key,
      tenantId,
      serviceUrl,
      botId,
      conversationId: key.kind === 'team' ? key.teamId : conversation.id,
      conversationType: key.kind === 'team' ? 'channel' : personal ? 'personal' : 'groupChat',
      ...(aadObjectId === undefined || aadObjectId === '' ? {} : { aadObjectId }),
    };
  });
  return { tenantId, refresh, removed: [] };
}

function isRemoval(activity: Partial<Activity>, botId: string): boolean {
  if (activity.type === 'installationUpdate') return activity.action === 'remove' || activity.action === 'remove-upgrade';
  if (activity.type === 'conversationUpdate') return (activity.membersRemoved ?? []).some((m) => m.id === botId);
  return false;
}

function teamIdIn(channelData: unknown): string | undefined {
  if (typeof channelData === 'object' && channelData !== null && 'team' in channelData) {
    const team: unknown = channelData.team;
    if (typeof team === 'object' && team !== null && 'id' in team && typeof team.id === 'string' && team.id !== '') return team.id;
  }
  return undefined;
}

/** A botbuilder reference for posting into `conversationId` through a stored record's service URL and bot id. */
export function toConversationReference(target: {
  readonly serviceUrl: string;
  readonly botId: string;
  readonly tenantId: string;
  readonly conversationId: string;
  readonly conversationType: StoredReference['conversationType'];
}): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: target.serviceUrl,
    bot: { id: target.botId, name: 'Gateway' },
    conversation: {
      id: target.conversationId,
      tenantId: target.tenantId,
      conversationType: target.conversationType,
      isGroup: target.conversationType !== 'personal',
      name: '',
    },
  };
}
