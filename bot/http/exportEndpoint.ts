import type { Request, Response } from 'restify';
import type { Logger } from '../log';
import type { QuestionnaireDeps } from '../migration/questionnaire/questionnaireDeps';
import { exportQuestionnaire } from '../migration/questionnaire/questionnaireExport';
import type { ExportLinks } from './exportLinks';

export interface ExportEndpointOptions {
  readonly links: ExportLinks;
  readonly deps: QuestionnaireDeps;
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
    const body = Buffer.from(document.body, 'utf8');
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': document.contentType,
      'Content-Disposition': `attachment; filename="${document.fileName}"`,
      'Content-Length': String(body.length),
    });
    res.end(body);
    log.info({ projectId: check.projectId, format: check.format, bytes: body.length }, 'questionnaire exported');
  };
}

function reply(res: Response, status: number, message: string): void {
  const body = Buffer.from(`${message}\n`, 'utf8');
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length) });
  res.end(body);
}
