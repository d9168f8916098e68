import { describe, expect, it } from 'vitest';
import { applyItemUpdate, INLINE_EVIDENCE_KEPT, INLINE_NOTES_KEPT, isHttpsUrl, type ItemChange, type ItemUpdate } from '../../../bot/migration/gateways/itemUpdates';
import type { ItemState } from '../../../bot/migration/gateways/gatewayState';
import { NotFound, PermissionDenied, StaleEdit, ValidationFailed } from '../../../bot/migration/shared/errors';
import { AT, catalogue, itemState, priya, tom } from './fixtures';

const LATER = '2026-11-26T09:00:00.000Z';

function update(change: ItemChange, overrides: Partial<ItemUpdate> = {}): ItemUpdate {
  return { itemId: 'g2-pid', expectedVersion: 1, change, by: tom, role: 'team-member', at: LATER, ...overrides };
}

function validationFields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationFailed) return error.fieldErrors.map((e) => e.field);
    throw error;
  }
  throw new Error('expected a ValidationFailed');
}

const current: ItemState = itemState('g2-pid');

describe('applying an item update', () => {
  it('when an item is marked done, then status, version, updater and audit all move on', () => {
    const { state, audit } = applyItemUpdate(catalogue, current, update({ field: 'status', status: 'done' }));
    expect(state).toMatchObject({ itemId: 'g2-pid', status: 'done', version: 2, updatedBy: tom, updatedAt: LATER });
    expect(audit).toEqual([{ at: LATER, by: tom, itemId: 'g2-pid', field: 'status', before: 'open', after: 'done' }]);
    expect(current.status).toBe('open');
  });

  it('when an item nobody has touched is updated, then it starts from open at version 0', () => {
    const { state } = applyItemUpdate(catalogue, undefined, update({ field: 'status', status: 'done' }, { expectedVersion: 0 }));
    expect(state).toMatchObject({ status: 'done', version: 1, notes: [], evidence: [] });
  });

  it('when the update was based on an older version, then it is refused as a stale edit', () => {
    expect(() => applyItemUpdate(catalogue, itemState('g2-pid', { version: 3 }), update({ field: 'status', status: 'done' }, { expectedVersion: 2 }))).toThrow(
      StaleEdit,
    );
    expect(() => applyItemUpdate(catalogue, undefined, update({ field: 'status', status: 'done' }, { expectedVersion: 1 }))).toThrow(StaleEdit);
  });

  it('when someone with the staff role tries, then permission is denied before anything else is checked', () => {
    expect(() => applyItemUpdate(catalogue, current, update({ field: 'note', text: '' }, { role: 'staff', expectedVersion: 99 }))).toThrow(
      PermissionDenied,
    );
  });

  it('when the item is not in the catalogue, then NotFound is thrown', () => {
    expect(() => applyItemUpdate(catalogue, undefined, update({ field: 'status', status: 'done' }, { itemId: 'g2-gone', expectedVersion: 0 }))).toThrow(
      NotFound,
    );
  });

  it('when the change alters nothing, then the state comes back unchanged with no new version or audit', () => {
    const result = applyItemUpdate(catalogue, current, update({ field: 'status', status: 'open' }));
    expect(result.state).toBe(current);
    expect(result.audit).toEqual([]);
  });
});

