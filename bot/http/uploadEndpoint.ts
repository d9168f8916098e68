import type { Request, Response } from 'restify';
import { csvStringifyWriter } from '../exports/csvStringifyWriter';
import type { StaffImportJobs } from '../jobs/staffImportJobs';
import type { Logger } from '../log';
import { WARNING_LABELS } from '../migration/staff/import/importPlan';
import { loadStaffImportFor, type StaffImportDeps } from '../migration/staff/import/importStaffList';
import type { ImportReport } from '../migration/staff/import/staffImportStore';
import { importProgressCardJson } from '../../cards/staffImportCard';
import { findMember } from '../migration/projects/actor';
import { escapeHtml } from '../migration/questionnaire/exportHtml';
import { isDomainError } from '../migration/shared/errors';
import type { CardsInPlace } from '../teams/cardInPlace';
import type { UploadLinks } from './uploadLinks';
import { readMultipartFile } from './uploadMultipart';

/**
 * The staff list's upload page and the import report's CSV, behind signed links (`uploadLinks.ts`): a browser has
 * no Teams token, so the link proves who asked, for which project, until when; the role is checked again when the
 * file arrives. The page is plain HTML with no script (a form with one file input, posted as multipart), under a
 * CSP that allows nothing but its own inline style and posting back to itself.
 */

const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
} as const;

const STYLE = 'body{font-family:Arial,Helvetica,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#212b32}h1{color:#005eb8}button{font-size:1rem;padding:.5rem 1rem;margin-top:1rem}';

/** Room for the multipart envelope around a file at the limit. */
const MULTIPART_ALLOWANCE = 64 * 1024;

export interface UploadEndpointOptions {
  readonly links: UploadLinks;
  readonly imports: StaffImportDeps;
  readonly jobs: StaffImportJobs;
  readonly cards: Pick<CardsInPlace, 'postToPerson'>;
  readonly logger: Logger;
}

export interface UploadRoutes {
  readonly page: (req: Request, res: Response) => Promise<void>;
  readonly upload: (req: Request, res: Response) => Promise<void>;
  readonly report: (req: Request, res: Response) => Promise<void>;
}

