import { DEFAULT_QUESTION_SET } from '../../bot/migration/questionnaire/questionSet';
import { emptyQuestionnaire } from '../../bot/migration/questionnaire/answerRecord';
import { editBaseFor } from '../../bot/migration/questionnaire/answers';
import { deriveOverlaps } from '../../bot/migration/questionnaire/overlaps';
import { questionnaireProgress } from '../../bot/migration/questionnaire/progress';
import { numberedSection } from '../../bot/migration/questionnaire/questionnaireSectionLookup';
import type { ProjectSummary } from '../../bot/migration/projects/project';
import { highlightActivity } from '../../bot/jobs/highlightPost';
import { CAPABILITIES } from '../../bot/routes/capabilities';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import { checklistCardJson } from '../../cards/checklistCard';
import { didYouMeanCard } from '../../cards/didYouMeanCard';
import { helpCard } from '../../cards/helpCard';
import { itemCardJson } from '../../cards/itemCard';
import { itemHistoryCardJson } from '../../cards/itemHistoryCard';
import { milestoneCardJson } from '../../cards/milestoneCard';
import { myActionsCardJson } from '../../cards/myActionsCard';
import { projectChoiceCard } from '../../cards/projectChoiceCard';
import { projectSetupCard } from '../../cards/projectSetupCard';
import { projectSetUpDoneCard } from '../../cards/projectSetUpDoneCard';
import { questionnaireExportCardJson } from '../../cards/questionnaireExportCard';
import { questionnaireProgressCardJson } from '../../cards/questionnaireProgressCard';
import { questionnaireSectionCardJson } from '../../cards/questionnaireSectionCard';
import { riskExportCardJson } from '../../cards/riskExportCard';
import { rolesCardJson } from '../../cards/rolesCard';
import { signOffCardJson } from '../../cards/signOffCard';
import { statusCardJson } from '../../cards/statusCard';
import { Verbs } from '../../cards/verbs';
import { walkthroughCard } from '../../cards/walkthroughCard';
import { welcomeCard } from '../../cards/welcomeCard';
import { ROLLOUT_AND_STAFF_CARDS } from './rolloutAndStaffCards';
import { STAFF_IMPORT_CARDS } from './staffImportCards';
import { PROJECT_ID, TODAY, projectFixture } from '../unit/cards/fixtures';
import { worstHighlight } from '../unit/cards/highlightFixtures';
import { fixtureRecord } from '../unit/questionnaire/fixtures';
import { sampleCards, setupWithErrors } from '../unit/cards/sampleCards';
import { sampleRiskCards, worstRiskCards, worstRiskListPages } from '../unit/cards/riskSamples';
import { worstChecklist, worstHistory, worstMyActions, worstProject, worstStatus, WORST_MEMBER_CHOICES, WORST_USER_IDS } from '../unit/cards/worstCase';

/**
 * Every card the bot sends, for the gallery (`npm run cards:render`) and its checks (`galleryCards.test.ts`): one
 * entry per card, each drawn with typical data and with the worst case the card tests use (longest names, most
 * items, fullest history). A new card is one more line here (or in `rolloutAndStaffCards.ts`); a template or a
 * card builder in `cards/` with no entry fails the test.
 */
export interface GalleryCard {
  /** File-name stem in `cards/gallery/`. */
  readonly id: string;
  readonly title: string;
  /** The template in `cards/templates/` the card is drawn from; absent for a card built in TypeScript. */
  readonly template?: string;
  /** The exported function in `cards/` that builds it: every card builder there must have an entry. */
  readonly builder: string;
  readonly typical: () => AdaptiveCardJson;
  readonly worstCase: () => AdaptiveCardJson;
  /**
   * Problems the checks find that are known and not yet fixed, word for word, with why they are tolerated for now.
   * The test fails when one goes away, so the entry is tidied when the card is fixed.
   */
  readonly knownProblems?: readonly string[];
}

const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};
const samples = once(() => new Map(sampleCards().map(([name, card]) => [name, card as AdaptiveCardJson])));
const worstRisks = once(() => new Map(worstRiskCards().map(([name, card]) => [name, card])));
const risksSampled = once(() => new Map(sampleRiskCards()));

function from(map: () => ReadonlyMap<string, AdaptiveCardJson>, name: string): () => AdaptiveCardJson {
  return () => {
    const card = map().get(name);
    if (!card) throw new Error(`no sample card named "${name}"`);
    return card;
  };
}
const sample = (name: string) => from(samples, name);
const required = (card: AdaptiveCardJson | undefined): AdaptiveCardJson => {
  if (!card) throw new Error('the fixture has no such card');
  return card;
};

