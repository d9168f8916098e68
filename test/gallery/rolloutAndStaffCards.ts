import type { AskTeamQuestion } from '../../bot/migration/answers/askTeam';
import { MAX_ANSWER_CHARS, MAX_QUESTION_CHARS } from '../../bot/migration/answers/askTeam';
import { answerFaq, faqFactsOf } from '../../bot/migration/answers/faq/faqAnswers';
import { DEFAULT_FAQ_SETTINGS } from '../../bot/migration/answers/faq/faqSettings';
import { FAQ_TOPICS } from '../../bot/migration/answers/faq/faqTopics';
import { MAX_COLLEAGUES_SHOWN } from '../../bot/migration/answers/personal/lookUpColleague';
import { composeMyMigration } from '../../bot/migration/answers/personal/myMigrationAnswer';
import type { CoexistenceReport } from '../../bot/migration/staff/rollout/coexistence';
import type { GroupChecklist } from '../../bot/migration/staff/rollout/groupChecklist';
import { stepsFor } from '../../bot/migration/staff/rollout/groupSteps';
import type { GroupPage, GroupsOverview } from '../../bot/migration/staff/rollout/groupUseCases';
import type { RegistrationsView } from '../../bot/migration/staff/rollout/registrationsUseCases';
import type { RolloutGroup } from '../../bot/migration/staff/rolloutGroup';
import { askTeamOfferCard, askTeamQuestionCard } from '../../cards/askTeamCards';
import { colleagueMigrationCardJson } from '../../cards/colleagueMigrationCard';
import { faqAnswerCard } from '../../cards/faqAnswerCard';
import { groupCardJson } from '../../cards/groupCard';
import { groupChecklistCardJson } from '../../cards/groupChecklistCard';
import { groupsCardJson } from '../../cards/groupsCard';
import { highlightSettingsCardJson } from '../../cards/highlightSettingsCard';
import { myMigrationCardJson } from '../../cards/myMigrationCard';
import { registrationsCardJson } from '../../cards/registrationsCard';
import { accountsCardJson } from '../../cards/rolloutAccountsCard';
import { coexistenceCardJson } from '../../cards/rolloutCoexistenceCard';
import { long, rolloutGroup, staffMember, worstMyMigrationInput } from '../unit/answers/personalFixtures';
import { person } from '../unit/rollout/inMemoryRollout';
import * as worst from '../unit/rollout/rolloutWorstCase';
import type { GalleryCard } from './galleryCards';

/**
 * The roll-out, staff-answer, frequent-question, ask-the-team and highlight-settings cards for the gallery. Typical
 * data is a small trust's pilot and two phases; the worst cases are the card tests' own (`rolloutWorstCase.ts`, the
 * staff answer tests' 200-character names and 60 local administrators).
 */

const PROJECT = 'p-rh8';
const EXPIRES = new Date('2026-12-01T10:15:00Z');

const group = (groupId: string, name: string, order: number, cutoverDate: string): RolloutGroup =>
  rolloutGroup({ projectId: PROJECT, groupId, name, kind: order === 0 ? 'pilot' : 'phase', order, cutoverDate });
const pilot = group('pilot', 'Pilot', 0, '2027-03-02');
const phase1 = group('phase-1', 'Phase 1: Pharmacy and Estates', 1, '2027-04-13');
const phase2 = group('phase-2', 'Phase 2: Wards and theatres', 2, '2027-05-25');
const groups = [pilot, phase1, phase2];
const staff = (firstName: string, lastName: string, department: string, extra: Parameters<typeof person>[1] = {}) =>
  person(PROJECT, { firstName, lastName, department, currentEmail: `${firstName}.${lastName}@ysbyty.nhs.uk`.toLowerCase(), groupId: 'pilot', ...extra });

