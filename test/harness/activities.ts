import { randomUUID } from 'node:crypto';

export const TEST_TENANT = '00000000-0000-4000-8000-000000000001';
export const TEST_BOT_ID = '28:gateway-test-bot';

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly text?: string;
  readonly value?: Record<string, unknown>;
  readonly conversationId?: string;
  readonly conversationType?: 'personal' | 'channel' | 'groupChat';
  readonly fromId?: string;
  readonly fromName?: string;
  readonly tenantId?: string;
  readonly botId?: string;
}

/** A Teams message activity as the connector would POST it, with just enough realism for the adapter. */
export function messageActivity(options: ActivityOptions): Record<string, unknown> {
  const conversationType = options.conversationType ?? 'personal';
  const tenantId = options.tenantId ?? TEST_TENANT;
  const botId = options.botId ?? TEST_BOT_ID;
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: options.fromId ?? '29:user-1', name: options.fromName ?? 'Test User', aadObjectId: `aad-${options.fromId ?? '29:user-1'}` },
    recipient: { id: botId, name: 'Gateway' },
    conversation: {
      id: options.conversationId ?? `a:personal-${randomUUID()}`,
      conversationType,
      tenantId,
      isGroup: conversationType !== 'personal',
    },
    channelData: { tenant: { id: tenantId } },
    locale: 'en-GB',
    ...(options.text === undefined ? {} : { text: options.text }),
    ...(options.value === undefined ? {} : { value: options.value }),
  };
}

/** The conversationUpdate Teams sends when the bot is added to a team. */
export function botInstalledActivity(options: ActivityOptions & { teamId?: string }): Record<string, unknown> {
  const base = messageActivity(options);
  const botId = options.botId ?? TEST_BOT_ID;
  return {
    ...base,
    type: 'conversationUpdate',
    text: undefined,
    membersAdded: [{ id: botId }],
    channelData: { tenant: { id: options.tenantId ?? TEST_TENANT }, eventType: 'teamMemberAdded', team: { id: options.teamId ?? '19:team@thread.tacv2' } },
  };
}

export interface PostResult {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs an activity to the bot over real HTTP, as the connector does. */
export async function postActivity(botUrl: string, activity: unknown, token?: string): Promise<PostResult> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

/** An `Action.Execute` press as Teams sends it: an invoke whose HTTP response carries the refreshed card. */
export function executeActivity(options: ActivityOptions & { verb: string; data: Record<string, unknown>; replyToId?: string; teamId?: string }): Record<string, unknown> {
  const base = messageActivity(options);
  return {
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: options.replyToId ?? 'card-activity-1',
    value: { action: { type: 'Action.Execute', verb: options.verb, data: options.data }, trigger: 'manual' },
    ...(options.teamId === undefined ? {} : { channelData: { tenant: { id: options.tenantId ?? TEST_TENANT }, team: { id: options.teamId } } }),
  };
}

/**
 * A message in a team channel thread that @mentions the bot (Teams delivers no other channel messages), with the
 * team in channelData as Teams sends it. `text` is what follows the mention.
 */
export function channelMessage(options: ActivityOptions & { teamId: string }): Record<string, unknown> {
  const botId = options.botId ?? TEST_BOT_ID;
  const base = messageActivity({
    ...options,
    text: `<at>Gateway</at> ${options.text ?? ''}`,
    conversationType: 'channel',
    conversationId: options.conversationId ?? `${options.teamId};messageid=1`,
  });
  return {
    ...base,
    entities: [{ type: 'mention', text: '<at>Gateway</at>', mentioned: { id: botId, name: 'Gateway' } }],
    channelData: { tenant: { id: options.tenantId ?? TEST_TENANT }, team: { id: options.teamId }, channel: { id: options.teamId } },
  };
}

/** An `Action.Submit` press: a message carrying the button's data merged with the card's inputs. */
export function submitActivity(options: ActivityOptions & { value: Record<string, unknown>; replyToId?: string; teamId?: string }): Record<string, unknown> {
  const base = options.teamId === undefined ? messageActivity(options) : channelMessage({ ...options, teamId: options.teamId });
  return { ...base, text: undefined, entities: undefined, value: options.value, replyToId: options.replyToId ?? 'card-activity-1' };
}
