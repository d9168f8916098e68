import { isProjectId } from '../migration/projects/project';
import type { ExportLinks, IssuedExportLink } from './exportLinks';

/**
 * Signed links for the staff import, on the export links' key (`exportLinks.ts`): the upload page (`up`), for the
 * person who typed `import staff` and their project, 15 minutes, so a browser with no Teams token can send a file;
 * and one import's report as CSV (`rep`), for the person who asked. Who and which import are in the query and
 * under the MAC (base64url, so an id is not plain in a proxy's log); anything changed gives "not a link we made".
 */

export const UPLOADS_PATH = '/api/uploads';
export const IMPORT_REPORTS_PATH = '/api/import-reports';
export const UPLOAD_LINK_LIFETIME_MS = 15 * 60 * 1000;

type Code = 'up' | 'rep';

export type UploadLinkCheck =
  | { readonly ok: true; readonly projectId: string; readonly userId: string; readonly importId?: string; readonly expiresAt: Date }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

export interface UploadLinks {
  issueUpload(projectId: string, userId: string): IssuedExportLink;
  issueReport(projectId: string, userId: string, importId: string): IssuedExportLink;
  check(code: Code, token: string, query: URLSearchParams): UploadLinkCheck;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const unb64 = (text: string): string => Buffer.from(text, 'base64url').toString('utf8');

export function createUploadLinks(signer: Pick<ExportLinks, 'sign' | 'verify' | 'baseUrl' | 'now'>, lifetimeMs = UPLOAD_LINK_LIFETIME_MS): UploadLinks {
  const issue = (code: Code, path: string, projectId: string, fields: Record<string, string>): IssuedExportLink => {
    if (!isProjectId(projectId)) throw new RangeError('Not a project id');
    const expiresAt = new Date(signer.now().getTime() + lifetimeMs);
    const payload = `${projectId}.${code}.${Math.floor(expiresAt.getTime() / 1000)}`;
    const query = new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, b64(v)])).toString();
    return { url: `${signer.baseUrl()}${path}/${payload}.${signer.sign(`${payload}?${query}`)}?${query}`, expiresAt };
  };
  return {
    issueUpload: (projectId, userId) => issue('up', UPLOADS_PATH, projectId, { by: userId }),
    issueReport: (projectId, userId, importId) => issue('rep', IMPORT_REPORTS_PATH, projectId, { by: userId, import: importId }),
    check(code, token, query) {
      const [projectId = '', given = '', expiry = '', signature = '', ...rest] = token.split('.');
      if (rest.length > 0 || !isProjectId(projectId) || given !== code || !/^\d{1,12}$/.test(expiry) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return { ok: false, reason: 'invalid' };
      const names = code === 'up' ? ['by'] : ['by', 'import'];
      const values = names.map((n) => query.get(n) ?? '');
      if (values.some((v) => !/^[A-Za-z0-9_-]{1,400}$/.test(v))) return { ok: false, reason: 'invalid' };
      const signed = new URLSearchParams(names.map((n, i): [string, string] => [n, values[i] ?? ''])).toString();
      if (!signer.verify(`${projectId}.${code}.${expiry}?${signed}`, signature)) return { ok: false, reason: 'invalid' };
      const expiresAt = new Date(Number(expiry) * 1000);
      if (expiresAt.getTime() <= signer.now().getTime()) return { ok: false, reason: 'expired' };
      const [by = '', importId] = values.map(unb64);
      return { ok: true, projectId, userId: by, expiresAt, ...(importId === undefined ? {} : { importId }) };
    },
  };
}
