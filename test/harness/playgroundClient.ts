import WebSocket from 'ws';
import { requestPlayground } from './playgroundHttp';
import { isRecord, parseContext, parseSentMessage, parseStreamEvent } from './playgroundWire';
import type { BotActivity, PlaygroundContext, SentMessage, StreamMessage } from './playgroundWire';

export { PlaygroundApiError } from './playgroundHttp';
export { adaptiveCardOf, ADAPTIVE_CARD } from './playgroundWire';
export type { BotActivity, PlaygroundContext, PlaygroundUser, SentMessage } from './playgroundWire';

/** A file as Teams offers it to a bot: its name, where to download it, and its extension. */
export type TeamsFile = { name: string; downloadUrl: string; fileType: string; uniqueId?: string };

export type ActivityPredicate = (activity: BotActivity) => boolean;

/** What the bot answered to an `Action.Execute`: the playground passes the invoke response body through. */
export type InvokeReply = {
  /** `application/vnd.microsoft.card.adaptive` for a card, `application/vnd.microsoft.activity.message` for text. */
  type: string | undefined;
  value: unknown;
  body: unknown;
};

export type PlaygroundClient = {
  readonly url: string;
  readonly context: PlaygroundContext;
  /** Every message the bot has sent or updated since connecting, in arrival order. */
  readonly activities: readonly BotActivity[];
  /** Sends text to the personal chat as the current user. */
  sendPersonal(text: string): Promise<SentMessage>;
  /**
   * Sends a file to the personal chat as Teams does (a `file.download.info` attachment with its download URL). The
   * message API keeps only card attachments (0.2.28's schema strips any other), so this goes as the playground's own
   * "custom activity", built on its template for the chat (its serviceUrl, conversation and current user).
   */
  sendPersonalFile(file: TeamsFile): Promise<void>;
  /** Posts to a channel (General by default), @mentioning the bot so it is delivered; replies arrive in the new thread. */
  sendChannel(text: string, options?: { channelId?: string }): Promise<SentMessage>;
  /** Sends to any conversation the current user is in; `mentionBot` prefixes the @mention. */
  send(conversationId: string, text: string, options?: { mentionBot?: boolean }): Promise<SentMessage>;
  /** Installs the bot: `installationUpdate` then `conversationUpdate` with `membersAdded`. */
  install(scope: 'personal' | 'team'): Promise<void>;
  /** Presses an Action.Submit on the bot message `replyToId`; `value` is the action's data merged with inputs. */
  submit(replyToId: string, value: Record<string, unknown>): Promise<void>;
  /** Presses an Action.Execute on the bot message `replyToId` and returns the bot's invoke response. */
  invoke(replyToId: string, verb: string, data?: Record<string, unknown>): Promise<InvokeReply>;
  /** A marker for "everything so far": pass it to `nextReply`/`waitForReply` to ignore older activities. */
  mark(): number;
  /** The first activity after `after` (a `mark()`) that matches, already arrived or yet to come. */
  nextReply(after: number, predicate?: ActivityPredicate, timeoutMs?: number): Promise<BotActivity>;
  /** The first matching activity (after `options.after`, else any since connecting). */
  waitForReply(predicate: ActivityPredicate, timeoutMs?: number, options?: { after?: number }): Promise<BotActivity>;
  close(): Promise<void>;
};

const DEFAULT_WAIT_MS = 5_000;
const STREAM_PATH = '/_ws_conversation/v1/conversations/stream';

/** Matches activities in one conversation (a chat, or a channel thread's `team-id;messageid=…`). */
export function inConversation(conversationId: string): ActivityPredicate {
  return (activity) => activity.conversationId === conversationId;
}

/**
 * Connects to a running playground as its web client would: reads its config, then listens on
 * its conversation stream. Resolves only once the stream is open, so no reply is missed.
 *
 * Why a WebSocket rather than polling: the playground keeps no readable history of bot messages;
 * the stream is the only place replies appear.
 */
export async function connectPlayground(url: string): Promise<PlaygroundClient> {
  const base = url.replace(/\/+$/, '');
  const context = parseContext(await requestPlayground('GET', `${base}/_internal/v1/config`));
  const socket = await openStream(`${base.replace(/^http/, 'ws')}${STREAM_PATH}`);
  return new StreamingPlaygroundClient(base, context, socket);
}

