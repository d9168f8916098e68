import type { QuestionSection } from '../questionTypes';
import { defineSection } from './defineSection';

/** Guide sections 2 and 3: systems that use email and will need re-integrating with NHSmail. */
export function applicationsSection(): QuestionSection {
  return defineSection('applications', 'Integrated applications and automated mail', ['2', '3'], [
    {
      id: 'apps-any',
      type: 'yes-no',
      text: 'Do any systems send or receive email through your current service?',
      help: "For example phones (VOIP), scanners that scan to email, system alerts or appointment reminders. NHSmail does not check that local systems work with it: making sure they do is your organisation's job.",
      required: true,
    },
    {
      id: 'apps-list',
      type: 'application-list',
      text: 'Which systems are they?',
      help: "For each one, say what it does, how it sends mail and who looks after it, and flag any that need re-integration work. Applications that send mail over SMTP are covered by NHS Digital's Applications Guide (application accounts and the relay service).",
      required: false,
      requiredWhen: { questionId: 'apps-any', equals: true },
      feeds: 'applications',
    },
    {
      id: 'apps-automated-mailboxes',
      type: 'number',
      text: 'How many mailboxes are used by business processes, such as appointment reminders or system alerts?',
      required: false,
      min: 0,
    },
  ]);
}
