import type { CatalogueSettings } from '../../gateways/catalogueSettings';
import type { QuestionSection } from '../questionTypes';
import { defineSection } from './defineSection';

/** Guide sections 4.3, 5.2.5 and 6.1: the schedule of new accounts that monthly progress is measured against. */
export function registrationsSection(settings: CatalogueSettings): QuestionSection {
  return defineSection('registrations', 'Registrations per month', ['4.3', '5.2.5', '6.1'], [
    {
      id: 'registrations-plan',
      type: 'monthly-registrations',
      text: 'How many new accounts do you plan to register each month?',
      help: `Give a number for each month of the project, one month a line, like "2027-01: 200". Send the final numbers to ${settings.pipelineContactEmail}. During roll-out you report the accounts actually registered against this plan each month.`,
      required: true,
      feeds: 'registrationsPerMonth',
    },
    {
      id: 'registrations-slot-agreed',
      type: 'yes-no',
      text: 'Have you agreed migration dates and a registration slot with the pipeline team?',
      required: false,
    },
  ]);
}
