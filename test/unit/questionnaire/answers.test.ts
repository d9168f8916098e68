import { describe, expect, it } from 'vitest';
import { InvalidState, NotFound, StaleEdit } from '../../../bot/migration/shared/errors';
import { emptyQuestionnaire, type QuestionnaireRecord } from '../../../bot/migration/questionnaire/answerRecord';
import { answerFingerprint } from '../../../bot/migration/questionnaire/answerFingerprint';
import { applyAnswers, editBaseFor, parseEditBase, type EditBase } from '../../../bot/migration/questionnaire/answers';
import { StaleAnswers } from '../../../bot/migration/questionnaire/staleAnswers';
import { validateSection } from '../../../bot/migration/questionnaire/validateSection';
import { priya, set, SUMMER, tom, WINTER } from './fixtures';

const SECTION = 'shared-resources';

/** What a card sends when its person saves the section: every field, as shown or as changed. */
function save(record: QuestionnaireRecord, inputs: Record<string, unknown>, base: EditBase, by = priya, at = WINTER) {
  return applyAnswers(set, record, validateSection(set, SECTION, inputs), by, at, base);
}

/** The whole section's fields as a card shows them for `record`. */
function shown(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    'shared-mailboxes': '',
    'shared-new-accounts': '',
    'shared-calendars': '',
    'shared-distribution-lists': '',
    'shared-public-folders': '',
    'shared-public-folders-detail': '',
    'shared-mail-rules': '',
    'shared-migrate-together': '',
    ...overrides,
  };
}

function staleOf(fn: () => unknown): StaleAnswers {
  try {
    fn();
  } catch (error) {
    if (error instanceof StaleAnswers) return error;
    throw error;
  }
  throw new Error('expected StaleAnswers');
}

describe('applying answers', () => {
  it('when a section is first saved, then answers are stored with who, when and the question set version, and versions go up', () => {
    const record = emptyQuestionnaire();
    const { record: next, changes } = save(record, shown({ 'shared-mailboxes': '35', 'shared-public-folders': 'no' }), editBaseFor(set, record, SECTION));
    expect(next.answers['shared-mailboxes']).toEqual({
      questionId: 'shared-mailboxes',
      questionText: 'How many shared mailboxes do you have?',
      value: { type: 'number', value: 35 },
      answeredBy: priya,
      answeredAt: WINTER,
      questionSetVersion: 1,
    });
    expect(next.questionVersions).toEqual({ 'shared-mailboxes': 1, 'shared-public-folders': 1 });
    expect(next.sectionVersions).toEqual({ [SECTION]: 1 });
    expect(next.revision).toBe(1);
    expect(changes).toEqual([
      { questionId: 'shared-mailboxes', sectionId: SECTION, before: null, after: { type: 'number', value: 35 }, by: priya, at: WINTER },
      { questionId: 'shared-public-folders', sectionId: SECTION, before: null, after: { type: 'yes-no', value: false }, by: priya, at: WINTER },
    ]);
    expect(record).toEqual(emptyQuestionnaire());
  });

  it('when an answer changes, then the change list has before and after', () => {
    const first = save(emptyQuestionnaire(), shown({ 'shared-mailboxes': '35' }), {}).record;
    const { record, changes } = save(first, shown({ 'shared-mailboxes': '40' }), editBaseFor(set, first, SECTION), tom, SUMMER);
    expect(changes).toEqual([
      { questionId: 'shared-mailboxes', sectionId: SECTION, before: { type: 'number', value: 35 }, after: { type: 'number', value: 40 }, by: tom, at: SUMMER },
    ]);
    expect(record.answers['shared-mailboxes']?.answeredBy).toEqual(tom);
    expect(record.questionVersions['shared-mailboxes']).toBe(2);
    expect(record.sectionVersions[SECTION]).toBe(2);
  });

  it('when nothing changed, then the same record comes back with no changes and no new versions', () => {
    const first = save(emptyQuestionnaire(), shown({ 'shared-mailboxes': '35' }), {}).record;
    const again = save(first, shown({ 'shared-mailboxes': '35' }), editBaseFor(set, first, SECTION));
    expect(again.record).toBe(first);
    expect(again.changes).toEqual([]);
  });

  it('when a field is emptied, then its answer is removed, the change is recorded and its version still goes up', () => {
    const first = save(emptyQuestionnaire(), shown({ 'shared-mailboxes': '35', 'shared-calendars': '4' }), {}).record;
    const { record, changes } = save(first, shown({ 'shared-mailboxes': '35' }), editBaseFor(set, first, SECTION));
    expect(record.answers['shared-calendars']).toBeUndefined();
    expect(record.questionVersions['shared-calendars']).toBe(2);
    expect(changes).toEqual([
      { questionId: 'shared-calendars', sectionId: SECTION, before: { type: 'number', value: 4 }, after: null, by: priya, at: WINTER },
    ]);
  });
});