const worstExtras = { today: TODAY, memberChoices: WORST_MEMBER_CHOICES, refreshUserIds: WORST_USER_IDS };
const worstEntry = once(() => {
  const checklist = worstChecklist(4);
  const entry = checklist.entries.find((e) => e.status === 'not-applicable') ?? checklist.entries[0];
  if (!entry) throw new Error('gateway 4 has items');
  return entry;
});
const worstItemExtras = () => ({ projectId: PROJECT_ID, stage: 4 as const, memberChoices: WORST_MEMBER_CHOICES, history: worstHistory(worstEntry().item.id), message: 'x'.repeat(300) });
const worstWeekly = once(() => (highlightActivity(worstHighlight()).attachments ?? []).map((a) => a.content as AdaptiveCardJson));

const longName = 'Hampshire Hospitals NHS Foundation Trust and Partners '.repeat(4).slice(0, 200);
const summary: ProjectSummary = { projectId: PROJECT_ID, organisationName: 'Hampshire Hospitals NHS Foundation Trust', odsCode: 'RH8', plannedCutover: '2027-01-06' };
const worstSummary = (i: number): ProjectSummary => ({ projectId: `${PROJECT_ID}-${i}`, organisationName: longName, odsCode: `R${String(i).padStart(2, '0')}`, plannedCutover: '2027-01-06' });
const set = DEFAULT_QUESTION_SET;

function section(sectionId: string, record = fixtureRecord()) {
  const found = numberedSection(set, sectionId);
  if (!found) throw new Error(sectionId);
  return { project: summary, set, section: found, record, base: editBaseFor(set, record, sectionId) };
}
const exportSummary = (record = fixtureRecord()) => ({ project: summary, role: 'project-manager' as const, progress: questionnaireProgress(set, record), overlaps: deriveOverlaps(set, record), preparedAt: 'Wed 25 Nov 2026, 14:05' });
const exportLinks = [
  { format: 'markdown' as const, url: `https://gateway.example.nhs.uk/api/exports/${'a'.repeat(120)}` },
  { format: 'html' as const, url: `https://gateway.example.nhs.uk/api/exports/${'b'.repeat(120)}` },
  { format: 'csv' as const, url: `https://gateway.example.nhs.uk/api/exports/${'c'.repeat(120)}` },
];
const milestones = (count: number, note: string) =>
  Array.from({ length: count }, (_, i) => ({ id: `m${i}`, kind: (['pipeline-slot', 'pilot-go-no-go', 'extra-approval-days'] as const)[i % 3] ?? 'pipeline-slot', date: '2026-11-0' + String((i % 9) + 1), note, recordedBy: { id: `29:1u${i}`, name: longName } }));

