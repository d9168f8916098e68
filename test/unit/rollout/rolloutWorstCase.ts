import type { CoexistenceReport } from '../../../bot/migration/staff/rollout/coexistence';
import type { GroupChecklist } from '../../../bot/migration/staff/rollout/groupChecklist';
import { stepsFor } from '../../../bot/migration/staff/rollout/groupSteps';
import type { GroupPage, GroupsOverview } from '../../../bot/migration/staff/rollout/groupUseCases';
import type { RegistrationsView } from '../../../bot/migration/staff/rollout/registrationsUseCases';
import type { RolloutGroup } from '../../../bot/migration/staff/rolloutGroup';
import { person } from './inMemoryRollout';

/**
 * The roll-out cards' worst-case data: 200-character names everywhere, every list at its cap. Shared by the card
 * tests (`rolloutCards.test.ts`) and the gallery (`test/gallery/`).
 */

export const LONG = 'N'.repeat(200);
export const PROJECT = 'p'.repeat(36);
export const groups: RolloutGroup[] = Array.from({ length: 40 }, (_, i) => ({
  projectId: PROJECT,
  groupId: i === 0 ? 'pilot' : `phase-${i}`,
  name: `${LONG}${i}`.slice(-60),
  kind: i === 0 ? 'pilot' : 'phase',
  order: i,
  cutoverDate: '2027-01-11',
  updatedAt: '2026-11-01T09:00:00.000Z',
  version: 999,
}));
export const longPerson = () => person(PROJECT, { firstName: LONG, lastName: LONG, localId: `E${'9'.repeat(63)}`.slice(0, 64), department: LONG, groupId: 'pilot', accountType: 'shared' });
export const me = { id: '29:x', name: LONG };

export const overview: GroupsOverview = { groups: groups.map((group) => ({ group, size: 50_000 })), ungrouped: 50_000, canChange: true };
export const page: GroupPage = { group: groups[0] as RolloutGroup, groups, size: 50_000, members: Array.from({ length: 20 }, longPerson), next: 'x'.repeat(200), canChange: true, canSetStatus: true };
export const checklist: GroupChecklist = {
  group: groups[0] as RolloutGroup,
  steps: stepsFor('pilot').map((step) => ({ step, state: { done: true, by: me, at: '2026-11-01T09:00:00.000Z' } })),
  done: 20,
  planVersion: 9,
  canChange: true,
};
export const coexistence: CoexistenceReport = {
  warnings: Array.from({ length: 40 }, () => {
    const mailbox = longPerson();
    const people = Array.from({ length: 30 }, () => ({ localId: 'E1', name: LONG, role: 'delegate' as const, groupId: 'phase-39' }));
    return { mailbox, people, notOnList: Array.from({ length: 30 }, () => 'E'.repeat(64)), fix: { group: groups[1] as RolloutGroup, moves: people } };
  }),
  mailboxesChecked: 5000,
  groups,
  canChange: true,
};
export const months = Array.from({ length: 120 }, (_, i) => `${2027 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
export const registrations: RegistrationsView = {
  rows: months.map((month) => ({ month, fromGroups: 50_000, planned: 50_000, overridden: true, registered: 49_999, questionnaire: 12_345 })),
  needs: [],
  currentMonth: '2030-01',
  behind: { throughMonth: '2029-12', plannedToDate: 1_000_000, registeredToDate: 1, text: 'Registrations are behind plan: 1 of the 1000000 new accounts planned by the end of December 2029 are registered.' },
  questionnaireDifferences: months.map((m) => `${m}: 50000 planned here, 12345 in the questionnaire`),
  hasQuestionnairePlan: true,
  planVersion: 1,
  canChange: true,
};
export const url = `https://gateway.example.nhs.uk/api/exports/${PROJECT}.acct.1234567890.${'s'.repeat(43)}?by=${'b'.repeat(60)}&scope=phase-12&part=100&of=100&after=${'a'.repeat(86)}&upto=${'u'.repeat(86)}`;
export const links = Array.from({ length: 100 }, (_, i) => ({ fileName: `nhsmail-accounts-rh8-all-2026-12-01-part-${i}-of-100.csv`, people: 250, url }));
