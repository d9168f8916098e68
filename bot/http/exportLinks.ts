import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isProjectId } from '../migration/projects/project';
import type { ExportFormat } from '../migration/questionnaire/questionnaireExport';

/**
 * Short-lived signed download links for questionnaire exports.
 *
 * Why signed links: a browser opening a link from a Teams card carries no
 * Teams token, so the link itself must prove the bot issued it, for which
 * project and format, and until when. It is an HMAC-SHA256 over exactly those
 * (`<projectId>.<format>.<expiry>.<mac>`), so nothing in it can be changed,
 * and it stops working after 15 minutes. Nobody can list or guess exports:
 * without a valid link the endpoint answers 404.
 *
 * The key is per process unless one is configured: links then die with a
 * restart, and with several instances behind a load balancer a link issued by
 * one fails on the others, so production with more than one instance needs a
 * shared secret (EXPORT_LINK_SECRET).
 */

export const EXPORT_LINK_LIFETIME_MS = 15 * 60 * 1000;
/** Long enough that it cannot be guessed; what `openssl rand -base64 32` gives. */
export const EXPORT_LINK_SECRET_MIN_LENGTH = 32;
export const EXPORTS_PATH = '/api/exports';

const FORMAT_CODES: Readonly<Record<ExportFormat, string>> = { markdown: 'md', html: 'html', csv: 'csv' };
const FORMATS_BY_CODE: ReadonlyMap<string, ExportFormat> = new Map(Object.entries(FORMAT_CODES).map(([format, code]) => [code, format as ExportFormat]));

export interface IssuedExportLink {
  readonly url: string;
  readonly expiresAt: Date;
}

export type ExportLinkCheck =
  | { readonly ok: true; readonly projectId: string; readonly format: ExportFormat }
  /** `invalid`: not a link this bot signed (404). `expired`: it was, but its time is up (410). */
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

export type RiskLogLinkCheck = { readonly ok: true; readonly projectId: string; readonly userId: string } | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

export interface ExportLinks {
  issue(projectId: string, format: ExportFormat): IssuedExportLink;
  check(token: string): ExportLinkCheck;
  /**
   * The risks and issues log as CSV. The link also names who asked for it (`<projectId>.risks.<expiry>.<mac>?by=<user>`,
   * the MAC covering the user too; in the query because the router allows path parameters of 100 characters only),
   * so the download checks again that they may still read the log: it can hold sensitive matters.
   */
  issueRiskLog(projectId: string, userId: string): IssuedExportLink;
  checkRiskLog(token: string, by: string): RiskLogLinkCheck;
  /** True for a token of the risk log's shape, whatever its signature. */
  isRiskLogToken(token: string): boolean;
  /**
   * One NHSmail Portal account file, for the person who asked: like the risk log's, with who asked, the scope (a
   * group id or `all`), which file of how many and the local IDs that bound it in the query (base64url, so a
   * payroll number is not plain in a proxy's log), all under the MAC.
   */
  issueAccountFile(projectId: string, userId: string, file: AccountFileRef): IssuedExportLink;
  checkAccountFile(token: string, query: URLSearchParams): AccountFileLinkCheck;
  isAccountFileToken(token: string): boolean;
  /** The same key and MAC for other signed links (the staff upload page, the import report): base64url, 43 characters. */
  sign(payload: string): string;
  /** True when `signature` is `sign(payload)`, compared in constant time. */
  verify(payload: string, signature: string): boolean;
  readonly baseUrl: () => string;
  readonly now: () => Date;
}

/** Which Portal file a link names (see portalAccounts.ts, PortalFileRange). */
export interface AccountFileRef {
  readonly scope: string;
  readonly part: number;
  readonly of: number;
  readonly afterLocalId?: string;
  readonly upToLocalId: string;
}

export type AccountFileLinkCheck =
  | { readonly ok: true; readonly projectId: string; readonly userId: string; readonly file: AccountFileRef }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

const ACCOUNT_FILE_CODE = 'acct';

const RISK_LOG_CODE = 'risks';

export interface ExportLinkOptions {
  /** At least 32 characters; a random per-process key when absent. */
  readonly secret?: string;
  /**
   * Where people reach the bot, e.g. https://gateway.example.nhs.uk. A function
   * because in local mode (and tests on port 0) it is only known once the
   * server is listening.
   */
  readonly baseUrl: string | (() => string);
  readonly now?: () => Date;
  readonly lifetimeMs?: number;
}

