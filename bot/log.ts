import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/**
 * Fields that could carry message text or personal data. Redacting them is a second line of defence: code logs ids
 * only, but a careless `log.info({ activity })` must still not leak a member of staff's name or message.
 */
const REDACT = [
  'text',
  'activity',
  'body',
  'value',
  'attachments',
  'name',
  'email',
  'userPrincipalName',
  '*.text',
  '*.name',
  '*.email',
  '*.userPrincipalName',
  '*.value',
  'req.headers.authorization',
  'headers.authorization',
];

/** One root logger per process; modules take `logger.child({ module })` so every line says where it came from. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'gateway' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Only the error's class and stack: messages can quote user input, so they stay out of the logs. */
export function errorSummary(err: unknown): { type: string; stack: string | undefined } {
  if (err instanceof Error) return { type: err.name, stack: err.stack?.split('\n').slice(1, 8).join('\n') };
  return { type: typeof err, stack: undefined };
}
