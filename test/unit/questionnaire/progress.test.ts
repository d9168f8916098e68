import { describe, expect, it } from 'vitest';
import { emptyQuestionnaire } from '../../../bot/migration/questionnaire/answerRecord';
import { questionnaireProgress } from '../../../bot/migration/questionnaire/progress';
import { fixtureRecord, priya, recordWith, set, tom } from './fixtures';

describe('questionnaire progress', () => {
  it('when nothing is answered, then every section is incomplete and all 21 always-required questions are open', () => {
    const progress = questionnaireProgress(set, emptyQuestionnaire());
    expect(progress.sections.every((s) => !s.complete)).toBe(true);
    expect(progress.requiredOpen).toHaveLength(21);
    expect(progress.answered).toBe(0);
    expect(progress.total).toBe(49);
    expect(progress.complete).toBe(false);
    expect(progress.changedSinceSubmission).toBe(false);
    expect(progress.lastSubmission).toBeUndefined();
  });

  it('when a section is half done, then it lists the required questions still open and who answered the rest', () => {
    const record = recordWith({ 'shared-resources': { 'shared-mailboxes': '35', 'shared-calendars': '3' } });
    const section = questionnaireProgress(set, record).sections.find((s) => s.sectionId === 'shared-resources');
    expect(section).toMatchObject({ answered: 2, total: 8, complete: false, version: 1 });
    expect(section?.requiredOpen).toEqual([
      { questionId: 'shared-new-accounts', sectionId: 'shared-resources', text: 'How many new shared accounts will you need on NHSmail?' },
      { questionId: 'shared-public-folders', sectionId: 'shared-resources', text: 'Do you use public folders?' },
    ]);
    expect(section?.questions[0]?.answer?.answeredBy).toEqual(priya);
  });

  it('when an answer makes a follow-up question required, then it becomes open; when the answer is no, then it is not', () => {
    const yes = recordWith({ applications: { 'apps-any': 'yes' } });
    const no = recordWith({ applications: { 'apps-any': 'no' } });
    const apps = (r: typeof yes) => questionnaireProgress(set, r).sections.find((s) => s.sectionId === 'applications');
    expect(apps(yes)?.requiredOpen.map((q) => q.questionId)).toEqual(['apps-list']);
    expect(apps(yes)?.complete).toBe(false);
    expect(apps(no)?.requiredOpen).toEqual([]);
    expect(apps(no)?.complete).toBe(true);
  });

  it('when a multi-choice answer includes the trigger choice, then its follow-up is required', () => {
    const desktop = recordWith({ 'clients-and-browsers': { 'clients-access': 'outlook-web,outlook-desktop' } });
    const webOnly = recordWith({ 'clients-and-browsers': { 'clients-access': 'outlook-web' } });
    const open = (r: typeof desktop) => questionnaireProgress(set, r).requiredOpen.map((q) => q.questionId);
    expect(open(desktop)).toContain('clients-outlook-versions');
    expect(open(webOnly)).not.toContain('clients-outlook-versions');
  });

  it('when the fixture project is read, then answers to removed or changed questions show as retired, kept and visible', () => {
    const progress = questionnaireProgress(set, fixtureRecord());
    expect(progress.retired.map((r) => [r.answer.questionId, r.reason])).toEqual([
      ['mobile-users', 'question-changed'],
      ['org-kind', 'question-removed'],
    ]);
    expect(progress.retired[1]?.answer.questionText).toBe('What kind of organisation are you?');
  });

  it('when several people answered, then contributors are listed with how many current answers each gave', () => {
    const progress = questionnaireProgress(set, fixtureRecord());
    expect(progress.contributors).toEqual([
      { person: priya, answers: 22 },
      { person: tom, answers: 15 },
    ]);
    expect(progress.requiredOpen.map((q) => q.questionId)).toEqual(['shared-new-accounts']);
  });
});
