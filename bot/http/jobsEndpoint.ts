import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { JobRunner } from '../jobs/jobRunner';
import type { Logger } from '../log';

export const JOBS_KEY_HEADER = 'x-gateway-jobs-key';

/**
 * POST /api/jobs/weekly-highlights, for an external timer (Azure Functions, Logic Apps) when several instances run
 * and the in-process scheduler is off. Authenticated by a shared key from settings (`JOBS_API_KEY`) in the
 * `X-Gateway-Jobs-Key` header, compared in constant time. Without a configured key the route is not registered at
 * all (404), so it is never open. It answers 202 at once: the run takes minutes for thousands of projects, longer
 * than an HTTP trigger should wait; a second call while one runs answers 202 with `alreadyRunning`, and calling it
 * again later in the week posts nothing twice (the claims see to that).
 */
export function jobsEndpoint(options: { readonly key: string; readonly runner: JobRunner; readonly logger: Logger }): (req: Request, res: Response) => Promise<void> {
  const log = options.logger.child({ module: 'jobs-endpoint' });
  const expected = digest(options.key);
  return (req, res) => {
    const given = req.header(JOBS_KEY_HEADER, '');
    if (given === '' || !timingSafeEqual(digest(given), expected)) {
      log.warn('job trigger refused: wrong or missing key');
      res.send(401, { error: 'Unauthorized', message: `A valid ${JOBS_KEY_HEADER} header is required.` });
      return Promise.resolve();
    }
    const result = options.runner.start();
    if (result.started) {
      log.info({ runId: result.runId }, 'weekly highlight run started by the job endpoint');
      res.send(202, { runId: result.runId });
    } else if (result.reason === 'already-running') {
      res.send(202, { alreadyRunning: true });
    } else {
      res.send(503, { error: 'ShuttingDown' });
    }
    return Promise.resolve();
  };
}

/** Hashing first gives both sides the same length, which timingSafeEqual needs, and leaks nothing about the key's. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