describe('two people saving the same section', () => {
  const start = save(emptyQuestionnaire(), shown({ 'shared-mailboxes': '35', 'shared-calendars': '4' }), {}).record;
  const baseBoth = editBaseFor(set, start, SECTION);

  it('when they changed different questions, then after the loser re-reads and re-applies, both changes land', () => {
    const tomsSave = save(start, shown({ 'shared-mailboxes': '35', 'shared-calendars': '4', 'shared-distribution-lists': '9' }), baseBoth, tom).record;
    // Priya's write lost the etag race: her card still shows the old section, with her own change to mailboxes.
    const priyasInput = shown({ 'shared-mailboxes': '36', 'shared-calendars': '4' });
    const { record } = save(tomsSave, priyasInput, baseBoth, priya);
    expect(record.answers['shared-mailboxes']?.value).toEqual({ type: 'number', value: 36 });
    expect(record.answers['shared-distribution-lists']?.value).toEqual({ type: 'number', value: 9 });
    expect(record.answers['shared-distribution-lists']?.answeredBy).toEqual(tom);
    expect(record.sectionVersions[SECTION]).toBe(3);
  });

  it('when one person cleared a field the other never touched, then the clear is not undone by the other save', () => {
    const tomsSave = save(start, shown({ 'shared-mailboxes': '35' }), baseBoth, tom).record;
    const { record } = save(tomsSave, shown({ 'shared-mailboxes': '36', 'shared-calendars': '4' }), baseBoth, priya);
    expect(record.answers['shared-calendars']).toBeUndefined();
    expect(record.answers['shared-mailboxes']?.value).toEqual({ type: 'number', value: 36 });
  });

  it('when both changed the same question, then the later save is refused as a stale edit naming the question and who changed it', () => {
    const tomsSave = save(start, shown({ 'shared-mailboxes': '50', 'shared-calendars': '4' }), baseBoth, tom).record;
    const error = staleOf(() => save(tomsSave, shown({ 'shared-mailboxes': '36', 'shared-calendars': '4', 'shared-mail-rules': 'yes' }), baseBoth, priya));
    expect(error).toBeInstanceOf(StaleEdit);
    expect(error.code).toBe('stale-edit');
    expect(error.conflicts).toEqual([
      { questionId: 'shared-mailboxes', questionText: 'How many shared mailboxes do you have?', expectedVersion: 1, actualVersion: 2, changedBy: tom },
    ]);
    expect(error.message).toBe(
      'Someone else changed the answer to "How many shared mailboxes do you have?" since you opened this section, so your changes were not saved.',
    );
  });

  it('when both happened to give the same new answer, then there is nothing to refuse', () => {
    const tomsSave = save(start, shown({ 'shared-mailboxes': '50', 'shared-calendars': '4' }), baseBoth, tom).record;
    const result = save(tomsSave, shown({ 'shared-mailboxes': '50', 'shared-calendars': '4' }), baseBoth, priya);
    expect(result.changes).toEqual([]);
  });

  it('when the other person cleared an answer this person then changed, then that is a stale edit too', () => {
    const tomsSave = save(start, shown({ 'shared-mailboxes': '35' }), baseBoth, tom).record;
    const error = staleOf(() => save(tomsSave, shown({ 'shared-mailboxes': '35', 'shared-calendars': '5' }), baseBoth, priya));
    expect(error.conflicts).toEqual([
      { questionId: 'shared-calendars', questionText: 'How many shared or resource calendars do you have (rooms, equipment, rotas)?', expectedVersion: 1, actualVersion: 2 },
    ]);
  });

  it('when an answer went away and came back in between (A, cleared, B), then the version still catches it', () => {
    const cleared = save(start, shown({ 'shared-mailboxes': '35' }), baseBoth, tom).record;
    const back = save(cleared, shown({ 'shared-mailboxes': '35', 'shared-calendars': '4' }), editBaseFor(set, cleared, SECTION), tom).record;
    expect(back.answers['shared-calendars']?.value).toEqual({ type: 'number', value: 4 });
    // Priya saw calendars = 4 at version 1; it is now 4 again but at version 3. Her change is still based on an old view.
    expect(() => save(back, shown({ 'shared-mailboxes': '35', 'shared-calendars': '6' }), baseBoth, priya)).toThrow(StaleAnswers);
  });

  it('when no edit base is given, then nothing stored is overwritten blind', () => {
    expect(() => save(start, shown({ 'shared-mailboxes': '99' }), {})).toThrow(StaleAnswers);
    const untouched = save(start, shown({}), {});
    expect(untouched.changes).toEqual([]);
  });
});

