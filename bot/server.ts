import restify from 'restify';
import type { Request, Response, Server } from 'restify';
import { htmlPage, PRIVACY_PAGE, TERMS_PAGE } from './http/legalPages';
import type { UploadRoutes } from './http/uploadEndpoint';
import { IMPORT_REPORTS_PATH, UPLOADS_PATH } from './http/uploadLinks';
import { errorSummary } from './log';
import type { Logger } from './log';

/** Teams caps a message at about 100 KB; anything far larger is not a Teams activity. */
const MAX_BODY_BYTES = 512 * 1024;

export interface HttpRoutes {
  readonly messages: (req: Request, res: Response) => Promise<void>;
  readonly health: (req: Request, res: Response) => Promise<void>;
  /** GET /api/exports/:token, the questionnaire download behind a signed link (optional: the bench's echo bot has none). */
  readonly exports?: (req: Request, res: Response) => Promise<void>;
  /** POST /api/jobs/weekly-highlights, only when a job key is configured (otherwise 404). */
  readonly weeklyHighlights?: (req: Request, res: Response) => Promise<void>;
  /** The staff list's upload page (GET, POST /api/uploads/:token) and the import report's CSV. */
  readonly uploads?: UploadRoutes;
}

export interface HttpServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting requests, then waits (up to `graceMs`) for the ones in flight so no turn is cut off mid-save. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The restify shell: body limits, in-flight tracking for graceful shutdown, and the two routes. Everything a route
 * does lives in its own handler so this file stays the same as capabilities grow.
 */
export async function startHttpServer(options: { host: string; port: number; routes: HttpRoutes; logger: Logger }): Promise<HttpServer> {
  const log = options.logger.child({ module: 'http' });
  const server: Server = restify.createServer({ name: 'gateway', handleUncaughtExceptions: false });
  let inFlight = 0;
  let idle: (() => void) | undefined;

  // The upload page's POST streams its own body (a staff file is up to 20 MB); everything else is small JSON.
  const parsers = restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true });
  server.use(parsers.map((parse): restify.RequestHandler => (req, res, next) => {
      if (req.getPath().startsWith(`${UPLOADS_PATH}/`)) next();
      else parse(req, res, next);
    }));

  const tracked =
    (handler: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      inFlight += 1;
      try {
        await handler(req, res);
      } catch (err) {
        log.error({ err: errorSummary(err) }, 'request handler failed');
        if (!res.headersSent) res.send(500, { error: 'InternalError' });
      } finally {
        inFlight -= 1;
        if (inFlight === 0) idle?.();
      }
    };

  server.post('/api/messages', tracked(options.routes.messages));
  server.get('/healthz', tracked(options.routes.health));
  // The Teams manifest's privacy and terms links (infra/teams/manifest.json): the same on every deployment.
  server.get('/privacy', tracked(htmlPage(PRIVACY_PAGE)));
  server.get('/terms', tracked(htmlPage(TERMS_PAGE)));
  if (options.routes.exports) server.get('/api/exports/:token', tracked(options.routes.exports));
  if (options.routes.uploads) {
    server.get(`${UPLOADS_PATH}/:token`, tracked(options.routes.uploads.page));
    server.post(`${UPLOADS_PATH}/:token`, tracked(options.routes.uploads.upload));
    server.get(`${IMPORT_REPORTS_PATH}/:token`, tracked(options.routes.uploads.report));
  }
  if (options.routes.weeklyHighlights) server.post('/api/jobs/weekly-highlights', tracked(options.routes.weeklyHighlights));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = address.port;
  const hostForUrl = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  log.info({ port, host: options.host }, 'listening');

  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    async close(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      if (inFlight > 0) {
        const drained = new Promise<void>((resolve) => {
          idle = resolve;
        });
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
        await Promise.race([drained, timeout]);
      }
      server.server.closeAllConnections();
      await closed;
    },
  };
}
