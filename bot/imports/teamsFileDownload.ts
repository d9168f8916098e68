/**
 * Downloads the file a person sent the bot in Teams, carefully: the URL comes from the activity, so it is the
 * client's input. Only Teams' file store is fetched from (SharePoint Online, `https://<tenant>.sharepoint.com` and
 * `<tenant>-my.sharepoint.com` for OneDrive; Microsoft's docs say bots cannot receive files in GCC High, DoD or
 * 21Vianet, so `sharepoint.us` and the like are not needed), plus loopback in local mode (the playground and the
 * tests serve files from there). Redirects are followed by hand, each checked the same way, so an allowed host
 * cannot bounce the request elsewhere. The size limit holds while the body streams: a file that does not say its
 * size, or says a false one, is cut off at the limit, never read whole into memory.
 */

export const TEAMS_FILE_DOWNLOAD_TYPE = 'application/vnd.microsoft.teams.file.download.info';

/** Hosts whose names end with one of these (after a dot) may be downloaded from. */
export const ALLOWED_DOWNLOAD_HOST_SUFFIXES = ['.sharepoint.com'] as const;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_REDIRECTS = 3;
const DOWNLOAD_TIMEOUT_MS = 60_000;

export interface DownloadPolicy {
  readonly maxBytes: number;
  /** Local mode (no app id): loopback over plain HTTP is allowed too. */
  readonly allowLoopback: boolean;
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
  readonly timeoutMs?: number;
}

export type Downloaded =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly why: 'host-not-allowed' | 'too-big' | 'failed'; readonly message: string };

/** A file attachment of a Teams message: its download URL and name, as given. */
export interface TeamsFileAttachment {
  readonly name: string;
  readonly downloadUrl: string;
  readonly fileType: string;
}

/** The first Teams file attachment of a message, if it has one with a download URL. */
export function teamsFileOf(attachments: readonly { contentType?: string; name?: string; content?: unknown }[] | undefined): TeamsFileAttachment | undefined {
  for (const attachment of attachments ?? []) {
    if (attachment.contentType !== TEAMS_FILE_DOWNLOAD_TYPE) continue;
    const content = attachment.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
    if (typeof content?.downloadUrl !== 'string') continue;
    return { name: typeof attachment.name === 'string' && attachment.name !== '' ? attachment.name : 'staff.csv', downloadUrl: content.downloadUrl, fileType: typeof content.fileType === 'string' ? content.fileType : '' };
  }
  return undefined;
}

export function isAllowedDownloadUrl(raw: string, allowLoopback: boolean): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && url.port === '' && ALLOWED_DOWNLOAD_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length)) return true;
  return allowLoopback && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(host);
}

/** Said when a file is somewhere other than Teams' own store: before the download starts, and on a redirect away. */
export const DOWNLOAD_NOT_ALLOWED = 'I can only download files from Teams itself (SharePoint), and this one is somewhere else, so I did not fetch it. Send the CSV file as an attachment in this chat, or type import staff for an upload link.';

export async function downloadTeamsFile(raw: string, policy: DownloadPolicy): Promise<Downloaded> {
  const fetcher = policy.fetch ?? fetch;
  const signal = AbortSignal.timeout(policy.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  let url = raw;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    if (!isAllowedDownloadUrl(url, policy.allowLoopback)) return { ok: false, why: 'host-not-allowed', message: DOWNLOAD_NOT_ALLOWED };
    let response: Response;
    try {
      response = await fetcher(url, { redirect: 'manual', signal });
    } catch {
      return { ok: false, why: 'failed', message: 'I could not download the file from Teams. Please send it again in a moment.' };
    }
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (location === null) break;
      url = new URL(location, url).toString();
      continue;
    }
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      return { ok: false, why: 'failed', message: `Teams did not give me the file (status ${response.status}). Please send it again.` };
    }
    return readLimited(response, policy.maxBytes);
  }
  return { ok: false, why: 'failed', message: 'The file link sent me round in circles, so I stopped. Please send the file again.' };
}

async function readLimited(response: Response, maxBytes: number): Promise<Downloaded> {
  const tooBig: Downloaded = { ok: false, why: 'too-big', message: `The file is over the ${Math.round(maxBytes / 1024 / 1024)} MB limit, so I stopped downloading it. Split it, or remove columns Gateway does not use. Nothing was imported.` };
  const stated = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(stated) && stated > maxBytes) {
    await response.body?.cancel();
    return tooBig;
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: Awaited<ReturnType<typeof reader.read>>;
    try {
      next = await reader.read();
    } catch {
      return { ok: false, why: 'failed', message: 'The download from Teams broke off. Please send the file again.' };
    }
    const { done, value } = next;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooBig;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