describe('edit bases and guards', () => {
  it('when a base is drawn for a section, then every question has its version and the fingerprint of its answer', () => {
    const record = save(emptyQuestionnaire(), shown({ 'shared-mailboxes': '35' }), {}).record;
    const base = editBaseFor(set, record, SECTION);
    expect(Object.keys(base)).toHaveLength(8);
    expect(base['shared-mailboxes']).toEqual({ version: 1, fingerprint: answerFingerprint({ type: 'number', value: 35 }) });
    expect(base['shared-calendars']).toEqual({ version: 0, fingerprint: '' });
  });

  it('when equal answers are fingerprinted with keys in another order, then the fingerprints match', () => {
    const a = answerFingerprint({ type: 'application-list', value: [{ name: 'X', purpose: 'voip', sendsMailVia: 'exchange' }] });
    const b = answerFingerprint({ value: [{ sendsMailVia: 'exchange', purpose: 'voip', name: 'X' }], type: 'application-list' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{14}$/);
    expect(answerFingerprint({ type: 'number', value: 36 })).not.toBe(answerFingerprint({ type: 'number', value: 35 }));
  });

  it('when a base comes back from card data, then malformed entries are dropped', () => {
    expect(parseEditBase({ a: { version: 2, fingerprint: 'abc' }, b: { version: -1, fingerprint: 'x' }, c: 'junk', d: { version: 1 } })).toEqual({
      a: { version: 2, fingerprint: 'abc' },
    });
    expect(parseEditBase('nonsense')).toEqual({});
  });

  it('when an answer names a question not in the set, then NotFound; when its type is wrong, then InvalidState', () => {
    const record = emptyQuestionnaire();
    expect(() => applyAnswers(set, record, { valid: { 'no-such-question': { type: 'number', value: 1 } } }, priya, WINTER)).toThrow(NotFound);
    expect(() => applyAnswers(set, record, { valid: { 'shared-mailboxes': { type: 'text', value: '1' } } }, priya, WINTER)).toThrow(InvalidState);
    expect(() =>
      applyAnswers(set, record, { valid: { 'shared-mailboxes': { type: 'number', value: 1 } }, cleared: ['shared-mailboxes'] }, priya, WINTER),
    ).toThrow(InvalidState);
  });

  it('when a question changed type in a newer set, then the old answer is kept as displaced when the new one is given', () => {
    const old = {
      questionId: 'shared-mailboxes',
      questionText: 'Shared mailboxes?',
      value: { type: 'text', value: 'lots' },
      answeredBy: tom,
      answeredAt: SUMMER,
      questionSetVersion: 0,
    } as const;
    const record: QuestionnaireRecord = { ...emptyQuestionnaire(), answers: { 'shared-mailboxes': old } };
    expect(editBaseFor(set, record, SECTION)['shared-mailboxes']).toEqual({ version: 0, fingerprint: '' });
    const cleared = save(record, shown({}), editBaseFor(set, record, SECTION));
    expect(cleared.changes).toEqual([]);
    const { record: next } = save(record, shown({ 'shared-mailboxes': '12' }), editBaseFor(set, record, SECTION));
    expect(next.displaced).toEqual([old]);
    expect(next.answers['shared-mailboxes']?.value).toEqual({ type: 'number', value: 12 });
  });
});
