import { randomUUID } from 'node:crypto';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Request, Response } from 'restify';
import { errorSummary } from '../log';
import type { Logger } from '../log';
import { isAllowedServiceUrl } from '../security/serviceUrlGuard';
import { isTokenRefusal, TokenCheckUnavailable } from '../teams/gatewayAdapter';
import type { GatewayAdapter } from '../teams/gatewayAdapter';
import { checkActivityShape } from './activityShape';

export interface MessagesEndpointOptions {
  readonly adapter: GatewayAdapter;
  readonly allowedServiceUrlHosts: readonly string[];
  readonly logger: Logger;
  readonly logic: (context: TurnContext) => Promise<void>;
}

/**
 * POST /api/messages. We call the adapter's `processActivity` ourselves rather than `process` so that a malformed body, a
 * foreign service URL or a failed sign-in is answered here with a short reason, and the adapter's own error path
 * (which prints whole errors to the console and echoes their messages to the caller) is never reached.
 */
export function messagesEndpoint(options: MessagesEndpointOptions): (req: Request, res: Response) => Promise<void> {
  const log = options.logger.child({ module: 'messages' });
  return async (req, res) => {
    const shape = checkActivityShape(req.body);
    if (!shape.ok) {
      log.warn({ problems: shape.problems.length }, 'malformed activity refused');
      res.send(400, { error: 'BadActivity', message: 'That request is not a valid Bot Framework activity.', problems: shape.problems });
      return;
    }
    if (!isAllowedServiceUrl(shape.serviceUrl, options.allowedServiceUrlHosts)) {
      log.warn('activity from a service URL that is not allowed refused');
      res.send(403, { error: 'ServiceUrlNotAllowed', message: 'This bot only answers Microsoft Teams.' });
      return;
    }
    const authHeader = req.header('authorization', '');
    try {
      const invokeResponse: InvokeResponse | undefined = await options.adapter.handleActivity(authHeader, req.body as Activity, options.logic);
      if (invokeResponse?.body !== undefined) res.send(invokeResponse.status, invokeResponse.body);
      else res.send(invokeResponse?.status ?? 200);
    } catch (err) {
      if (err instanceof TokenCheckUnavailable) {
        log.warn({ retryAfterSeconds: KEY_SERVER_RETRY_SECONDS }, 'request not checked: the signing keys could not be loaded');
        res.header('Retry-After', String(KEY_SERVER_RETRY_SECONDS));
        res.send(503, { error: 'ServiceUnavailable', message: 'The token could not be checked just now. Please retry.' });
        return;
      }
      if (isTokenRefusal(err)) {
        const status = err instanceof AuthenticationError && err.statusCode === 403 ? 403 : 401;
        // The SDK's reasons name only app ids, key ids and claims, never message content.
        log.warn({ status, reason: err.message }, 'request refused: authentication failed');
        res.send(status, { error: 'Unauthorized', message: 'A valid Bot Framework token is required.' });
        return;
      }
      const correlationId = randomUUID();
      log.error({ err: errorSummary(err), correlationId }, 'turn failed outside the turn error handler');
      res.send(500, { error: 'InternalError', correlationId });
    }
  };
}

/** How long Teams is asked to wait before retrying while the key server is unreachable. */
const KEY_SERVER_RETRY_SECONDS = 10;