export const GALLERY: readonly GalleryCard[] = [
  { id: 'welcome', title: 'Welcome (installed in a team)', template: 'welcome', builder: 'welcomeCard', typical: () => welcomeCard({ scope: 'team', capabilities: CAPABILITIES }), worstCase: () => welcomeCard({ scope: 'personal', capabilities: CAPABILITIES }) },
  { id: 'help', title: 'Help', template: 'help', builder: 'helpCard', typical: () => helpCard({ scope: 'personal', capabilities: CAPABILITIES }), worstCase: () => helpCard({ scope: 'team', capabilities: CAPABILITIES }) },
  { id: 'did-you-mean', title: 'Did you mean …?', template: 'didYouMean', builder: 'didYouMeanCard', typical: () => didYouMeanCard({ command: 'gateway 1' }), worstCase: () => didYouMeanCard({ command: 'walk me through gateway 1' }) },
  { id: 'project-set-up', title: 'Project set-up form', template: 'projectSetup', builder: 'projectSetupCard', typical: () => projectSetupCard(), worstCase: () => projectSetupCard(setupWithErrors()) },
  { id: 'project-set-up-done', title: 'Project set up', template: 'projectSetUpDone', builder: 'projectSetUpDoneCard', typical: () => projectSetUpDoneCard(projectFixture()), worstCase: () => projectSetUpDoneCard(worstProject()) },
  { id: 'project-choice', title: 'Which project?', template: 'projectChoice', builder: 'projectChoiceCard', typical: () => projectChoiceCard({ projects: [summary, { ...summary, projectId: 'p-2', organisationName: 'Solent NHS Trust', odsCode: 'R1C' }], verb: Verbs.questionnaireSection, data: { sectionId: '1' }, purpose: 'answer that section' }), worstCase: () => projectChoiceCard({ projects: Array.from({ length: 12 }, (_, i) => worstSummary(i)), verb: Verbs.questionnaireSection, data: { sectionId: '3' }, purpose: 'answer that section' }) },
  { id: 'roles', title: 'Roles', template: 'roles', builder: 'rolesCardJson', typical: sample('roles (project manager)'), worstCase: () => rolesCardJson(worstProject(), { candidates: WORST_MEMBER_CHOICES, canAssign: true }) },
  { id: 'checklist', title: 'Gateway checklist', template: 'checklist', builder: 'checklistCardJson', typical: sample('checklist gateway 4'), worstCase: () => checklistCardJson(worstChecklist(4), worstExtras) },
  { id: 'item', title: 'Checklist item', template: 'item', builder: 'itemCardJson', typical: sample('item'), worstCase: () => itemCardJson(worstEntry(), worstItemExtras()) },
  { id: 'item-history', title: 'Item history', template: 'itemHistory', builder: 'itemHistoryCardJson', typical: sample('item history'), worstCase: () => itemHistoryCardJson(worstEntry().item.action, worstHistory(worstEntry().item.id), { projectId: PROJECT_ID, stage: 4, itemId: worstEntry().item.id, section: worstEntry().item.guideSection }, { show: 'all' }) },
  { id: 'walkthrough', title: 'Walkthrough', template: 'walkthrough', builder: 'walkthroughCard', typical: sample('walkthrough'), worstCase: () => walkthroughCard(worstEntry(), { projectId: PROJECT_ID, stage: 4, position: 34, total: 34, memberChoices: WORST_MEMBER_CHOICES }) },
  { id: 'status', title: 'Status', template: 'status', builder: 'statusCardJson', typical: sample('status'), worstCase: () => statusCardJson(worstStatus()) },
  { id: 'my-actions', title: 'My actions', template: 'myActions', builder: 'myActionsCardJson', typical: sample('my actions'), worstCase: () => myActionsCardJson(worstMyActions()) },
  { id: 'sign-off', title: 'Sign-off', template: 'signOff', builder: 'signOffCardJson', typical: sample('sign-off (not ready)'), worstCase: () => signOffCardJson(worstChecklist(4, { statusAt: () => 'open' })) },
  { id: 'milestones', title: 'Milestones', template: 'milestone', builder: 'milestoneCardJson', typical: () => milestoneCardJson({ projectId: PROJECT_ID, milestones: milestones(2, 'Slot confirmed by the pipeline team') }), worstCase: () => milestoneCardJson({ projectId: PROJECT_ID, milestones: milestones(30, 'n'.repeat(500)), message: 'm'.repeat(300) }) },
  { id: 'questionnaire', title: 'Questionnaire overview', template: 'questionnaireProgress', builder: 'questionnaireProgressCardJson', typical: () => questionnaireProgressCardJson({ project: summary, set, progress: questionnaireProgress(set, fixtureRecord()), may: { answer: true, submit: true, export: true } }), worstCase: () => questionnaireProgressCardJson({ project: { ...summary, organisationName: longName }, set, progress: questionnaireProgress(set, emptyQuestionnaire()), may: { answer: true, submit: true, export: true } }) },
  { id: 'questionnaire-section', title: 'Questionnaire section', template: 'questionnaireSection', builder: 'questionnaireSectionCardJson', typical: () => questionnaireSectionCardJson(section('organisation-and-contacts')), worstCase: () => questionnaireSectionCardJson(section('applications')) },
  { id: 'questionnaire-export', title: 'Questionnaire export', template: 'questionnaireExport', builder: 'questionnaireExportCardJson', typical: () => questionnaireExportCardJson({ summary: exportSummary(), links: exportLinks, linksExpire: '25/11/2026 14:20' }), worstCase: () => questionnaireExportCardJson({ summary: exportSummary(), links: [] }) },
  { id: 'risk', title: 'Risk form', template: 'risk', builder: 'riskCardJson', typical: from(risksSampled, 'risk form (PM, open)'), worstCase: from(worstRisks, 'risk form (refused, as typed)') },
  { id: 'risks', title: 'Risks and issues log', template: 'riskList', builder: 'riskListCardJson', typical: from(risksSampled, 'risks list'), worstCase: () => required(worstRiskListPages()[0]) },
  { id: 'risk-history', title: 'Risk history', template: 'riskHistory', builder: 'riskHistoryCardJson', typical: from(worstRisks, 'risk history'), worstCase: from(worstRisks, 'risk history') },
  { id: 'risk-export', title: 'Risks export', template: 'riskExport', builder: 'riskExportCardJson', typical: from(risksSampled, 'risk export'), worstCase: () => riskExportCardJson(PROJECT_ID, { url: `https://gateway.example.nhs.uk/api/exports/${'r'.repeat(400)}`, expiresAt: new Date('2026-11-25T10:15:00Z') }) },
  { id: 'highlight', title: 'Weekly highlight report', template: 'highlight', builder: 'highlightCardJson', typical: sample('highlight (posted)'), worstCase: () => required(worstWeekly()[0]) },
  { id: 'open-risks', title: 'Open risks beside the report', template: 'openRisks', builder: 'openRisksCardJson', typical: sample('open risks and issues'), worstCase: () => required(worstWeekly()[1]) },
  ...ROLLOUT_AND_STAFF_CARDS,
  ...STAFF_IMPORT_CARDS,
];
