import { describe, expect, it } from 'vitest';
import type { CoexistenceReport } from '../../../bot/migration/staff/rollout/coexistence';
import type { GroupChecklist } from '../../../bot/migration/staff/rollout/groupChecklist';
import { stepsFor } from '../../../bot/migration/staff/rollout/groupSteps';
import type { GroupPage, GroupsOverview } from '../../../bot/migration/staff/rollout/groupUseCases';
import type { RegistrationsView } from '../../../bot/migration/staff/rollout/registrationsUseCases';
import type { RolloutGroup } from '../../../bot/migration/staff/rolloutGroup';
import { groupCardJson } from '../../../cards/groupCard';
import { groupChecklistCardJson } from '../../../cards/groupChecklistCard';
import { groupsCardJson } from '../../../cards/groupsCard';
import { registrationsCardJson } from '../../../cards/registrationsCard';
import { accountsCardJson } from '../../../cards/rolloutAccountsCard';
import { coexistenceCardJson } from '../../../cards/rolloutCoexistenceCard';
import { CARD_BUDGET_BYTES, formatKilobytes, teamsMessageBytes } from '../../../cards/teamsMessageSize';
import { collectActions } from '../cards/cardWalk';
import { registeredVerbs } from '../cards/registeredVerbs';
import { person } from './inMemoryRollout';

/** The roll-out cards drawn with worst-case data: 200-character names everywhere, every list at its cap. */

const LONG = 'N'.repeat(200);
const PROJECT = 'p'.repeat(36);
const groups: RolloutGroup[] = Array.from({ length: 40 }, (_, i) => ({
  projectId: PROJECT,
  groupId: i === 0 ? 'pilot' : `phase-${i}`,
  name: `${LONG}${i}`.slice(-60),
  kind: i === 0 ? 'pilot' : 'phase',
  order: i,
  cutoverDate: '2027-01-11',
  updatedAt: '2026-11-01T09:00:00.000Z',
  version: 999,
}));
const longPerson = () => person(PROJECT, { firstName: LONG, lastName: LONG, localId: `E${'9'.repeat(63)}`.slice(0, 64), department: LONG, groupId: 'pilot', accountType: 'shared' });
const me = { id: '29:x', name: LONG };

const overview: GroupsOverview = { groups: groups.map((group) => ({ group, size: 50_000 })), ungrouped: 50_000, canChange: true };
const page: GroupPage = { group: groups[0] as RolloutGroup, groups, size: 50_000, members: Array.from({ length: 20 }, longPerson), next: 'x'.repeat(200), canChange: true, canSetStatus: true };
const checklist: GroupChecklist = {
  group: groups[0] as RolloutGroup,
  steps: stepsFor('pilot').map((step) => ({ step, state: { done: true, by: me, at: '2026-11-01T09:00:00.000Z' } })),
  done: 20,
  planVersion: 9,
  canChange: true,
};
const coexistence: CoexistenceReport = {
  warnings: Array.from({ length: 40 }, () => {
    const mailbox = longPerson();
    const people = Array.from({ length: 30 }, () => ({ localId: 'E1', name: LONG, role: 'delegate' as const, groupId: 'phase-39' }));
    return { mailbox, people, notOnList: Array.from({ length: 30 }, () => 'E'.repeat(64)), fix: { group: groups[1] as RolloutGroup, moves: people } };
  }),
  mailboxesChecked: 5000,
  groups,
  canChange: true,
};
const months = Array.from({ length: 120 }, (_, i) => `${2027 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const registrations: RegistrationsView = {
  rows: months.map((month) => ({ month, fromGroups: 50_000, planned: 50_000, overridden: true, registered: 49_999, questionnaire: 12_345 })),
  needs: [],
  currentMonth: '2030-01',
  behind: { throughMonth: '2029-12', plannedToDate: 1_000_000, registeredToDate: 1, text: 'Registrations are behind plan: 1 of the 1000000 new accounts planned by the end of December 2029 are registered.' },
  questionnaireDifferences: months.map((m) => `${m}: 50000 planned here, 12345 in the questionnaire`),
  hasQuestionnairePlan: true,
  planVersion: 1,
  canChange: true,
};
const url = `https://gateway.example.nhs.uk/api/exports/${PROJECT}.acct.1234567890.${'s'.repeat(43)}?by=${'b'.repeat(60)}&scope=phase-12&part=100&of=100&after=${'a'.repeat(86)}&upto=${'u'.repeat(86)}`;
const links = Array.from({ length: 100 }, (_, i) => ({ fileName: `nhsmail-accounts-rh8-all-2026-12-01-part-${i}-of-100.csv`, people: 250, url }));

const cards: readonly (readonly [string, unknown])[] = [
  ['groups', groupsCardJson(PROJECT, overview, LONG)],
  ['group', groupCardJson(PROJECT, page, { message: LONG, after: 'x'.repeat(200) })],
  ['group checklist', groupChecklistCardJson(PROJECT, checklist, LONG)],
  ['co-existence', coexistenceCardJson(PROJECT, coexistence, LONG)],
  ['registrations', registrationsCardJson(PROJECT, registrations, LONG)],
  ['accounts', accountsCardJson(LONG, 25_000, links, new Date('2026-12-01T10:15:00Z'))],
];
const routes = registeredVerbs();

describe('the roll-out cards at their worst', () => {
  it.each(cards)('when the %s card is drawn with worst-case data, then it is under the 80 KB budget counted in UTF-16', (_name, card) => {
    const bytes = teamsMessageBytes(card);
    expect(bytes, formatKilobytes(bytes)).toBeLessThan(CARD_BUDGET_BYTES);
  });

  it.each(cards)('when the %s card has buttons, then each Execute has its Submit fallback and both have a route', (_name, card) => {
    for (const action of collectActions(card)) {
      if (action.type !== 'Action.Execute') continue;
      const verb = String(action.data?.verb);
      expect(routes.execute.has(verb), `no Execute route for ${verb}`).toBe(true);
      expect(routes.submit.has(verb), `no Submit route for ${verb}`).toBe(true);
      expect((action.fallback as { data?: unknown } | undefined)?.data).toEqual(action.data);
    }
  });

  it('when the registrations card is drawn, then the chart has planned and registered series and a table as its fallback', () => {
    const json = JSON.stringify(cards[4]?.[1]);
    expect(json).toContain('"type":"Chart.VerticalBar.Grouped"');
    expect(json).toContain('"legend":"Planned"');
    expect(json).toContain('"legend":"Registered"');
    expect(json).toContain('"fallback":{"type":"Container"');
  });
});