function openStream(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

type Waiter = {
  after: number;
  predicate: ActivityPredicate;
  resolve: (activity: BotActivity) => void;
  reject: (error: Error) => void;
};

class StreamingPlaygroundClient implements PlaygroundClient {
  private readonly received: BotActivity[] = [];
  private readonly waiters = new Set<Waiter>();
  private streamError: Error | undefined;

  constructor(
    readonly url: string,
    readonly context: PlaygroundContext,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data: WebSocket.RawData) => this.onFrame(data));
    socket.on('error', (error: Error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('The playground stream closed.')));
  }

  get activities(): readonly BotActivity[] {
    return this.received;
  }

  sendPersonal(text: string): Promise<SentMessage> {
    return this.send(this.context.personalChatId, text);
  }

  async sendPersonalFile(file: TeamsFile): Promise<void> {
    const conversationId = this.context.personalChatId;
    const template = await requestPlayground('GET', `${this.url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`);
    if (!isRecord(template)) throw new Error('The playground gave no activity template for the personal chat.');
    await requestPlayground('POST', `${this.url}/_internal/v1/customActivities`, {
      ...template,
      from: { ...(isRecord(template.from) ? template.from : {}), name: this.context.currentUser.name },
      type: 'message',
      text: '',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: file.name,
          contentUrl: file.downloadUrl,
          content: { downloadUrl: file.downloadUrl, uniqueId: file.uniqueId ?? file.name, fileType: file.fileType },
        },
      ],
    });
  }

  sendChannel(text: string, options: { channelId?: string } = {}): Promise<SentMessage> {
    return this.send(options.channelId ?? this.context.teamId, text, { mentionBot: true });
  }

  async send(conversationId: string, text: string, options: { mentionBot?: boolean } = {}): Promise<SentMessage> {
    const { bot } = this.context;
    const mention = `<at>${bot.name}</at>`;
    const body = {
      from: { id: this.context.currentUser.id },
      text: options.mentionBot ? `${mention} ${text}` : text,
      textFormat: 'plain',
      ...(options.mentionBot ? { mentions: [{ id: 0, text: mention, mentioned: { id: bot.id, name: bot.name } }] } : {}),
    };
    const response = await requestPlayground('POST', `${this.url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body);
    return parseSentMessage(response, conversationId);
  }

  async install(scope: 'personal' | 'team'): Promise<void> {
    const conversationId = scope === 'personal' ? this.context.personalChatId : this.context.teamId;
    await requestPlayground('POST', `${this.url}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  async submit(replyToId: string, value: Record<string, unknown>): Promise<void> {
    await requestPlayground('POST', `${this.url}/_conversation/v1/submit`, {
      conversation: { id: this.conversationOf(replyToId) },
      from: { id: this.context.currentUser.id },
      replyToId,
      value,
    });
  }

  async invoke(replyToId: string, verb: string, data: Record<string, unknown> = {}): Promise<InvokeReply> {
    const body = await requestPlayground('POST', `${this.url}/_conversation/v1/invoke`, {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      conversation: { id: this.conversationOf(replyToId) },
      from: { id: this.context.currentUser.id },
      replyToId,
    });
    const record = isRecord(body) ? body : {};
    return { type: typeof record.type === 'string' ? record.type : undefined, value: record.value, body };
  }

  mark(): number {
    return this.received.length;
  }

  nextReply(after: number, predicate: ActivityPredicate = () => true, timeoutMs = DEFAULT_WAIT_MS): Promise<BotActivity> {
    return this.waitForReply(predicate, timeoutMs, { after });
  }

  waitForReply(predicate: ActivityPredicate, timeoutMs = DEFAULT_WAIT_MS, options: { after?: number } = {}): Promise<BotActivity> {
    const after = options.after ?? 0;
    const already = this.received.find((activity) => activity.seq > after && predicate(activity));
    if (already) {
      return Promise.resolve(already);
    }
    if (this.streamError) {
      return Promise.reject(this.streamError);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No matching bot activity within ${timeoutMs} ms. Arrived after the marker: ${this.describeSince(after)}`));
      }, timeoutMs);
      const waiter: Waiter = {
        after,
        predicate,
        resolve: (activity) => {
          clearTimeout(timer);
          resolve(activity);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  private onFrame(data: WebSocket.RawData): void {
    let message: StreamMessage | undefined;
    try {
      message = parseStreamEvent(JSON.parse(rawToString(data)) as unknown);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (!message || message.fromId !== this.context.bot.id) {
      return;
    }
    const activity: BotActivity = { ...message, seq: this.received.length + 1 };
    if (activity.kind === 'update') {
      // An update of a thread's first post is addressed to the channel; keep the thread it lives in.
      const original = this.received.find((earlier) => earlier.messageId === activity.messageId);
      activity.conversationId = original?.conversationId ?? activity.conversationId;
    }
    this.received.push(activity);
    for (const waiter of this.waiters) {
      if (activity.seq > waiter.after && waiter.predicate(activity)) {
        this.waiters.delete(waiter);
        waiter.resolve(activity);
      }
    }
  }

  /** The playground checks that `replyToId` is in the given conversation, so find where that message lives. */
  private conversationOf(messageId: string): string {
    const activity = this.received.find((candidate) => candidate.messageId === messageId);
    if (!activity) {
      throw new Error(`No bot message ${messageId} has arrived on this client; cannot tell its conversation.`);
    }
    return activity.conversationId;
  }

  private fail(error: Error): void {
    this.streamError ??= error;
    for (const waiter of this.waiters) {
      waiter.reject(error);
    }
    this.waiters.clear();
  }

  private describeSince(after: number): string {
    const since = this.received.filter((activity) => activity.seq > after);
    if (since.length === 0) {
      return 'nothing.';
    }
    return since
      .map((activity) => `#${activity.seq} ${activity.kind} in ${activity.conversationId}: ${activity.text ?? `[${activity.attachments.length} attachment(s)]`}`)
      .join('; ');
  }
}

function rawToString(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) {
    return data.toString('utf8');
  }
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data).toString('utf8');
}
