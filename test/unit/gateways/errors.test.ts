import { describe, expect, it } from 'vitest';
import {
  InvalidState,
  NotFound,
  PermissionDenied,
  StaleEdit,
  ValidationFailed,
  isDomainError,
  type DomainError,
} from '../../../bot/migration/shared/errors';

describe('domain errors', () => {
  it('when each error is made, then it carries its code and a friendly message', () => {
    const errors: DomainError[] = [
      new PermissionDenied('Only the project manager can assign project roles.'),
      new ValidationFailed([{ field: 'note', message: 'Please write something in the note.' }]),
      new StaleEdit(2, 3),
      new NotFound('checklist item', 'g9-nope'),
      new InvalidState("Gateway 2 hasn't been passed, so there is nothing to reopen."),
    ];
    expect(errors.map((e) => e.code)).toEqual(['permission-denied', 'validation-failed', 'stale-edit', 'not-found', 'invalid-state']);
    for (const e of errors) {
      expect(e).toBeInstanceOf(Error);
      expect(isDomainError(e)).toBe(true);
      expect(e.message.length).toBeGreaterThan(10);
    }
  });

  it('when a validation has several field errors, then all are kept and summarised', () => {
    const error = new ValidationFailed([
      { field: 'odsCode', message: 'An ODS code is 3 to 9 letters and numbers.' },
      { field: 'cutover', message: 'The cutover date needs to be after the planned start.' },
    ]);
    expect(error.fieldErrors.map((e) => e.field)).toEqual(['odsCode', 'cutover']);
    expect(error.message).toContain('2 answers');
    expect(error.message).toContain('cutover date');
  });

  it('when an edit is stale, then it says so kindly and hints how to recover', () => {
    const error = new StaleEdit(4, 5);
    expect(error.message).toMatch(/someone else updated this item/i);
    expect(error.hint).toMatch(/refresh/i);
    expect([error.expectedVersion, error.actualVersion]).toEqual([4, 5]);
  });

  it('when permission is denied, then the reason is the message and the name is the class', () => {
    const error = new PermissionDenied('Only the project manager or SRO can sign off a gateway.');
    expect(error.reason).toBe(error.message);
    expect(error.name).toBe('PermissionDenied');
  });

  it('when something is not a domain error, then the guard says no', () => {
    expect(isDomainError(new Error('boom'))).toBe(false);
    expect(isDomainError('boom')).toBe(false);
  });
});
