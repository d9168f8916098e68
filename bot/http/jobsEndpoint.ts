import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { JobRunner } from '../jobs/jobRunner';
import type { Logger } from '../log';
import type { EntraJobTokenValidator } from './entraJobToken';

export const JOBS_KEY_HEADER = 'x-gateway-jobs-key';

/**
 * POST /api/jobs/weekly-highlights, for an external timer (Azure Functions, Logic Apps) when several instances run
 * and the in-process scheduler is off. Authenticated by a shared key from settings (`JOBS_API_KEY`) in the
 * `X-Gateway-Jobs-Key` header, compared in constant time, or (with `BOT_ID` set) by an Entra access token for the
 * bot's own app in `Authorization: Bearer` (entraJobToken.ts). With neither configured the route is not registered
 * at all (404), so it is never open; a key server that cannot be reached answers 503, never lets the call through. It answers 202 at once: the run takes minutes for thousands of projects, longer
 * than an HTTP trigger should wait; a second call while one runs answers 202 with `alreadyRunning`, and calling it
 * again later in the week posts nothing twice (the claims see to that).
 */
export function jobsEndpoint(options: {
  readonly key?: string;
  readonly token?: EntraJobTokenValidator;
  readonly runner: JobRunner;
  readonly logger: Logger;
}): (req: Request, res: Response) => Promise<void> {
  const log = options.logger.child({ module: 'jobs-endpoint' });
  const expected = options.key === undefined ? undefined : digest(options.key);
  const refuse = (res: Response, why: string): void => {
    log.warn({ why }, 'job trigger refused');
    res.send(401, { error: 'Unauthorized', message: `A valid ${JOBS_KEY_HEADER} header or Entra bearer token is required.` });
  };
  return async (req, res) => {
    const given = req.header(JOBS_KEY_HEADER, '');
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.header('authorization', ''))?.[1];
    if (given !== '') {
      if (expected === undefined || !timingSafeEqual(digest(given), expected)) return refuse(res, 'wrong key');
    } else if (bearer !== undefined && options.token !== undefined) {
      let checked;
      try {
        checked = await options.token.check(bearer);
      } catch (err: unknown) {
        log.warn({ err: err instanceof Error ? err.name : typeof err }, 'job trigger: the OpenID key server could not be reached');
        res.header('Retry-After', '30');
        res.send(503, { error: 'KeysUnavailable' });
        return;
      }
      if (!checked.ok) return refuse(res, `token: ${checked.reason}`);
    } else {
      return refuse(res, 'no credentials');
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
  };
}

/** Hashing first gives both sides the same length, which timingSafeEqual needs, and leaks nothing about the key's. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
