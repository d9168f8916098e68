import { STAGE_NUMBERS } from '../../../bot/migration/gateways/catalogueTypes';
import type { Checklist } from '../../../bot/migration/projects/getChecklist';
import type { AdaptiveCardJson } from '../../../cards/adaptiveCardJson';
import { checklistCardJson, type ChecklistCardExtras } from '../../../cards/checklistCard';
import { checklistViewFrom, type ChecklistView } from '../../../cards/checklistPages';
import { itemCardJson } from '../../../cards/itemCard';
import { itemHistoryCardJson, itemHistoryViewFrom, type ItemHistoryView } from '../../../cards/itemHistoryCard';
import { myActionsCardJson } from '../../../cards/myActionsCard';
import { rolesCardJson } from '../../../cards/rolesCard';
import { signOffCardJson } from '../../../cards/signOffCard';
import { statusCardJson } from '../../../cards/statusCard';
import { walkthroughCard } from '../../../cards/walkthroughCard';
import { highlightActivity } from '../../../bot/jobs/highlightPost';
import { worstHighlight } from './highlightFixtures';
import { actionsTitled, refreshAction, type Json } from './cardWalk';
import { worstRiskCards } from './riskSamples';
import { PROJECT_ID, TODAY } from './fixtures';
import { worstChecklist, worstHistory, worstMyActions, worstProject, worstStatus, WORST_MEMBER_CHOICES, WORST_USER_IDS } from './worstCase';

/**
 * Every part of a checklist as a person reaches it: the first card, each section's Show button, each More items
 * button, following the buttons' own data (so a button that led nowhere would leave items unreachable).
 */
export function checklistParts(checklist: Checklist, extras: ChecklistCardExtras): AdaptiveCardJson[] {
  const parts: AdaptiveCardJson[] = [];
  const seen = new Set<string>();
  const visit = (view: ChecklistView): void => {
    const card = checklistCardJson(checklist, { ...extras, view });
    const shown = refreshAction(card)?.data;
    const key = `${String(shown?.section)}|${String(shown?.page)}`;
    if (seen.has(key)) return;
    seen.add(key);
    parts.push(card);
    for (const action of [...actionsTitled(card, 'Show'), ...actionsTitled(card, 'More items')]) visit(checklistViewFrom(action.data ?? {}));
  };
  visit({});
  return parts;
}

/** Every page of an item's history, by pressing Older changes until there is none. */
export function historyPages(render: (view: ItemHistoryView) => AdaptiveCardJson): AdaptiveCardJson[] {
  const pages: AdaptiveCardJson[] = [];
  let card = render({});
  for (;;) {
    pages.push(card);
    const older = actionsTitled(card, 'Older changes')[0];
    if (!older || pages.length > 1000) return pages;
    card = render(itemHistoryViewFrom(older.data ?? {}));
  }
}

/** The worst case of every card that shows project data, named for test titles. */
export function worstCaseCards(): readonly (readonly [string, Json])[] {
  const extras: ChecklistCardExtras = { today: TODAY, memberChoices: WORST_MEMBER_CHOICES, refreshUserIds: WORST_USER_IDS };
  const cards: [string, Json][] = [];
  for (const stage of STAGE_NUMBERS) {
    for (const [label, checklist] of [
      ['mixed', worstChecklist(stage)],
      ['all open', worstChecklist(stage, { statusAt: () => 'open' })],
    ] as const) {
      checklistParts(checklist, extras).forEach((card, i) => cards.push([`checklist gateway ${stage} (${label}), part ${i + 1}`, card]));
    }
  }
  const checklist = worstChecklist(4);
  const entry = checklist.entries.find((e) => e.status === 'not-applicable') ?? checklist.entries[0];
  if (!entry) throw new Error('gateway 4 has items');
  const itemExtras = { projectId: PROJECT_ID, stage: 4 as const, memberChoices: WORST_MEMBER_CHOICES, history: worstHistory(entry.item.id), message: 'x'.repeat(300) };
  cards.push(['item', itemCardJson(entry, itemExtras)]);
  cards.push(['item (read only)', itemCardJson(entry, { ...itemExtras, canUpdate: false })]);
  const back = { projectId: PROJECT_ID, stage: 4 as const, itemId: entry.item.id, section: entry.item.guideSection };
  for (const show of ['all', 'notes'] as const) {
    historyPages((view) => itemHistoryCardJson(entry.item.action, worstHistory(entry.item.id), back, { ...view, show })).forEach((card, i) =>
      cards.push([`item history (${show}), page ${i + 1}`, card]),
    );
  }
  cards.push(['walkthrough', walkthroughCard(entry, { projectId: PROJECT_ID, stage: 4, position: 34, total: 34, memberChoices: WORST_MEMBER_CHOICES })]);
  cards.push(['status', statusCardJson(worstStatus())]);
  // The weekly post: both cards as sent together (300 risks, all 99 items done this week, 104 burn-down weeks).
  const [highlight, risks] = (highlightActivity(worstHighlight()).attachments ?? []).map((a) => a.content as Json);
  if (!highlight || !risks) throw new Error('the weekly post has two cards');
  cards.push(['highlight (300 risks, 99 items, 104 weeks)', highlight], ['open risks and issues (300 entries)', risks]);
  cards.push(['my actions (all 99 items)', myActionsCardJson(worstMyActions())]);
  cards.push(['sign-off', signOffCardJson(worstChecklist(4, { statusAt: () => 'open' }))]);
  const project = worstProject();
  cards.push(['roles (project manager)', rolesCardJson(project, { candidates: WORST_MEMBER_CHOICES, canAssign: true })]);
  cards.push(['roles (staff)', rolesCardJson(project, { candidates: [], canAssign: false })]);
  cards.push(...worstRiskCards());
  return cards;
}
