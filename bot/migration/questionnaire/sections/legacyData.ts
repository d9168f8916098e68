import type { QuestionSection } from '../questionTypes';
import { defineSection } from './defineSection';

/** Guide section 3, "Legacy data": the guide calls the method essential for the next stage. */
export function legacyDataSection(): QuestionSection {
  return defineSection('legacy-data', 'Legacy data', ['3'], [
    {
      id: 'legacy-move',
      type: 'yes-no',
      text: 'Will you bring existing email, calendars and contacts across to NHSmail?',
      required: true,
    },
    {
      id: 'legacy-method',
      type: 'choice',
      text: 'How will people get to their old mail?',
      help: "Plan this carefully: the next stage depends on it. Archiving tools are limited by NHSmail's security policies, and Accenture's tool is a chargeable extra.",
      required: false,
      requiredWhen: { questionId: 'legacy-move', equals: true },
      choices: [
        { id: 'outlook-two-accounts', label: 'Outlook 2010 or later with both accounts in one profile (Exchange only)' },
        { id: 'archiving-tool', label: 'An archiving tool' },
        { id: 'pst-files', label: 'PST files made with ExMerge or PowerShell' },
        { id: 'supplier-tool', label: "Accenture's data migration tool" },
        { id: 'undecided', label: 'Not decided yet' },
      ],
    },
    {
      id: 'legacy-detail',
      type: 'text',
      text: 'Anything else about your old mail, such as products, retention or size?',
      required: false,
      maxLength: 1000,
    },
  ]);
}
