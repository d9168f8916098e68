import type { MigrationMethod, Phasing } from '../gateways/projectSetup';
import { NOTE_MAX_LENGTH } from '../gateways/itemUpdates';
import type { Project } from '../projects/project';
import type { QuestionnaireOverlaps } from './overlaps';

/** The checklist items questionnaire answers speak to, by what the guide asks there. */
export const FEED_ITEMS = {
  applications: 'g1-integrated-apps-review',
  numbers: 'g1-user-numbers',
  phasing: 'g2-group-phasing',
  method: 'g2-migration-method',
  registrations: 'g4-registration-limits',
} as const;

const METHOD_WORDS: Readonly<Record<MigrationMethod, string>> = {
  'self-migration': 'self-migration',
  'managed-service': 'a managed migration service',
  'third-party': 'a third-party supplier',
};

const PHASING_WORDS: Readonly<Record<Phasing, string>> = { 'big-bang': 'big bang (everyone at once)', phased: 'phased, in groups' };

const PREFIX = 'From the discovery questionnaire: ';

/**
 * What the answers mean for the checklist, as note texts per item. Where an answer differs from what the project
 * was set up with, the note says both, so the project manager decides which is right rather than Gateway quietly
 * overwriting the plan. Texts are stable for the same answers, which is what lets them be added exactly once.
 */
export function questionnaireChecklistNotes(overlaps: QuestionnaireOverlaps, project: Project): ReadonlyMap<string, readonly string[]> {
  const notes = new Map<string, string[]>();
  const add = (itemId: string, text: string): void => {
    const list = notes.get(itemId) ?? [];
    list.push(text.slice(0, NOTE_MAX_LENGTH));
    notes.set(itemId, list);
  };

  // Suggested risks go to the risks and issues log instead (questionnaireFeeds.ts, addQuestionnaireRisks).
  for (const n of overlaps.notes) if (n.kind !== 'risk') add(FEED_ITEMS.applications, `${PREFIX}${n.text}`);

  const setUpSaid = (answer: number, planned: number): string => (answer === planned ? '' : ` (the project was set up with ${planned.toLocaleString('en-GB')})`);
  if (overlaps.approximateUsers !== undefined) {
    add(FEED_ITEMS.numbers, `${PREFIX}about ${overlaps.approximateUsers.toLocaleString('en-GB')} users${setUpSaid(overlaps.approximateUsers, project.approximateUsers)}.`);
  }
  if (overlaps.newAccounts !== undefined) {
    add(FEED_ITEMS.numbers, `${PREFIX}${overlaps.newAccounts.toLocaleString('en-GB')} new accounts needed${setUpSaid(overlaps.newAccounts, project.newAccounts)}.`);
  }
  if (overlaps.phasing !== undefined) {
    const differs = overlaps.phasing === project.phasing ? '' : ` (the project was set up as ${PHASING_WORDS[project.phasing]})`;
    add(FEED_ITEMS.phasing, `${PREFIX}roll-out will be ${PHASING_WORDS[overlaps.phasing]}${differs}.`);
  }
  if (overlaps.migrationMethod !== undefined) {
    const differs = overlaps.migrationMethod === project.method ? '' : ` (the project was set up with ${METHOD_WORDS[project.method]})`;
    add(FEED_ITEMS.method, `${PREFIX}migration by ${METHOD_WORDS[overlaps.migrationMethod]}${differs}.`);
  }
  if (overlaps.registrationsPerMonth !== undefined && overlaps.registrationsPerMonth.length > 0) {
    const plan = overlaps.registrationsPerMonth.map((r) => `${r.month}: ${r.planned.toLocaleString('en-GB')}`).join(', ');
    add(FEED_ITEMS.registrations, `${PREFIX}planned registrations per month: ${plan}.`);
  }
  return notes;
}