export function createExportLinks(options: ExportLinkOptions): ExportLinks {
  if (options.secret !== undefined && options.secret.length < EXPORT_LINK_SECRET_MIN_LENGTH) {
    throw new RangeError(`The export link secret must be at least ${EXPORT_LINK_SECRET_MIN_LENGTH} characters`);
  }
  const key = options.secret === undefined ? randomBytes(32) : Buffer.from(options.secret, 'utf8');
  const now = options.now ?? (() => new Date());
  const lifetimeMs = options.lifetimeMs ?? EXPORT_LINK_LIFETIME_MS;
  const sign = (payload: string): string => createHmac('sha256', key).update(`gateway-export-v1\n${payload}`).digest('base64url');
  // Compared as text, not decoded bytes: base64url's last character has spare bits, so only the canonical spelling is accepted.
  const verify = (payload: string, signature: string): boolean => {
    const expected = Buffer.from(sign(payload), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const baseUrl = (): string => (typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl).replace(/\/+$/, '');

  return {
    sign,
    verify,
    baseUrl,
    now,

    issue(projectId, format) {
      if (!isProjectId(projectId)) throw new RangeError('Not a project id');
      const expiresAt = new Date(now().getTime() + lifetimeMs);
      const payload = `${projectId}.${FORMAT_CODES[format]}.${Math.floor(expiresAt.getTime() / 1000)}`;
      return { url: `${baseUrl()}${EXPORTS_PATH}/${payload}.${sign(payload)}`, expiresAt };
    },

    issueRiskLog(projectId, userId) {
      if (!isProjectId(projectId)) throw new RangeError('Not a project id');
      const expiresAt = new Date(now().getTime() + lifetimeMs);
      const payload = `${projectId}.${RISK_LOG_CODE}.${Math.floor(expiresAt.getTime() / 1000)}`;
      const by = Buffer.from(userId, 'utf8').toString('base64url');
      return { url: `${baseUrl()}${EXPORTS_PATH}/${payload}.${sign(`${payload}.${by}`)}?by=${by}`, expiresAt };
    },

    isRiskLogToken(token) {
      return token.split('.')[1] === RISK_LOG_CODE;
    },

    issueAccountFile(projectId, userId, file) {
      if (!isProjectId(projectId) || !/^[a-z0-9-]{1,40}$/.test(file.scope) || !Number.isInteger(file.part) || !Number.isInteger(file.of) || file.part < 1 || file.of < file.part) {
        throw new RangeError('Not an account file');
      }
      const expiresAt = new Date(now().getTime() + lifetimeMs);
      const payload = `${projectId}.${ACCOUNT_FILE_CODE}.${Math.floor(expiresAt.getTime() / 1000)}`;
      const query = new URLSearchParams({
        by: Buffer.from(userId, 'utf8').toString('base64url'),
        scope: file.scope,
        part: String(file.part),
        of: String(file.of),
        after: Buffer.from(file.afterLocalId ?? '', 'utf8').toString('base64url'),
        upto: Buffer.from(file.upToLocalId, 'utf8').toString('base64url'),
      });
      return { url: `${baseUrl()}${EXPORTS_PATH}/${payload}.${sign(`${payload}?${query.toString()}`)}?${query.toString()}`, expiresAt };
    },

    isAccountFileToken(token) {
      return token.split('.')[1] === ACCOUNT_FILE_CODE;
    },

    checkAccountFile(token, query) {
      const parts = token.split('.');
      if (parts.length !== 4) return { ok: false, reason: 'invalid' };
      const [projectId = '', code = '', expiry = '', signature = ''] = parts;
      const read = (name: string, pattern: RegExp): string | undefined => {
        const value = query.get(name) ?? '';
        return pattern.test(value) ? value : undefined;
      };
      const by = read('by', /^[A-Za-z0-9_-]{1,400}$/);
      const scope = read('scope', /^[a-z0-9-]{1,40}$/);
      const part = read('part', /^[1-9]\d{0,5}$/);
      const of = read('of', /^[1-9]\d{0,5}$/);
      const after = read('after', /^[A-Za-z0-9_-]{0,100}$/);
      const upto = read('upto', /^[A-Za-z0-9_-]{1,100}$/);
      if (!isProjectId(projectId) || code !== ACCOUNT_FILE_CODE || !/^\d{1,12}$/.test(expiry) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return { ok: false, reason: 'invalid' };
      if (by === undefined || scope === undefined || part === undefined || of === undefined || after === undefined || upto === undefined) return { ok: false, reason: 'invalid' };
      // The MAC covers the query exactly as issued: rebuilt in the same order from the values read.
      const signed = new URLSearchParams({ by, scope, part, of, after, upto }).toString();
      if (!verify(`${projectId}.${code}.${expiry}?${signed}`, signature)) return { ok: false, reason: 'invalid' };
      if (Number(expiry) * 1000 <= now().getTime()) return { ok: false, reason: 'expired' };
      const afterLocalId = Buffer.from(after, 'base64url').toString('utf8');
      return {
        ok: true,
        projectId,
        userId: Buffer.from(by, 'base64url').toString('utf8'),
        file: { scope, part: Number(part), of: Number(of), ...(afterLocalId === '' ? {} : { afterLocalId }), upToLocalId: Buffer.from(upto, 'base64url').toString('utf8') },
      };
    },

    checkRiskLog(token, by) {
      const parts = token.split('.');
      if (parts.length !== 4) return { ok: false, reason: 'invalid' };
      const [projectId = '', code = '', expiry = '', signature = ''] = parts;
      if (!isProjectId(projectId) || code !== RISK_LOG_CODE || !/^\d{1,12}$/.test(expiry) || !/^[A-Za-z0-9_-]{1,400}$/.test(by) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) {
        return { ok: false, reason: 'invalid' };
      }
      if (!verify(`${projectId}.${code}.${expiry}.${by}`, signature)) return { ok: false, reason: 'invalid' };
      if (Number(expiry) * 1000 <= now().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, projectId, userId: Buffer.from(by, 'base64url').toString('utf8') };
    },

    check(token) {
      const parts = token.split('.');
      if (parts.length !== 4) return { ok: false, reason: 'invalid' };
      const [projectId = '', code = '', expiry = '', signature = ''] = parts;
      const format = FORMATS_BY_CODE.get(code);
      if (!isProjectId(projectId) || format === undefined || !/^\d{1,12}$/.test(expiry) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) {
        return { ok: false, reason: 'invalid' };
      }
      if (!verify(`${projectId}.${code}.${expiry}`, signature)) return { ok: false, reason: 'invalid' };
      if (Number(expiry) * 1000 <= now().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, projectId, format };
    },
  };
}
