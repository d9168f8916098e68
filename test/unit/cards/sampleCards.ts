import { validateProjectSetup } from '../../../bot/migration/gateways/projectSetup';
import { checklistCardJson } from '../../../cards/checklistCard';
import { didYouMeanCard } from '../../../cards/didYouMeanCard';
import { itemCardJson } from '../../../cards/itemCard';
import { itemHistoryCardJson } from '../../../cards/itemHistoryCard';
import { myActionsCardJson } from '../../../cards/myActionsCard';
import { projectSetupCard, type ProjectSetupCardData } from '../../../cards/projectSetupCard';
import { projectDetailsForm } from '../../../bot/migration/projects/editProjectDetails';
import { projectSetUpDoneCard } from '../../../cards/projectSetUpDoneCard';
import { rolesCardJson } from '../../../cards/rolesCard';
import { signOffCardJson } from '../../../cards/signOffCard';
import { statusCardJson } from '../../../cards/statusCard';
import { walkthroughCard } from '../../../cards/walkthroughCard';
import { highlightCardJson } from '../../../cards/highlightCard';
import { openRisksCardJson } from '../../../cards/openRisksCard';
import { CARD_BUDGET_BYTES } from '../../../cards/teamsMessageSize';
import { sampleHighlight } from './highlightFixtures';
import type { Json } from './cardWalk';
import { sampleRiskCards } from './riskSamples';
import {
  checklistFixture,
  GO,
  historyFixture,
  MEMBER_CHOICES,
  myActionsFixture,
  NO_GO,
  PROJECT_ID,
  projectFixture,
  statusFixture,
  TODAY,
} from './fixtures';

/** Teams user ids as long as real ones, more than the 60 a refresh may name. */
export const MANY_USER_IDS: readonly string[] = Array.from({ length: 75 }, (_, i) => `29:1${'x'.repeat(60)}${String(i).padStart(3, '0')}`);

/**
 * Every card in the shapes people meet it, for the checks every card must pass (version, bound, size, verbs,
 * fallbacks). A new card or variant goes here so those checks cover it.
 */
export function sampleCards(): readonly (readonly [string, Json])[] {
  const stage4 = checklistFixture(4);
  const entry = stage4.entries[1];
  if (!entry) throw new Error('stage 4 has items');
  const extras = { today: TODAY, memberChoices: MEMBER_CHOICES, refreshUserIds: MANY_USER_IDS };
  const ready = checklistFixture(1, { statusAt: () => 'done' });
  return [
    ['project set-up (empty)', projectSetupCard()],
    ['project set-up (errors)', projectSetupCard(setupWithErrors())],
    ['project set-up (hints)', projectSetupCard(setupWithHints())],
    ['project details', projectSetupCard({ values: projectDetailsForm(projectFixture()), editing: { projectId: PROJECT_ID, detailsVersion: 3, odsCode: 'RH8' }, message: 'Saved: the cutover date.' })],
    ['project details (errors)', projectSetupCard({ ...setupWithErrors(), editing: { projectId: PROJECT_ID, detailsVersion: 0, odsCode: 'RH8' } })],
    ['project set up (confirmation)', projectSetUpDoneCard(projectFixture())],
    ...([1, 2, 3, 4, 5, 6] as const).map((stage) => [`checklist gateway ${stage}`, checklistCardJson(checklistFixture(stage), extras)] as const),
    ['checklist (staff)', checklistCardJson(checklistFixture(4, { viewerRole: 'staff' }), extras)],
    ['checklist (passed)', checklistCardJson(checklistFixture(1, { statusAt: () => 'done', decision: GO }), extras)],
    ['item', itemCardJson(entry, { projectId: PROJECT_ID, stage: 4, memberChoices: MEMBER_CHOICES, history: historyFixture(entry.item.id) })],
    ['item (signed off: notes and evidence only)', itemCardJson(entry, { projectId: PROJECT_ID, stage: 4, memberChoices: MEMBER_CHOICES, canChangeState: false })],
    ['item (a refused save, as typed)', itemCardJson(entry, { projectId: PROJECT_ID, stage: 4, memberChoices: MEMBER_CHOICES, message: 'Please give a link starting https://.', typed: { status: 'done', note: 'x'.repeat(1000), evidenceUrl: 'http://intranet' } })],
    ['checklist (refused press)', checklistCardJson(checklistFixture(4), { ...extras, message: 'Someone else updated this item since you opened it, so your change was not saved. This is how it stands now.' })],
    ['item (read only)', itemCardJson(entry, { projectId: PROJECT_ID, stage: 4, memberChoices: MEMBER_CHOICES, canUpdate: false })],
    ['walkthrough', walkthroughCard(entry, { projectId: PROJECT_ID, stage: 4, position: 3, total: 12, memberChoices: MEMBER_CHOICES })],
    ['status', statusCardJson(statusFixture())],
    ['highlight (draft)', highlightCardJson(sampleHighlight(), { draft: true, notice: "Last week's report could not be posted because Teams refused it (403)." })],
    ['highlight (posted)', highlightCardJson(sampleHighlight())],
    ['open risks and issues', openRisksCardJson(sampleHighlight(), CARD_BUDGET_BYTES)],
    ['my actions', myActionsCardJson(myActionsFixture())],
    ['my actions (none)', myActionsCardJson({ ...myActionsFixture(), actions: [] })],
    ['sign-off (not ready)', signOffCardJson(stage4)],
    ['sign-off (ready)', signOffCardJson(ready)],
    ['sign-off (no-go recorded)', signOffCardJson(checklistFixture(2, { decision: NO_GO }))],
    ['sign-off (passed)', signOffCardJson(checklistFixture(1, { statusAt: () => 'done', decision: GO }))],
    ['sign-off (team member)', signOffCardJson(checklistFixture(4, { viewerRole: 'team-member' }))],
    ['roles (project manager)', rolesCardJson(projectFixture(), { candidates: [{ title: 'Sam Patel', value: '29:1sam' }], canAssign: true })],
    ['roles (staff)', rolesCardJson(projectFixture(), { candidates: [], canAssign: false })],
    ['did you mean', didYouMeanCard({ command: 'walk me through gateway 1' })],
    ['item history', itemHistoryCardJson(entry.item.action, historyFixture(entry.item.id), { projectId: PROJECT_ID, stage: 4, itemId: entry.item.id })],
    ...sampleRiskCards(),
  ];
}

export function setupWithErrors(): ProjectSetupCardData {
  const values = { organisationName: '', odsCode: 'R!8', migrationMethod: 'self-migration', approximateUsers: 'lots', newAccounts: '0', phasing: '', plannedStart: '2026-09-01', cutover: '2026-08-01' };
  const result = validateProjectSetup(values);
  if (result.ok) throw new Error('the fixture is meant to be invalid');
  return { values, errors: result.errors };
}

export function setupWithHints(): ProjectSetupCardData {
  const values = { organisationName: 'Hampshire Hospitals', odsCode: 'rh8a1', migrationMethod: 'self-migration', approximateUsers: '5,200', newAccounts: '900', phasing: 'phased', plannedStart: '2026-09-01', cutover: '2027-01-06' };
  const result = validateProjectSetup(values);
  if (!result.ok) throw new Error('the fixture is meant to be valid');
  return { values, hints: result.hints, channelName: 'NHSmail migration' };
}