describe('status changes', () => {
  it('when an item is marked not applicable without a reason, then it is refused', () => {
    expect(validationFields(() => applyItemUpdate(catalogue, current, update({ field: 'status', status: 'not-applicable' })))).toEqual(['naReason']);
    expect(validationFields(() => applyItemUpdate(catalogue, current, update({ field: 'status', status: 'not-applicable', naReason: '   ' })))).toEqual([
      'naReason',
    ]);
  });

  it('when the reason is far too long, then it is refused', () => {
    expect(
      validationFields(() => applyItemUpdate(catalogue, current, update({ field: 'status', status: 'not-applicable', naReason: 'x'.repeat(501) }))),
    ).toEqual(['naReason']);
  });

  it('when an item is marked not applicable with a reason, then both are saved and audited', () => {
    const { state, audit } = applyItemUpdate(
      catalogue,
      current,
      update({ field: 'status', status: 'not-applicable', naReason: '  Our managed service provider writes the PID  ' }),
    );
    expect(state.status).toBe('not-applicable');
    expect(state.naReason).toBe('Our managed service provider writes the PID');
    expect(audit.map((a) => [a.field, a.before, a.after])).toEqual([
      ['status', 'open', 'not-applicable'],
      ['naReason', null, 'Our managed service provider writes the PID'],
    ]);
  });

  it('when an item leaves not applicable, then the reason is removed', () => {
    const na = itemState('g2-pid', { status: 'not-applicable', naReason: 'Not needed' });
    const { state, audit } = applyItemUpdate(catalogue, na, update({ field: 'status', status: 'open' }));
    expect('naReason' in state).toBe(false);
    expect(audit.map((a) => a.field)).toEqual(['status', 'naReason']);
  });

  it('when a required item is skipped, then it is refused with advice to use not applicable', () => {
    let caught: unknown;
    try {
      applyItemUpdate(catalogue, current, update({ field: 'status', status: 'skipped' }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationFailed);
    expect((caught as ValidationFailed).message).toMatch(/required.*not applicable/);
  });

  it('when an optional item is skipped, then it is allowed', () => {
    const optional = itemState('g2-highlight-report');
    const { state } = applyItemUpdate(catalogue, optional, update({ field: 'status', status: 'skipped' }, { itemId: 'g2-highlight-report' }));
    expect(state.status).toBe('skipped');
  });

  it('when the status is not one we know, then it is refused', () => {
    const bogus = { field: 'status', status: 'finished' } as unknown as ItemChange;
    expect(validationFields(() => applyItemUpdate(catalogue, current, update(bogus)))).toEqual(['status']);
  });
});

describe('owner and due date', () => {
  it('when an owner is assigned, then it is saved and audited by name; clearing it removes it', () => {
    const owned = applyItemUpdate(catalogue, current, update({ field: 'owner', owner: priya }));
    expect(owned.state.owner).toEqual(priya);
    expect(owned.audit[0]).toMatchObject({ field: 'owner', before: null, after: 'Priya Shah' });
    const cleared = applyItemUpdate(catalogue, owned.state, update({ field: 'owner', owner: null }, { expectedVersion: 2 }));
    expect('owner' in cleared.state).toBe(false);
    expect(cleared.audit[0]).toMatchObject({ before: 'Priya Shah', after: null });
  });

  it('when the owner has no id or name, then it is refused', () => {
    expect(validationFields(() => applyItemUpdate(catalogue, current, update({ field: 'owner', owner: { id: ' ', name: 'X' } })))).toEqual(['owner']);
  });

  it.each(['2026-02-30', '30/11/2026', 'next week', '2026-11-25T00:00:00Z'])('when the due date is %s, then it is refused', (due) => {
    expect(validationFields(() => applyItemUpdate(catalogue, current, update({ field: 'due', due })))).toEqual(['due']);
  });

  it('when a real due date is given, including the clock-change days, then it is saved', () => {
    for (const due of ['2026-03-29', '2026-10-25']) {
      expect(applyItemUpdate(catalogue, current, update({ field: 'due', due })).state.due).toBe(due);
    }
  });

  it('when the due date is cleared, then it is removed and audited', () => {
    const dated = itemState('g2-pid', { due: '2026-12-01' });
    const { state, audit } = applyItemUpdate(catalogue, dated, update({ field: 'due', due: null }));
    expect('due' in state).toBe(false);
    expect(audit[0]).toMatchObject({ field: 'due', before: '2026-12-01', after: null });
  });
});

describe('notes and evidence', () => {
  it('when a note is added to an item already holding the most kept inline, then the oldest moves out and is counted, and the audit keeps the new one in full', () => {
    const notes = Array.from({ length: INLINE_NOTES_KEPT }, (_, i) => ({ text: `Note ${i}`, by: priya, at: AT }));
    const full = itemState('g2-pid', { notes, olderNotes: 7 });
    const { state, audit } = applyItemUpdate(catalogue, full, update({ field: 'note', text: 'The newest' }));
    expect(state.notes).toHaveLength(INLINE_NOTES_KEPT);
    expect(state.notes[0]?.text).toBe('Note 1');
    expect(state.notes.at(-1)?.text).toBe('The newest');
    expect(state.olderNotes).toBe(8);
    expect(audit).toEqual([{ at: LATER, by: tom, itemId: 'g2-pid', field: 'notes', before: null, after: 'The newest' }]);
  });

  it('when evidence is added beyond what is kept inline, then the oldest link moves out and is counted, and the item still has evidence', () => {
    const evidence = Array.from({ length: INLINE_EVIDENCE_KEPT }, (_, i) => ({ url: `https://example.nhs.uk/${i}`, by: priya, at: AT }));
    const { state } = applyItemUpdate(catalogue, itemState('g2-pid', { evidence }), update({ field: 'evidence', url: 'https://example.nhs.uk/new' }));
    expect(state.evidence.map((e) => e.url)).toEqual([...evidence.slice(1).map((e) => e.url), 'https://example.nhs.uk/new']);
    expect(state.olderEvidence).toBe(1);
  });

  it('when a note is added, then it is appended with who and when', () => {
    const withNote = itemState('g2-pid', { notes: [{ text: 'First', by: priya, at: AT }] });
    const { state, audit } = applyItemUpdate(catalogue, withNote, update({ field: 'note', text: '  Sent to the pipeline team  ' }));
    expect(state.notes).toEqual([
      { text: 'First', by: priya, at: AT },
      { text: 'Sent to the pipeline team', by: tom, at: LATER },
    ]);
    expect(audit[0]).toMatchObject({ field: 'notes', before: null, after: 'Sent to the pipeline team' });
  });

  it('when a note is empty or over 1000 characters, then it is refused; exactly 1000 is fine', () => {
    expect(validationFields(() => applyItemUpdate(catalogue, current, update({ field: 'note', text: '  ' })))).toEqual(['note']);
    expect(validationFields(() => applyItemUpdate(catalogue, current, update({ field: 'note', text: 'a'.repeat(1001) })))).toEqual(['note']);
    expect(applyItemUpdate(catalogue, current, update({ field: 'note', text: 'a'.repeat(1000) })).state.notes).toHaveLength(1);
  });

  it('when evidence is an https link, then it is appended', () => {
    const { state } = applyItemUpdate(catalogue, current, update({ field: 'evidence', url: 'https://nhs.sharepoint.com/sites/mig/PID.docx' }));
    expect(state.evidence).toEqual([{ url: 'https://nhs.sharepoint.com/sites/mig/PID.docx', by: tom, at: LATER }]);
  });

  it.each(['http://intranet/PID.docx', 'ftp://x/y', 'javascript:alert(1)', 'PID.docx', 'https://', 'https://user:pw@example.org/x', 'https://a b.org'])(
    'when evidence is %s, then it is refused',
    (url) => {
      expect(validationFields(() => applyItemUpdate(catalogue, current, update({ field: 'evidence', url })))).toEqual(['evidence']);
    },
  );

  it('when a link is enormous, then it is not treated as https evidence', () => {
    expect(isHttpsUrl(`https://example.org/${'a'.repeat(2000)}`)).toBe(false);
  });
});
