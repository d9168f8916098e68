import type { QuestionSection } from '../questionTypes';
import { defineSection } from './defineSection';

/** Guide sections 2 and 3: who the organisation is and who runs the project. */
export function organisationAndContactsSection(): QuestionSection {
  return defineSection('organisation-and-contacts', 'Organisation and contacts', ['2', '3'], [
    {
      id: 'org-name',
      type: 'text',
      text: "What is your organisation's name?",
      required: true,
      maxLength: 200,
      feeds: 'organisationName',
    },
    {
      id: 'org-ods-code',
      type: 'text',
      text: "What is your organisation's ODS code?",
      help: 'Your Organisation Data Service code, for example RH8 for a trust or A81001 for a GP practice. NHSmail uses it to set your organisation up on the NHS Directory.',
      required: true,
      maxLength: 9,
      feeds: 'odsCode',
    },
    {
      id: 'org-project-manager-name',
      type: 'text',
      text: 'Who is your local project manager?',
      required: true,
      maxLength: 200,
    },
    {
      id: 'org-project-manager-email',
      type: 'email',
      text: "What is the project manager's email address?",
      required: true,
    },
    {
      id: 'org-technical-lead-name',
      type: 'text',
      text: 'Who leads the technical work?',
      help: 'Someone with experience of Microsoft Exchange, desktop set-up and group policies for Active Directory.',
      required: false,
      maxLength: 200,
    },
    {
      id: 'org-technical-lead-email',
      type: 'email',
      text: "What is the technical lead's email address?",
      required: false,
    },
    {
      id: 'org-senior-approval',
      type: 'yes-no',
      text: 'Have senior staff approved starting the migration project?',
      required: true,
    },
    {
      id: 'org-business-case',
      type: 'yes-no',
      text: 'Have you prepared a draft business case, including your options appraisal?',
      required: false,
    },
  ]);
}
