import { isRecord } from './playgroundWire';

/** How long one call to the playground may take: an invoke waits for the bot, which has about 5 s in Teams. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * A non-2xx answer from the playground. It answers `{ code, message }` JSON (for example
 * `UserBotError` with the bot's status when the bot fails an invoke, or
 * `ActivityNotFoundInConversation` for a bad `replyToId`); `code` is kept so tests can assert it.
 */
export class PlaygroundApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'PlaygroundApiError';
  }
}

/** Calls the playground and returns its parsed JSON body (or text, or undefined when empty). */
export async function requestPlayground(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const parsed = parseBody(text, response.headers.get('content-type'));
  if (!response.ok) {
    const code = isRecord(parsed) && typeof parsed.code === 'string' ? parsed.code : undefined;
    const detail = isRecord(parsed) && typeof parsed.message === 'string' ? parsed.message : text.slice(0, 200);
    throw new PlaygroundApiError(
      response.status,
      code,
      `${method} ${new URL(url).pathname} → ${response.status}${code ? ` ${code}` : ''}: ${detail}`,
      parsed,
    );
  }
  return parsed;
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') {
    return undefined;
  }
  if (contentType?.includes('json')) {
    return JSON.parse(text) as unknown;
  }
  return text;
}
