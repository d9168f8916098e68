import type { QuestionSection } from '../questionTypes';
import { defineSection } from './defineSection';

/** Guide section 4.2: how staff will reach NHSmail, and whether their software is supported. */
export function clientsAndBrowsersSection(): QuestionSection {
  return defineSection('clients-and-browsers', 'Email clients and browsers', ['4.2'], [
    {
      id: 'clients-access',
      type: 'multi-choice',
      text: 'How will staff get to NHSmail?',
      required: true,
      choices: [
        { id: 'outlook-desktop', label: 'Outlook on their computer' },
        { id: 'outlook-web', label: 'Outlook on the web (www.nhs.net)' },
        { id: 'mobile', label: 'Mobile devices' },
        { id: 'other', label: 'Another email program' },
      ],
    },
    {
      id: 'clients-outlook-versions',
      type: 'multi-choice',
      text: 'Which versions of Microsoft Office or Outlook do you use?',
      help: 'Only Office 2010 and later are supported on NHSmail, so older versions need upgrading before you migrate.',
      required: false,
      requiredWhen: { questionId: 'clients-access', equals: 'outlook-desktop' },
      choices: [
        { id: '2007-or-earlier', label: '2007 or earlier' },
        { id: '2010', label: '2010' },
        { id: '2013', label: '2013' },
        { id: '2016', label: '2016' },
        { id: '2019', label: '2019' },
        { id: '2021-or-later', label: '2021 or later' },
        { id: 'microsoft-365', label: 'Microsoft 365 apps' },
      ],
    },
    {
      id: 'clients-browsers',
      type: 'multi-choice',
      text: 'Which web browsers do staff and Local Administrators use?',
      help: 'Check them against the NHSmail Browser Guide.',
      required: false,
      choices: [
        { id: 'edge', label: 'Microsoft Edge' },
        { id: 'chrome', label: 'Google Chrome' },
        { id: 'firefox', label: 'Mozilla Firefox' },
        { id: 'safari', label: 'Safari' },
        { id: 'internet-explorer', label: 'Internet Explorer' },
        { id: 'other', label: 'Other' },
      ],
    },
    {
      id: 'clients-firewall',
      type: 'yes-no',
      text: 'Have you checked that your firewall allows the ways staff will reach NHSmail?',
      help: 'That includes web access, LDAP and Autodiscover.',
      required: false,
    },
  ]);
}