const overview: GroupsOverview = { groups: groups.map((g, i) => ({ group: g, size: [25, 340, 1210][i] ?? 0 })), ungrouped: 87, canChange: true };
const page: GroupPage = {
  group: pilot,
  groups,
  size: 25,
  members: [
    staff('Aisha', 'Khan', 'Pharmacy', { status: 'activated' }),
    staff('Ben', 'Jones', 'IT Service Desk'),
    staff('Cara', 'Lee', 'Information Governance', { status: 'migrated' }),
    staff('Pharmacy', 'Shared', 'Pharmacy', { accountType: 'shared' }),
  ],
  canChange: true,
  canSetStatus: true,
};
const checklist: GroupChecklist = {
  group: pilot,
  steps: stepsFor('pilot').map((step, i) => (i < 3 ? { step, state: { done: true, by: { id: '29:priya', name: 'Priya Shah' }, at: '2026-11-20T10:00:00.000Z' } } : { step })),
  done: 3,
  planVersion: 1,
  canChange: true,
};
const mailbox = staff('Pharmacy', 'Dispensary', 'Pharmacy', { accountType: 'shared', groupId: 'phase-1' });
const coexistence: CoexistenceReport = {
  warnings: [
    {
      mailbox,
      people: [
        { localId: mailbox.localId, name: 'Pharmacy Dispensary', role: 'mailbox', groupId: 'phase-1' },
        { localId: 'E00101', name: 'Aisha Khan', role: 'owner', groupId: 'pilot' },
        { localId: 'E00102', name: 'Dev Patel', role: 'delegate', groupId: 'phase-1' },
      ],
      notOnList: [],
      fix: { group: pilot, moves: [{ localId: mailbox.localId, name: 'Pharmacy Dispensary', role: 'mailbox', groupId: 'phase-1' }, { localId: 'E00102', name: 'Dev Patel', role: 'delegate', groupId: 'phase-1' }] },
    },
  ],
  mailboxesChecked: 42,
  groups,
  canChange: true,
};
const months = ['2027-02', '2027-03', '2027-04', '2027-05', '2027-06'];
const registrations: RegistrationsView = {
  rows: months.map((month, i) => ({ month, fromGroups: [0, 25, 340, 1210, 0][i] ?? 0, planned: [10, 25, 340, 1210, 0][i] ?? 0, overridden: i === 0, registered: [8, 20, 0, 0, 0][i] ?? 0, questionnaire: [10, 30, 300, 1200, 0][i] ?? 0 })),
  needs: [],
  currentMonth: '2027-03',
  questionnaireDifferences: ['March 2027: 25 planned here, 30 in the questionnaire'],
  hasQuestionnairePlan: true,
  planVersion: 2,
  canChange: true,
};
const accountLinks = [
  { fileName: 'nhsmail-accounts-rh8-pilot-2026-12-01.csv', people: 25, url: 'https://gateway.example.nhs.uk/api/exports/acct-pilot' },
];

const members = [
  { userId: '29:asha', name: 'Asha Patel', role: 'local-admin' as const },
  { userId: '29:ben', name: 'Ben Jones', role: 'local-admin' as const },
];
const myTypical = () =>
  myMigrationCardJson(composeMyMigration({ member: staffMember(), group: rolloutGroup(), organisationName: 'Ysbyty Example NHS Trust', projectMembers: members, settings: DEFAULT_FAQ_SETTINGS, focus: 'date', today: '2027-02-01' }));
const myWorst = () => myMigrationCardJson(composeMyMigration(worstMyMigrationInput()));
const colleague = { name: 'Aisha Khan', email: 'aisha.khan@nhs.net', department: 'Pharmacy', group: 'Pilot', cutover: 'Tue 2 Mar 2027', status: 'Not started' };
const colleagueWorst = { name: long('Name'), email: `${'e'.repeat(180)}@nhs.net`, department: long('Dept'), group: long('Group'), cutover: 'Wed 29 Sept 2027', status: 'Account activated' };

const facts = faqFactsOf({ organisationName: 'Ysbyty Example NHS Trust', members });
const worstFacts = faqFactsOf({ organisationName: long('Organisation'), members: Array.from({ length: 60 }, (_v, i) => ({ userId: `29:${i}`, name: long(`LA ${i}`), role: 'local-admin' as const })) });
/** The frequent answer with the most words, with the fullest list of local administrators. */
const longestFaq = () => {
  const cards = FAQ_TOPICS.map((topic) => faqAnswerCard(answerFaq(topic, DEFAULT_FAQ_SETTINGS, worstFacts)));
  return cards.reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
};

const question = (overrides: Partial<AskTeamQuestion> = {}): AskTeamQuestion => ({
  questionId: 'q1',
  projectId: PROJECT,
  tenantId: 'tenant',
  askedBy: { id: '29:aisha', name: 'Aisha Khan' },
  question: 'Can I keep my old email address on my business cards until the summer?',
  askedAt: '2027-02-01T10:15:00.000Z',
  ...overrides,
});
const worstQuestion = question({
  askedBy: { id: '29:x', name: long('Asker') },
  question: 'q'.repeat(MAX_QUESTION_CHARS),
  answer: { text: 'a'.repeat(MAX_ANSWER_CHARS), by: { id: '29:y', name: long('Answerer') }, at: '2027-02-02T16:45:00.000Z' },
});

const settings = { projectId: PROJECT, usualTime: 'Mondays at 09:00 (UK time)', nextLine: 'The next report is posted on Monday 7 December 2026 at 09:00.' };

