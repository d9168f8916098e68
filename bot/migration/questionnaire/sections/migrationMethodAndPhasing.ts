import type { CatalogueSettings } from '../../gateways/catalogueSettings';
import type { IsoDate } from '../../shared/ukDates';
import type { QuestionSection } from '../questionTypes';
import { defineSection } from './defineSection';

/**
 * The range planned dates must fall in. Why fixed: the question set is
 * versioned data, so it must not change with the clock; edit these with the set.
 */
export const PLANNING_WINDOW: Readonly<{ min: IsoDate; max: IsoDate }> = { min: '2024-01-01', max: '2035-12-31' };

/**
 * Guide sections 3, 4.2 and 4.3: the migration methodology and the phasing
 * decision, both of which NHS Digital must be told. Choice ids match the
 * project set-up's, so the answers can fill it in.
 */
export function migrationMethodAndPhasingSection(settings: CatalogueSettings): QuestionSection {
  return defineSection('migration-method-and-phasing', 'Migration method and phasing', ['3', '4.2', '4.3'], [
    {
      id: 'method-approach',
      type: 'choice',
      text: 'How will you migrate?',
      required: true,
      feeds: 'migrationMethod',
      choices: [
        { id: 'self-migration', label: 'Self-migration' },
        { id: 'managed-service', label: 'Accenture managed migration service' },
        { id: 'third-party', label: 'A third party' },
      ],
    },
    {
      id: 'method-phasing',
      type: 'choice',
      text: 'Will everyone move at once, or in phases?',
      help: 'Moving in phases helps you target support at each group.',
      required: true,
      feeds: 'phasing',
      choices: [
        { id: 'big-bang', label: 'All at once (big bang)' },
        { id: 'phased', label: 'In phases' },
      ],
    },
    {
      id: 'method-groups',
      type: 'text',
      text: 'How will you group people for the roll-out?',
      help: 'For example by site or department. The groups form the basis of your migration schedule.',
      required: false,
      maxLength: 1000,
    },
    {
      id: 'method-pilot-start',
      type: 'date',
      text: 'When do you plan to start the pilot?',
      required: false,
      min: PLANNING_WINDOW.min,
      max: PLANNING_WINDOW.max,
    },
    {
      id: 'method-cutover',
      type: 'date',
      text: "When do you plan to make NHSmail everyone's main email (cutover)?",
      required: true,
      min: PLANNING_WINDOW.min,
      max: PLANNING_WINDOW.max,
      feeds: 'cutover',
    },
    {
      id: 'method-coexistence-weeks',
      type: 'number',
      text: 'For how many weeks after migration will your old server forward mail and send automatic replies?',
      help: `The guide suggests three months; your project's setting is ${settings.coexistenceWeeks} weeks. A later NHSmail FAQ says automatic forwarding from NHS.uk accounts to NHSmail is not allowed, so check with the pipeline team.`,
      required: false,
      min: 0,
      max: 104,
    },
  ]);
}
