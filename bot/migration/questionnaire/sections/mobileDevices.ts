import type { QuestionSection } from '../questionTypes';
import { defineSection } from './defineSection';

/** Guide sections 3, 4.1 and 4.4: who needs NHSmail on a phone or tablet, and how those are kept safe. */
export function mobileDevicesSection(): QuestionSection {
  return defineSection('mobile-devices', 'Mobile devices', ['3', '4.1', '4.4'], [
    {
      id: 'mobile-users',
      type: 'number',
      text: 'How many people will need NHSmail on a mobile phone or tablet?',
      required: true,
      min: 0,
    },
    {
      id: 'mobile-platforms',
      type: 'multi-choice',
      text: 'Which kinds of device do they use?',
      required: false,
      choices: [
        { id: 'ios', label: 'iPhone or iPad' },
        { id: 'android', label: 'Android' },
        { id: 'windows', label: 'Windows' },
        { id: 'other', label: 'Other' },
      ],
    },
    {
      id: 'mobile-encrypted',
      type: 'yes-no',
      text: 'Are those devices encrypted?',
      help: 'Devices should be encrypted if the person using them handles sensitive data. NHSmail connects to them with Microsoft Exchange ActiveSync.',
      required: false,
    },
    {
      id: 'mobile-policy',
      type: 'yes-no',
      text: 'Do you have a published policy for using secure email on mobile devices?',
      help: 'The Secure Email Standard expects one, covering passwords, message size, retention and encryption.',
      required: false,
    },
  ]);
}