/**
 * Found by the gallery in cards/groupCard.ts, not yet fixed (the route reads '' as "leave as it is", so the fix is in
 * the card, its data schema and the route together): "Leave in this group" and "Leave as it is" have the value '',
 * which the official renderer treats as missing, so they may not be selectable in Teams (leaving the choice at its
 * default sends the same); and "Change one person" and "Set everyone's status" both hold an input `status`. Each
 * ShowCard sends only its own inputs and the card's, so the two do not mix, but the renderer reports it.
 */
export const ROLLOUT_AND_STAFF_CARDS: readonly GalleryCard[] = [
  { id: 'groups', title: 'Roll-out groups', builder: 'groupsCardJson', typical: () => groupsCardJson(PROJECT, overview), worstCase: () => groupsCardJson(worst.PROJECT, worst.overview, worst.LONG) },
  { id: 'group', title: 'A roll-out group and its people', builder: 'groupCardJson', typical: () => groupCardJson(PROJECT, page), worstCase: () => groupCardJson(worst.PROJECT, worst.page, { message: worst.LONG, after: 'x'.repeat(200) }) },
  { id: 'group-checklist', title: 'A roll-out group’s checklist', builder: 'groupChecklistCardJson', typical: () => groupChecklistCardJson(PROJECT, checklist), worstCase: () => groupChecklistCardJson(worst.PROJECT, worst.checklist, worst.LONG) },
  { id: 'coexistence', title: 'Co-existence check', builder: 'coexistenceCardJson', typical: () => coexistenceCardJson(PROJECT, coexistence), worstCase: () => coexistenceCardJson(worst.PROJECT, worst.coexistence, worst.LONG) },
  { id: 'registrations', title: 'Registrations against plan', builder: 'registrationsCardJson', typical: () => registrationsCardJson(PROJECT, registrations), worstCase: () => registrationsCardJson(worst.PROJECT, worst.registrations, worst.LONG) },
  { id: 'accounts', title: 'NHSmail Portal account files', builder: 'accountsCardJson', typical: () => accountsCardJson('the pilot', 25, accountLinks, EXPIRES), worstCase: () => accountsCardJson(worst.LONG, 25_000, worst.links, EXPIRES) },
  { id: 'my-migration', title: 'When do I migrate? (a member of staff’s own answer)', template: 'myMigration', builder: 'myMigrationCardJson', typical: myTypical, worstCase: myWorst },
  {
    id: 'colleague-migration',
    title: 'When does a colleague migrate?',
    template: 'colleagueMigration',
    builder: 'colleagueMigrationCardJson',
    typical: () => colleagueMigrationCardJson({ organisationName: 'Ysbyty Example NHS Trust', asked: 'khan', people: [colleague], more: false, today: '2027-02-01' }),
    worstCase: () => colleagueMigrationCardJson({ organisationName: long('Organisation'), asked: long('Asked'), people: Array.from({ length: MAX_COLLEAGUES_SHOWN }, () => colleagueWorst), more: true, today: '2027-02-01' }),
  },
  { id: 'faq-answer', title: 'A frequent question answered', template: 'faqAnswer', builder: 'faqAnswerCard', typical: () => faqAnswerCard(answerFaq('attachments', DEFAULT_FAQ_SETTINGS, facts)), worstCase: longestFaq },
  { id: 'ask-team-offer', title: 'Ask the team? (to the asker)', template: 'askTeamOffer', builder: 'askTeamOfferCard', typical: () => askTeamOfferCard(question().question), worstCase: () => askTeamOfferCard('q'.repeat(MAX_QUESTION_CHARS)) },
  { id: 'ask-team-question', title: 'A staff question for the team (in the channel)', template: 'askTeamQuestion', builder: 'askTeamQuestionCard', typical: () => askTeamQuestionCard(question()), worstCase: () => askTeamQuestionCard(worstQuestion, 'm'.repeat(300)) },
  {
    id: 'highlight-settings',
    title: 'Highlight report day and time',
    template: 'highlightSettings',
    builder: 'highlightSettingsCardJson',
    typical: () => highlightSettingsCardJson({ ...settings, slot: undefined }),
    worstCase: () =>
      highlightSettingsCardJson({
        ...settings,
        slot: { weekday: 5, time: '16:00' },
        typed: { weekday: '9'.repeat(50), time: 't'.repeat(50) },
        errors: [
          { field: 'weekday', message: 'w'.repeat(200) },
          { field: 'time', message: 't'.repeat(200) },
        ],
        message: 'm'.repeat(300),
      }),
  },
];
