import { describe, expect, it } from 'vitest';
import { answerFingerprint } from '../../../bot/migration/questionnaire/answerFingerprint';
import { liveAnswer } from '../../../bot/migration/questionnaire/answerRecord';
import { answerAsInput, readCardInputs } from '../../../bot/migration/questionnaire/questionnaireCardValues';
import { validateSection } from '../../../bot/migration/questionnaire/validateSection';
import { fixtureRecord, set } from './fixtures';

describe('answers as card inputs', () => {
  const record = fixtureRecord();

  it.each(set.sections.map((s) => s.id))('when the answers of %s are shown on a card and sent back untouched, then each reads back as the same answer', (sectionId) => {
    const section = set.sections.find((s) => s.id === sectionId)!;
    const shown: Record<string, unknown> = {};
    for (const question of section.questions) {
      const answer = liveAnswer(record, question);
      shown[question.id] = answer ? answerAsInput(answer.value) : '';
    }
    const validation = validateSection(set, sectionId, readCardInputs(set, sectionId, shown));
    expect(validation.errors).toEqual([]);
    for (const question of section.questions) {
      const answer = liveAnswer(record, question);
      const back = validation.valid[question.id];
      expect(answerFingerprint(back), question.id).toBe(answerFingerprint(answer?.value));
    }
  });

  it('when an application list is shown, then it is one line per application with labels a person can read', () => {
    const apps = liveAnswer(record, set.sections[4]!.questions[1]!)!.value;
    expect(answerAsInput(apps)).toBe(
      ['Mitel phones | VOIP phones | SMTP relay | ICT service desk | flag', 'Ricoh scanners | Scan to email | Exchange', '@Alert, "critical" | System alerts | Not known |  | flag'].join('\n'),
    );
  });

  it('when inputs arrive for questions of other sections or are not questions at all, then they are left out', () => {
    expect(readCardInputs(set, 'mobile-devices', { verb: 'x', projectId: 'p', 'mobile-users': '3', 'org-name': 'X' })).toEqual({ 'mobile-users': '3' });
  });
});
