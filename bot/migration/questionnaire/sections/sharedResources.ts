import type { QuestionSection } from '../questionTypes';
import { defineSection } from './defineSection';

/** Guide sections 3, 4.2 and 4.3: everything people share, which must be set up again on NHSmail. */
export function sharedResourcesSection(): QuestionSection {
  return defineSection('shared-resources', 'Shared mailboxes, calendars, distribution lists and public folders', ['3', '4.2', '4.3'], [
    {
      id: 'shared-mailboxes',
      type: 'number',
      text: 'How many shared mailboxes do you have?',
      help: 'Include other accounts that are not a person, and note who owns each one.',
      required: true,
      min: 0,
    },
    {
      id: 'shared-new-accounts',
      type: 'number',
      text: 'How many new shared accounts will you need on NHSmail?',
      help: 'Confirm this number with the NHSmail team.',
      required: true,
      min: 0,
    },
    {
      id: 'shared-calendars',
      type: 'number',
      text: 'How many shared or resource calendars do you have (rooms, equipment, rotas)?',
      required: false,
      min: 0,
    },
    {
      id: 'shared-distribution-lists',
      type: 'number',
      text: 'How many distribution lists do you have?',
      required: false,
      min: 0,
    },
    {
      id: 'shared-public-folders',
      type: 'yes-no',
      text: 'Do you use public folders?',
      required: true,
    },
    {
      id: 'shared-public-folders-detail',
      type: 'text',
      text: 'What are your public folders used for, and roughly how big are they?',
      required: false,
      requiredWhen: { questionId: 'shared-public-folders', equals: true },
      maxLength: 1000,
    },
    {
      id: 'shared-mail-rules',
      type: 'yes-no',
      text: 'Do people or shared mailboxes rely on email rules, such as forwarding or filing rules?',
      help: 'Rules may need setting up again after migration.',
      required: false,
    },
    {
      id: 'shared-migrate-together',
      type: 'yes-no',
      text: 'Will people who share calendars and mailboxes move to NHSmail at the same time?',
      help: 'People on NHSmail cannot share calendars with people still on your old service, so it usually helps to move them together.',
      required: false,
    },
  ]);
}
