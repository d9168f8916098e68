import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../bot/migration/shared/errors';
import { allQuestions, findQuestion, getSection, questionFeeding } from '../../../bot/migration/questionnaire/questionLookup';
import { buildQuestionSet, DEFAULT_QUESTION_SET, QUESTION_SET_NOTICE, QUESTION_SET_VERSION } from '../../../bot/migration/questionnaire/questionSet';
import { assertValidQuestionSet, checkQuestionSet } from '../../../bot/migration/questionnaire/questionSetRules';
import { QUESTION_FEEDS, type Question, type QuestionSet } from '../../../bot/migration/questionnaire/questionTypes';
import { NotFound } from '../../../bot/migration/shared/errors';

const set = DEFAULT_QUESTION_SET;

function helpOf(id: string): string {
  return findQuestion(set, id)?.help ?? '';
}

/** A copy of the default set with one question replaced, for testing edits. */
function withQuestion(id: string, change: (q: Question) => Question): QuestionSet {
  return {
    ...set,
    sections: set.sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.id === id ? change(q) : q)) })),
  };
}

describe('the default question set', () => {
  it('when built, then it has the ten sections derived from the guide, in order, with stable ids', () => {
    expect(set.sections.map((s) => s.id)).toEqual([
      'organisation-and-contacts',
      'users-and-accounts',
      'shared-resources',
      'mailbox-sizes',
      'applications',
      'mobile-devices',
      'clients-and-browsers',
      'legacy-data',
      'migration-method-and-phasing',
      'registrations',
    ]);
    expect(set.version).toBe(QUESTION_SET_VERSION);
  });

  it('when counted, then it has 49 questions of which 21 are always required and 4 required by an earlier answer', () => {
    const questions = allQuestions(set);
    expect(questions).toHaveLength(49);
    expect(questions.filter((q) => q.required)).toHaveLength(21);
    expect(questions.filter((q) => q.requiredWhen).map((q) => q.id)).toEqual([
      'shared-public-folders-detail',
      'apps-list',
      'clients-outlook-versions',
      'legacy-method',
    ]);
  });

  it('when checked by its own rules, then it has no problems and every question names its own section', () => {
    expect(checkQuestionSet(set)).toEqual([]);
    for (const section of set.sections) for (const q of section.questions) expect(q.sectionId).toBe(section.id);
  });

  it('when the product shows it, then the notice says it is derived from the guide and can be edited', () => {
    expect(set.notice).toBe(QUESTION_SET_NOTICE);
    expect(QUESTION_SET_NOTICE).toMatch(/derived from .*self-migration guide \(version 5, November 2017\)/);
    expect(QUESTION_SET_NOTICE).toMatch(/can edit them/);
  });

  it('when people need guide facts, then the help says them: Office 2010, the 4 GB quota, 500 accounts and 14 days, SMTP and the Applications Guide', () => {
    expect(helpOf('clients-outlook-versions')).toContain('Only Office 2010 and later are supported');
    expect(findQuestion(set, 'mailbox-over-quota')?.text).toBe('How many mailboxes hold more than 4 GB?');
    expect(helpOf('mailbox-over-quota')).toContain('nhsmail.development@accenture.com');
    expect(helpOf('users-new-accounts')).toBe(
      'If you need more than 500 new accounts, allow an extra 14 days for NHS Digital to approve them. Approval is only given after a successful pilot.',
    );
    expect(helpOf('apps-list')).toContain("Applications that send mail over SMTP are covered by NHS Digital's Applications Guide");
    expect(findQuestion(set, 'mailbox-attachments-checked')?.text).toContain('over 20 MB');
  });

  it('when the organisation changes the limits in its settings, then the wording follows them', () => {
    const custom = buildQuestionSet({ mailboxQuotaGb: 50, attachmentLimitMb: 35, newAccountApprovalThreshold: 1000, extraApprovalDays: 21 });
    expect(findQuestion(custom, 'mailbox-over-quota')?.text).toBe('How many mailboxes hold more than 50 GB?');
    expect(findQuestion(custom, 'mailbox-attachments-checked')?.help).toContain('attachments over 35 MB');
    expect(findQuestion(custom, 'users-new-accounts')?.help).toContain('more than 1000 new accounts, allow an extra 21 days');
  });

  it('when bad settings are given, then building the set fails naming them', () => {
    expect(() => buildQuestionSet({ mailboxQuotaGb: 0 })).toThrow(ValidationFailed);
  });

  it('when each overlap with the project set-up is looked for, then exactly one question feeds it', () => {
    for (const feed of QUESTION_FEEDS) expect(allQuestions(set).filter((q) => q.feeds === feed), feed).toHaveLength(1);
    expect(questionFeeding(set, 'newAccounts')?.id).toBe('users-new-accounts');
  });

  it('when phasing and method choices are read, then their ids match the project set-up so answers can fill it in', () => {
    const ids = (id: string): string[] => {
      const q = findQuestion(set, id);
      return q?.type === 'choice' ? q.choices.map((c) => c.id) : [];
    };
    expect(ids('method-phasing')).toEqual(['big-bang', 'phased']);
    expect(ids('method-approach')).toEqual(['self-migration', 'managed-service', 'third-party']);
  });

  it('when someone tries to change the shared set at run time, then it is frozen', () => {
    expect(Object.isFrozen(set)).toBe(true);
    expect(Object.isFrozen(set.sections[0]?.questions[0])).toBe(true);
  });

  it('when a section id is unknown, then getSection says NotFound', () => {
    expect(() => getSection(set, 'no-such-section')).toThrow(NotFound);
  });
});

