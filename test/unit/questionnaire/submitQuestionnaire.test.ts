import { describe, expect, it } from 'vitest';
import { InvalidState, PermissionDenied, ValidationFailed } from '../../../bot/migration/shared/errors';
import { applyAnswers, editBaseFor } from '../../../bot/migration/questionnaire/answers';
import { assertCanAnswer, assertCanSubmit } from '../../../bot/migration/questionnaire/permissions';
import { questionnaireProgress } from '../../../bot/migration/questionnaire/progress';
import { submitQuestionnaire } from '../../../bot/migration/questionnaire/submitQuestionnaire';
import { validateSection } from '../../../bot/migration/questionnaire/validateSection';
import { fixtureRecord, priya, set, tom } from './fixtures';

function complete() {
  const record = fixtureRecord();
  const input = validateSection(set, 'shared-resources', { 'shared-new-accounts': '30' });
  return applyAnswers(set, record, input, tom, '2026-11-26T10:00:00.000Z', editBaseFor(set, record, 'shared-resources')).record;
}

describe('submitting the questionnaire', () => {
  it('when required questions are open, then it is refused listing each of them', () => {
    try {
      submitQuestionnaire(set, fixtureRecord(), priya, '2026-11-26T10:00:00.000Z');
      expect.unreachable('should have refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fieldErrors).toEqual([
        { field: 'shared-new-accounts', message: '"How many new shared accounts will you need on NHSmail?" still needs an answer.' },
      ]);
      expect((error as ValidationFailed).hint).toBe('Answer these questions, then submit again.');
    }
  });

  it('when everything required is answered, then it is recorded and the London date is returned for the gateway milestone', () => {
    // 23:30 UTC on 10 June is 00:30 on 11 June in London (BST).
    const { record, submission, milestone } = submitQuestionnaire(set, complete(), priya, '2027-06-10T23:30:00.000Z');
    expect(submission).toEqual({ by: priya, at: '2027-06-10T23:30:00.000Z', date: '2027-06-11', questionSetVersion: 1, revision: record.revision });
    expect(record.submissions).toEqual([submission]);
    expect(milestone).toEqual({ kind: 'questionnaire-submitted', date: '2027-06-11', note: 'Discovery questionnaire submitted to the pipeline team.', recordedBy: priya });
    expect(questionnaireProgress(set, record)).toMatchObject({ complete: true, lastSubmission: submission, changedSinceSubmission: false });
  });

  it('when nothing changed since it was submitted, then submitting again is refused', () => {
    const { record } = submitQuestionnaire(set, complete(), priya, '2026-11-26T10:00:00.000Z');
    expect(() => submitQuestionnaire(set, record, priya, '2026-11-27T10:00:00.000Z')).toThrow(
      new InvalidState('These answers were already submitted on Thu 26 Nov 2026 and nothing has changed since.'),
    );
  });

  it('when answers changed after submitting, then progress says so and it can be submitted again', () => {
    const first = submitQuestionnaire(set, complete(), priya, '2026-11-26T10:00:00.000Z').record;
    const input = validateSection(set, 'mailbox-sizes', { 'mailbox-over-quota': '20' });
    const changed = applyAnswers(set, first, input, tom, '2026-12-01T09:00:00.000Z', editBaseFor(set, first, 'mailbox-sizes')).record;
    expect(questionnaireProgress(set, changed).changedSinceSubmission).toBe(true);
    const again = submitQuestionnaire(set, changed, priya, '2026-12-02T09:00:00.000Z');
    expect(again.record.submissions).toHaveLength(2);
    expect(again.milestone.note).toBe('Discovery questionnaire submitted again with updated answers.');
  });
});

describe('who may answer and submit', () => {
  it('when a team member answers, then it is allowed; when staff being migrated try, then permission is denied', () => {
    expect(() => assertCanAnswer('team-member')).not.toThrow();
    expect(() => assertCanAnswer('staff')).toThrow(PermissionDenied);
  });

  it('when a team member tries to submit, then only the project manager or SRO may', () => {
    expect(() => assertCanSubmit('team-member')).toThrow('Only the project manager or SRO can submit the discovery questionnaire.');
    expect(() => assertCanSubmit('sro')).not.toThrow();
    expect(() => assertCanSubmit('project-manager')).not.toThrow();
  });
});
