import type { CatalogueSettings } from '../../gateways/catalogueSettings';
import type { QuestionSection } from '../questionTypes';
import { defineSection } from './defineSection';

/** Guide sections 2, 3 and 4.3: how many people move and how their accounts are made. */
export function usersAndAccountsSection(settings: CatalogueSettings): QuestionSection {
  return defineSection('users-and-accounts', 'Users and accounts', ['2', '3', '4.3'], [
    {
      id: 'users-existing',
      type: 'number',
      text: 'Roughly how many people use your current email service?',
      help: 'An approximate number is fine for now. The pipeline team uses it to plan your place in the migration pipeline.',
      required: true,
      min: 0,
      feeds: 'approximateUsers',
    },
    {
      id: 'users-new-accounts',
      type: 'number',
      text: 'How many new NHSmail accounts will you need, including shared mailboxes and system accounts?',
      help: `If you need more than ${settings.newAccountApprovalThreshold} new accounts, allow an extra ${settings.extraApprovalDays} days for NHS Digital to approve them. Approval is only given after a successful pilot.`,
      required: true,
      min: 0,
      feeds: 'newAccounts',
    },
    {
      id: 'users-existing-nhsmail',
      type: 'number',
      text: 'How many of your staff already have an NHSmail account?',
      help: 'Note them in your staff list so that nobody is given a second account.',
      required: true,
      min: 0,
    },
    {
      id: 'users-current-service',
      type: 'choice',
      text: 'What runs your current email service?',
      help: 'Some ways of moving old mail across only work from Microsoft Exchange.',
      required: true,
      choices: [
        { id: 'exchange-local', label: 'Microsoft Exchange, run by us' },
        { id: 'exchange-outsourced', label: 'Microsoft Exchange, run by a supplier' },
        { id: 'other', label: 'Another email system' },
      ],
    },
    {
      id: 'users-provisioning',
      type: 'choice',
      text: 'How will you create the new accounts?',
      help: 'TANSync creates accounts as Pending; a CSV upload in the Portal creates them ready to use. A connector keeps the NHS Directory up to date as staff join and leave.',
      required: false,
      choices: [
        { id: 'tansync', label: 'TANSync' },
        { id: 'csv-upload', label: 'CSV upload (push connector)' },
        { id: 'manual', label: 'By hand in the NHSmail Portal' },
        { id: 'undecided', label: 'Not decided yet' },
      ],
    },
    {
      id: 'users-joiners-leavers',
      type: 'yes-no',
      text: 'Do you have a joiners and leavers process with HR that tells your Local Administrators about staff changes?',
      required: false,
    },
  ]);
}