describe('checking an edited question set', () => {
  it('when a question id is reused, then the problem names it', () => {
    const edited = withQuestion('org-business-case', (q) => ({ ...q, id: 'org-name' }));
    expect(checkQuestionSet(edited)).toContainEqual({ field: 'org-name', message: 'Question id "org-name" is used twice.' });
  });

  it('when a feeding question has the wrong type, then the problem says which type it needs', () => {
    const edited = withQuestion('users-new-accounts', (q) => ({ ...q, type: 'text' }));
    expect(checkQuestionSet(edited)).toContainEqual({
      field: 'users-new-accounts',
      message: 'A question feeding "newAccounts" must be of type number, not text.',
    });
  });

  it('when "required when" points at a later question or a missing choice, then it is refused', () => {
    const later = withQuestion('shared-public-folders-detail', (q) => ({ ...q, requiredWhen: { questionId: 'registrations-plan', equals: true } }));
    expect(checkQuestionSet(later).map((e) => e.field)).toEqual(['shared-public-folders-detail']);
    const badChoice = withQuestion('clients-outlook-versions', (q) => ({ ...q, requiredWhen: { questionId: 'clients-access', equals: 'carrier-pigeon' } }));
    expect(checkQuestionSet(badChoice)[0]?.message).toContain('"carrier-pigeon"');
  });

  it('when a multi-choice label has a comma or limits are back to front, then each problem is listed and the set is refused', () => {
    const edited = withQuestion('mobile-platforms', (q) =>
      q.type === 'multi-choice' ? { ...q, choices: [...q.choices, { id: 'other-ios', label: 'Old, unsupported' }] } : q,
    );
    const backwards = withQuestion('method-coexistence-weeks', (q) => (q.type === 'number' ? { ...q, min: 10, max: 5 } : q));
    expect(checkQuestionSet(edited)).toHaveLength(1);
    expect(checkQuestionSet(backwards)).toEqual([{ field: 'method-coexistence-weeks', message: 'The smallest number allowed is bigger than the largest.' }]);
    expect(() => assertValidQuestionSet(backwards)).toThrow(ValidationFailed);
  });
});
