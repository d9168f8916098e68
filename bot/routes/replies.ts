import { DialogContextError } from 'botbuilder-dialogs';
import { friendlyText, isDomainError } from '../migration/shared/errors';
import type { DomainError } from '../migration/shared/errors';

/**
 * Runs a handler and turns a domain error (refused, invalid, stale, not found) into the friendly text a route
 * replies with. Anything else is a fault and goes on to the turn error handler, which apologises with a reference.
 */
export async function orFriendlyError<T>(work: () => Promise<T>): Promise<T | { readonly refused: string; readonly error: DomainError }> {
  try {
    return await work();
  } catch (err) {
    // A dialog wraps what its steps throw, so a refusal inside the walkthrough is unwrapped first.
    const cause = err instanceof DialogContextError ? err.error : err;
    if (isDomainError(cause)) return { refused: friendlyText(cause), error: cause };
    throw err;
  }
}

export function isRefusal(value: unknown): value is { readonly refused: string; readonly error: DomainError } {
  return typeof value === 'object' && value !== null && 'refused' in value && typeof value.refused === 'string';
}