export function uploadEndpoint(options: UploadEndpointOptions): UploadRoutes {
  const log = options.logger.child({ module: 'uploads' });
  const checked = (req: Request, code: 'up' | 'rep') => options.links.check(code, tokenOf(req), new URL(req.url ?? '', 'http://localhost').searchParams);
  const refuse = (res: Response, reason: 'invalid' | 'expired', again: string): void =>
    reason === 'expired' ? html(res, 410, 'This link has expired', `<p>Upload and report links work for 15 minutes. In Teams, type <b>${again}</b> to me for a new one.</p>`) : html(res, 404, 'Nothing here', '<p>There is nothing here.</p>');
  /** The project and the person's right to import, checked again now (they may have lost the role since). */
  const access = async (projectId: string, userId: string) => {
    const project = await options.imports.projects.get(projectId);
    if (!project) return undefined;
    const actor = { tenantId: project.tenantId, userId, name: findMember(project, { userId })?.name ?? '' };
    try {
      await loadStaffImportFor(options.imports, actor, projectId);
    } catch (err: unknown) {
      if (isDomainError(err)) return undefined;
      throw err;
    }
    return { project, actor };
  };

  return {
    async page(req, res) {
      const check = checked(req, 'up');
      if (!check.ok) return refuse(res, check.reason, 'import staff');
      const project = await access(check.projectId, check.userId);
      if (!project) return html(res, 404, 'Nothing here', '<p>There is nothing here.</p>');
      html(
        res,
        200,
        'Upload the staff list',
        `<p>For ${escapeHtml(project.project.organisationName)} (${escapeHtml(project.project.odsCode)}). Choose the staff list saved as CSV (in Excel: File, Save As, "CSV UTF-8"), at most ${Math.round(options.imports.settings.maxFileBytes / 1024 / 1024)} MB.</p>
<form method="post" enctype="multipart/form-data" action="${escapeHtml(req.url ?? '')}">
<p><label for="file">Staff list (CSV)</label><br><input id="file" name="file" type="file" accept=".csv,text/csv" required></p>
<button type="submit">Import</button>
</form>
<p>The report comes to your personal chat with Gateway in Teams. This page works until ${escapeHtml(check.expiresAt.toISOString().slice(11, 16))} UTC.</p>`,
      );
    },

    async upload(req, res) {
      const check = checked(req, 'up');
      if (!check.ok) {
        req.resume();
        return refuse(res, check.reason, 'import staff');
      }
      const project = await access(check.projectId, check.userId);
      if (!project) {
        req.resume();
        return html(res, 404, 'Nothing here', '<p>There is nothing here.</p>');
      }
      const limit = options.imports.settings.maxFileBytes;
      const body = await readBody(req, limit + MULTIPART_ALLOWANCE);
      if (body === 'too-big') return html(res, 413, 'The file is too big', `<p>The file is over the ${Math.round(limit / 1024 / 1024)} MB limit. Split it, or remove columns Gateway does not use. Nothing was imported.</p>`);
      const type = req.headers['content-type'] ?? '';
      const file = type.startsWith('multipart/form-data') ? readMultipartFile(body, type) : { name: 'staff.csv', bytes: new Uint8Array(body) };
      if (!file) return html(res, 400, 'No file', '<p>No file came with the form. Go back, choose the CSV file and press Import.</p>');
      if (file.bytes.length > limit) return html(res, 413, 'The file is too big', `<p>The file is over the ${Math.round(limit / 1024 / 1024)} MB limit. Nothing was imported.</p>`);
      const place = await options.cards.postToPerson(project.project.tenantId, check.userId, importProgressCardJson(file.name, { phase: 'reading' }));
      options.jobs.start({ projectId: check.projectId, tenantId: project.project.tenantId, fileName: file.name, by: { id: check.userId, name: project.actor.name }, file: file.bytes, place, personal: true });
      log.info({ projectId: check.projectId, bytes: file.bytes.length }, 'staff file uploaded');
      html(
        res,
        202,
        'Importing the staff list',
        place === undefined
          ? '<p>Thank you: Gateway is importing the file. I could not reach your personal chat with Gateway in Teams, so message Gateway there to see the staff list once it is done.</p>'
          : '<p>Thank you: Gateway is importing the file. Its progress and then the report are in your personal chat with Gateway in Teams. You can close this page.</p>',
      );
    },

    async report(req, res) {
      const check = checked(req, 'rep');
      if (!check.ok || check.importId === undefined) return refuse(res, check.ok ? 'invalid' : check.reason, 'import staff');
      const project = await access(check.projectId, check.userId);
      const record = project === undefined ? undefined : await options.imports.store.get(check.projectId, check.importId);
      if (!record?.report) return html(res, 404, 'Nothing here', '<p>There is nothing here.</p>');
      const body = Buffer.from(csvStringifyWriter.write(reportRows(record.report)), 'utf8');
      res.writeHead(200, { ...PAGE_HEADERS, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="staff-import-report-${record.startedAt.slice(0, 10)}.csv"`, 'Content-Length': String(body.length) });
      res.end(body);
    },
  };
}

/** The whole report as kept (the counts are whole; lists up to the kept limits). */
function reportRows(report: ImportReport): string[][] {
  const rows: string[][] = [['Section', 'Line', 'Local ID', 'Detail']];
  const c = report.counts;
  rows.push(['Summary', '', '', `${c.rows} rows: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected, ${c.missing} not in this file`]);
  for (const r of report.rejections) rows.push(['Rejected', String(r.line), r.localId ?? '', r.reasons.join('; ')]);
  for (const w of report.warnings) rows.push(['Warning', String(w.line), w.localId, `${WARNING_LABELS[w.kind]}. ${w.detail}`]);
  for (const id of report.missing) rows.push(['Not in this file', '', id, 'On the staff list but not in this file']);
  return rows;
}

function tokenOf(req: Request): string {
  const params = req.params as Record<string, unknown> | undefined;
  return typeof params?.token === 'string' ? params.token : '';
}

/** The request body, stopping (and dropping the rest) once it passes `limit`. */
async function readBody(req: Request, limit: number): Promise<Buffer | 'too-big'> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) {
      req.destroy();
      return 'too-big';
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function html(res: Response, status: number, title: string, body: string): void {
  const page = Buffer.from(
    `<!doctype html>\n<html lang="en-GB">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</body>\n</html>\n`,
    'utf8',
  );
  res.writeHead(status, { ...PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(page.length) });
  res.end(page);
}
