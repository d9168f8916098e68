import { describe, expect, it } from 'vitest';
import { emptyQuestionnaire, type StoredAnswer } from '../../../bot/migration/questionnaire/answerRecord';
import { applyAnswers, editBaseFor } from '../../../bot/migration/questionnaire/answers';
import { validateSection } from '../../../bot/migration/questionnaire/validateSection';
import { composeRecord, emptyShard, nextShard } from '../../../bot/storage/questionnaire/questionnaireDocuments';
import { priya, set, tom, WINTER } from './fixtures';

const answer = (questionId: string, value: number, by = priya): StoredAnswer => ({
  questionId,
  questionText: 'How many?',
  value: { type: 'number', value },
  answeredBy: by,
  answeredAt: WINTER,
  questionSetVersion: 1,
});

describe('splitting the questionnaire into section documents', () => {
  it('when sections are saved one after another, then putting the documents back together gives the record the domain made', () => {
    let record = emptyQuestionnaire();
    const shards = new Map<string, ReturnType<typeof emptyShard>>();
    const inputs: [string, Record<string, unknown>][] = [
      ['shared-resources', { 'shared-mailboxes': '3', 'shared-calendars': '1' }],
      ['mobile-devices', { 'mobile-users': '30' }],
      ['shared-resources', { 'shared-mailboxes': '', 'shared-calendars': '2' }],
    ];
    for (const [sectionId, raw] of inputs) {
      const next = applyAnswers(set, record, validateSection(set, sectionId, raw), tom, WINTER, editBaseFor(set, record, sectionId)).record;
      shards.set(sectionId, nextShard(shards.get(sectionId) ?? emptyShard(sectionId), record, next));
      record = next;
      expect(composeRecord([...shards.values()], [])).toEqual(record);
    }
    expect(record.revision).toBe(3);
    expect(record.questionVersions['shared-mailboxes']).toBe(2);
    expect(record.answers['shared-mailboxes']).toBeUndefined();
  });

  it('when a question moved to another section in a newer set, then its newest entry wins wherever it lives, a clearing included', () => {
    const old = { ...emptyShard('old-section'), answers: { q: answer('q', 1) }, questionVersions: { q: 1 }, revision: 1 };
    const moved = { ...emptyShard('new-section'), answers: { q: answer('q', 2, tom) }, questionVersions: { q: 2 }, revision: 1 };
    expect(composeRecord([moved, old], []).answers.q?.value).toEqual({ type: 'number', value: 2 });
    const cleared = { ...moved, answers: {}, questionVersions: { q: 3 } };
    const record = composeRecord([old, cleared], []);
    expect(record.answers.q).toBeUndefined();
    expect(record.questionVersions.q).toBe(3);
    expect(record.revision).toBe(2);
  });

  it('when a save would change an answer without a new version, or change submissions, then it is refused as a bug rather than stored', () => {
    const current = composeRecord([{ ...emptyShard('s'), answers: { q: answer('q', 1) }, questionVersions: { q: 1 }, revision: 1 }], []);
    expect(() => nextShard(emptyShard('s'), current, { ...current, answers: { q: answer('q', 5) } })).toThrow('changed without a new version');
    const submission = { by: priya, at: WINTER, date: '2026-11-25', questionSetVersion: 1, revision: 1 };
    expect(() => nextShard(emptyShard('s'), current, { ...current, submissions: [submission] })).toThrow('may not change submissions');
  });
});
