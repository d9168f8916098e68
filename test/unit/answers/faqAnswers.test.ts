import { describe, expect, it } from 'vitest';
import { answerFaq, faqFactsOf } from '../../../bot/migration/answers/faq/faqAnswers';
import { DEFAULT_FAQ_SETTINGS, resolveFaqSettings } from '../../../bot/migration/answers/faq/faqSettings';
import { FAQ_TOPICS } from '../../../bot/migration/answers/faq/faqTopics';
import { ValidationFailed } from '../../../bot/migration/shared/errors';
import { faqAnswerCard } from '../../../cards/faqAnswerCard';

const project = faqFactsOf({
  organisationName: 'Example NHS Trust',
  members: [
    { userId: '29:a', name: 'Asha Patel', role: 'local-admin' },
    { userId: '29:b', name: 'Ben Jones', role: 'project-manager' },
    { userId: '29:c', name: 'Cara Lee', role: 'local-admin' },
  ],
});

describe('answers to the frequent questions', () => {
  it.each(FAQ_TOPICS)('when "%s" is asked, then the answer has words and names a section of the guide', (topic) => {
    const answer = answerFaq(topic, DEFAULT_FAQ_SETTINGS, project);
    expect(answer.paragraphs.join(' ').length).toBeGreaterThan(80);
    expect(answer.guideSection.number).toMatch(/^\d+(?:\.\d+)*$/);
    expect(JSON.stringify(faqAnswerCard(answer))).toContain(`section ${answer.guideSection.number}`);
  });

  it('when the attachment limit and blocked types are settings, then the answer quotes the settings, not the guide', () => {
    const settings = resolveFaqSettings({ attachmentLimitMb: 35, blockedFileTypes: ['.exe', '.docm', '.js'] });
    const text = answerFaq('attachments', settings).paragraphs.join(' ');
    expect(text).toContain('35 MB');
    expect(text).toContain('.js');
    expect(answerFaq('attachments', DEFAULT_FAQ_SETTINGS).paragraphs.join(' ')).toContain('20 MB');
  });

  it('when forwarding from the old system is not allowed, then the answer says mail is not forwarded', () => {
    expect(answerFaq('forwarding', resolveFaqSettings({ legacyAutoForward: false })).paragraphs[0]).toMatch(/is not forwarded/);
    expect(answerFaq('forwarding', DEFAULT_FAQ_SETTINGS).paragraphs[0]).toMatch(/12 weeks/);
  });

  it('when the project has local administrators, then they are named from its roles; with none, the answer says so', () => {
    expect(answerFaq('local-administrator', DEFAULT_FAQ_SETTINGS, project).paragraphs[0]).toBe('For Example NHS Trust, your local administrators are Asha Patel and Cara Lee.');
    const none = faqFactsOf({ organisationName: 'Example NHS Trust', members: [] });
    expect(answerFaq('local-administrator', DEFAULT_FAQ_SETTINGS, none).paragraphs[0]).toMatch(/No local administrator has been named/);
    expect(answerFaq('local-administrator', DEFAULT_FAQ_SETTINGS).paragraphs[0]).toMatch(/I do not know which migration project/);
  });

  it('when a setting is wrong, then every problem is named at once', () => {
    expect(() => resolveFaqSettings({ attachmentLimitMb: 0, blockedFileTypes: ['exe'], webmailAddress: ' ' })).toThrow(ValidationFailed);
    try {
      resolveFaqSettings({ attachmentLimitMb: 0, blockedFileTypes: ['exe'], webmailAddress: ' ' });
    } catch (err) {
      expect((err as ValidationFailed).fieldErrors.map((e) => e.field)).toEqual(['attachmentLimitMb', 'blockedFileTypes', 'webmailAddress']);
    }
  });
});
