/**
 * Typed domain errors.
 *
 * Why: the bot's edge maps each error to one friendly reply, so the domain must
 * say *what kind* of problem happened (a `code` it can switch on) and carry a
 * message that is already safe and kind to show to NHS staff. Raw
 * `error.message` from anything else is never shown to users.
 */

/** Every kind of problem the domain can report. Add a code here before using it. */
export type DomainErrorCode = 'permission-denied' | 'validation-failed' | 'stale-edit' | 'not-found' | 'invalid-state';

/** One problem with one input field, worded for the person who filled it in. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Base of every domain error. `message` is user-facing plain NHS English;
 * `hint` optionally says how to put it right.
 */
export abstract class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  abstract readonly code: C;
  readonly hint: string | undefined;

  protected constructor(message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
  }
}

/** The person's project role does not allow the action. */
export class PermissionDenied extends DomainError<'permission-denied'> {
  readonly code = 'permission-denied' as const;

  /** Why they can't, e.g. "Only the project manager or SRO can sign off a gateway." */
  readonly reason: string;

  constructor(reason: string, hint?: string) {
    super(reason, hint);
    this.reason = reason;
  }
}

/** Input was wrong. Carries every field problem at once so a form can show them together. */
export class ValidationFailed extends DomainError<'validation-failed'> {
  readonly code = 'validation-failed' as const;
  readonly fieldErrors: readonly FieldError[];

  constructor(fieldErrors: readonly FieldError[], hint?: string) {
    super(ValidationFailed.summarise(fieldErrors), hint);
    this.fieldErrors = Object.freeze([...fieldErrors]);
  }

  private static summarise(fieldErrors: readonly FieldError[]): string {
    if (fieldErrors.length === 1 && fieldErrors[0]) return fieldErrors[0].message;
    return `Please check ${fieldErrors.length} answers: ${fieldErrors.map((e) => e.message).join(' ')}`;
  }
}

/**
 * Someone else changed the record since this person looked at it. Several
 * people edit one checklist, so a silent last-writer-wins would lose work.
 */
export class StaleEdit extends DomainError<'stale-edit'> {
  readonly code = 'stale-edit' as const;
  readonly expectedVersion: number;
  readonly actualVersion: number;

  constructor(expectedVersion: number, actualVersion: number) {
    super(
      'Someone else updated this item since you opened it, so your change was not saved.',
      'Refresh the item to see the latest version, then make your change again.',
    );
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** The thing asked for does not exist (or no longer does). */
export class NotFound extends DomainError<'not-found'> {
  readonly code = 'not-found' as const;
  readonly what: string;
  readonly id: string;

  constructor(what: string, id: string, hint?: string) {
    super(`We couldn't find that ${what}.`, hint);
    this.what = what;
    this.id = id;
  }
}

/** The action makes no sense in the record's current state (e.g. reopening a gateway that never passed). */
export class InvalidState extends DomainError<'invalid-state'> {
  readonly code = 'invalid-state' as const;

  constructor(message: string, hint?: string) {
    super(message, hint);
  }
}

/** Narrowing guard for the edge's error handler. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** A domain error as one friendly line: its message, then how to put it right when the domain knows. */
export function friendlyText(err: DomainError): string {
  return err.hint === undefined ? err.message : `${err.message} ${err.hint}`;
}

/**
 * Runs a change and says why it was refused, if it was (undefined when it went through); anything that is not a
 * domain error is a fault and is thrown on. Callers show the current state with this line on top, so the person sees
 * both the reason and what is there now.
 */
export async function refusalOf(change: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await change();
    return undefined;
  } catch (err) {
    if (isDomainError(err)) return friendlyText(err);
    throw err;
  }
}
