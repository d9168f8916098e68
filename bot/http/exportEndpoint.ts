import type { Request, Response } from 'restify';
import type { Logger } from '../log';
import type { QuestionnaireDeps } from '../migration/questionnaire/questionnaireDeps';
import { exportQuestionnaire } from '../migration/questionnaire/questionnaireExport';
import { csvStringifyWriter } from '../exports/csvStringifyWriter';
import { exportRisks } from '../migration/risks/exportRisks';
import type { RiskDeps } from '../migration/risks/riskDeps';
import { isDomainError } from '../migration/shared/errors';
import { exportPortalAccounts } from '../migration/staff/rollout/portalAccounts';
import type { RolloutDeps } from '../migration/staff/rollout/rolloutDeps';
import type { ExportLinks } from './exportLinks';

export interface ExportEndpointOptions {
  readonly links: ExportLinks;
  readonly deps: QuestionnaireDeps;
  /** The risks and issues log, for its CSV links; without it those links answer 404. */
  readonly risks?: RiskDeps;
  /** The roll-out, for the NHSmail Portal account files; without it those links answer 404. */
  readonly rollout?: RolloutDeps;
  readonly logger: Logger;
}

/** Headers on every answer: nothing here may be cached, sniffed into another type, or leak its URL onwards. */
const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
} as const;

/**
 * GET /api/exports/:token: the questionnaire document a signed link names,
 * as a download. A link that is not one the bot signed gets 404 (the same as
 * a project that no longer exists, so nothing can be probed); a signed link
 * past its 15 minutes gets 410, so the person knows to ask for a new one.
 */
export function exportEndpoint(options: ExportEndpointOptions): (req: Request, res: Response) => Promise<void> {
  const log = options.logger.child({ module: 'exports' });
  return async (req, res) => {
    const params = req.params as Record<string, unknown> | undefined;
    const token = typeof params?.token === 'string' ? params.token : '';
    if (options.links.isRiskLogToken(token)) return serveRiskLog(options, token, byOf(req), res, log);
    if (options.links.isAccountFileToken(token)) return serveAccountFile(options, token, req, res, log);
    const check = options.links.check(token);
    if (!check.ok) {
      log.info({ reason: check.reason }, 'export link refused');
      if (check.reason === 'expired') return reply(res, 410, 'This download link has expired. In Teams, type export questionnaire to me for a new one.');
      return reply(res, 404, 'There is nothing to download here.');
    }
    const document = await exportQuestionnaire(options.deps, { projectId: check.projectId, format: check.format });
    if (!document) {
      log.info({ projectId: check.projectId }, 'export link for a missing project');
      return reply(res, 404, 'There is nothing to download here.');
    }
    const bytes = download(res, document.contentType, document.fileName, document.body);
    log.info({ projectId: check.projectId, format: check.format, bytes }, 'questionnaire exported');
  };
}

/** The risk log's CSV, for the person the link names, if they may still read the log (staff and leavers may not). */
async function serveRiskLog(options: ExportEndpointOptions, token: string, by: string, res: Response, log: Logger): Promise<void> {
  const check = options.links.checkRiskLog(token, by);
  if (!check.ok) {
    log.info({ reason: check.reason }, 'risk log link refused');
    if (check.reason === 'expired') return reply(res, 410, 'This download link has expired. In Teams, type export risks to me for a new one.');
    return reply(res, 404, 'There is nothing to download here.');
  }
  const project = options.risks === undefined ? undefined : await options.risks.projects.get(check.projectId);
  if (options.risks === undefined || project === undefined) return reply(res, 404, 'There is nothing to download here.');
  const actor = { tenantId: project.tenantId, userId: check.userId, name: 'export link' };
  const exported = await exportRisks(options.risks, { actor, projectId: project.projectId }, csvStringifyWriter).catch((err: unknown) => {
    if (isDomainError(err)) return undefined;
    throw err;
  });
  if (exported === undefined) {
    log.info({ projectId: check.projectId }, 'risk log link for someone who may no longer read it');
    return reply(res, 404, 'There is nothing to download here.');
  }
  const bytes = download(res, 'text/csv; charset=utf-8', exported.fileName, exported.csv);
  log.info({ projectId: check.projectId, entries: exported.entryCount, bytes }, 'risk log exported');
}

/**
 * One NHSmail Portal account file, for the person the link names, if they may still read the roll-out: worked out
 * again from the staff list as it is now, so a file opened after someone's account was created leaves them out.
 */
async function serveAccountFile(options: ExportEndpointOptions, token: string, req: Request, res: Response, log: Logger): Promise<void> {
  const check = options.links.checkAccountFile(token, new URL(req.url ?? '', 'http://localhost').searchParams);
  if (!check.ok) {
    log.info({ reason: check.reason }, 'account file link refused');
    if (check.reason === 'expired') return reply(res, 410, 'This download link has expired. In Teams, type export accounts to me for a new one.');
    return reply(res, 404, 'There is nothing to download here.');
  }
  const project = options.rollout === undefined ? undefined : await options.rollout.projects.get(check.projectId);
  if (options.rollout === undefined || project === undefined) return reply(res, 404, 'There is nothing to download here.');
  const actor = { tenantId: project.tenantId, userId: check.userId, name: 'export link' };
  const { scope, ...range } = check.file;
  const exported = await exportPortalAccounts(options.rollout, { actor, projectId: project.projectId, range, ...(scope === 'all' ? {} : { groupId: scope }) }).catch((err: unknown) => {
    if (isDomainError(err)) return undefined;
    throw err;
  });
  const [file] = exported?.files ?? [];
  if (file === undefined) {
    log.info({ projectId: check.projectId }, 'account file link for someone who may no longer read it, or a file no longer there');
    return reply(res, 404, 'There is nothing to download here. The staff list may have changed: type export accounts again.');
  }
  const bytes = download(res, 'text/csv; charset=utf-8', file.fileName, csvStringifyWriter.write(file.rows));
  log.info({ projectId: check.projectId, part: check.file.part, rows: file.people, bytes }, 'account file exported');
}

/** The `by` query parameter, read from the raw URL (the server has no query parser). */
function byOf(req: Request): string {
  return new URL(req.url ?? '', 'http://localhost').searchParams.get('by') ?? '';
}

/** A 200 with the text as an attachment; the number of bytes sent, for the log. */
function download(res: Response, contentType: string, fileName: string, text: string): number {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${fileName}"`, 'Content-Length': String(body.length) });
  res.end(body);
  return body.length;
}

function reply(res: Response, status: number, message: string): void {
  const body = Buffer.from(`${message}\n`, 'utf8');
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length) });
  res.end(body);
}
