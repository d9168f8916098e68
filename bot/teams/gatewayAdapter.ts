import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { AuthenticationError } from 'botframework-connector';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { errorSummary } from '../log';
import type { Logger } from '../log';
import { routeConsole } from './sdkConsole';

/**
 * The token could not be checked because the key server (OpenID metadata, JWKS) did not answer: not the caller's
 * fault and not a bug here, so it is answered 503 with Retry-After (Teams retries), never 500 and never a turn.
 */
export class TokenCheckUnavailable extends Error {
  constructor() {
    super('The Bot Framework signing keys could not be loaded, so the token could not be checked.');
    this.name = 'TokenCheckUnavailable';
  }
}

/** The token library's own errors (bad signature, not yet valid) escape the SDK unwrapped; they are still a refusal. */
const JWT_ERROR_NAMES = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** A token that was checked and refused (401, or 403 for a token that is valid but not for this bot). */
export function isTokenRefusal(err: unknown): err is Error {
  if (err instanceof AuthenticationError) return err.statusCode < 500;
  return err instanceof Error && JWT_ERROR_NAMES.has(err.name);
}

/**
 * teams-ai's adapter, with the request's authentication done as a step of its own before the turn, so that: the HTTP
 * endpoint can map a refused token to 401/403 and an unreachable key server to 503 itself (not through `process`,
 * which logs whole errors to the console); and the SDK's console output during the token check goes to the
 * structured log at debug level instead of stderr.
 */
export class GatewayAdapter extends TeamsAdapter {
  private authLog: Logger | undefined;

  /** Where the SDK's console lines from token checks go (debug level); without one they are dropped. */
  useLogger(logger: Logger): this {
    this.authLog = logger.child({ module: 'auth' });
    return this;
  }

  async handleActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const authenticated = await this.authenticate(authHeader, activity);
    return this.processActivity(authenticated, activity, logic);
  }

  private async authenticate(authHeader: string, activity: Activity): Promise<AuthenticateRequestResult> {
    try {
      return await routeConsole(
        (method, args) => this.authLog?.debug({ sdkConsole: method, lines: args.map(describeConsoleArg) }, 'token check: SDK console output'),
        () => this.botFrameworkAuthentication.authenticateRequest(activity, authHeader),
      );
    } catch (err) {
      if (isTokenRefusal(err)) throw err;
      // The key fetch failed (connection refused, DNS, a 5xx from the key server): say so without its details.
      this.authLog?.debug({ err: errorSummary(err) }, 'token check could not reach the key server');
      throw new TokenCheckUnavailable();
    }
  }
}

/** Errors as type and stack (their messages can quote tokens), anything else as its first line, cut short. */
function describeConsoleArg(arg: unknown): unknown {
  if (arg instanceof Error) return errorSummary(arg);
  const first = String(arg).split('\n')[0] ?? '';
  return first.length > 120 ? `${first.slice(0, 120)}…` : first;
}
