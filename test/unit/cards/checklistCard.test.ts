import { describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE, getStage } from '../../../bot/migration/gateways/catalogue';
import { newGatewayState } from '../../../bot/migration/gateways/gatewayState';
import type { Checklist } from '../../../bot/migration/projects/getChecklist';
import { checklistCardJson, MAX_REFRESH_USERS } from '../../../cards/checklistCard';
import { CARD_BUDGET_BYTES, teamsMessageBytes } from '../../../cards/teamsMessageSize';
import { checklistEntry } from '../../../bot/migration/projects/getChecklist';
import { addDays } from '../../../bot/migration/shared/ukDates';
import { blockersSummary } from '../../../cards/gatewaySummary';
import { Verbs } from '../../../cards/verbs';
import { actionsTitled, collectActions, refreshAction, visibleText, type Json } from './cardWalk';
import { AISHA, checklistFixture, GO, itemStatesFor, MEMBER_CHOICES, NO_GO, PROJECT_ID, TODAY } from './fixtures';
import { MANY_USER_IDS } from './sampleCards';
import { checklistParts } from './worstCaseCards';

const extras = { today: TODAY, memberChoices: MEMBER_CHOICES, refreshUserIds: MANY_USER_IDS };

/** Every part of a checklist as a person reaches it, following its Show and More items buttons. */
const everyPart = (checklist: Checklist): Json[] => checklistParts(checklist, extras);

const allText = (parts: readonly Json[]): string => parts.map(visibleText).join('\n');

describe('checklistCard', () => {
  it('when items are due today, tomorrow, later or past, then each line says so in words, and a late one how late', () => {
    const [first, second, third, fourth] = getStage(DEFAULT_GATEWAY_CATALOGUE, 2).items;
    const states = itemStatesFor(2, () => 'open');
    const state = (itemId: string, due: string) => ({ ...states.find((s) => s.itemId === itemId)!, due });
    const base = checklistFixture(2);
    const entries = [
      checklistEntry(first!, state(first!.id, TODAY), TODAY),
      checklistEntry(second!, state(second!.id, addDays(TODAY, 1)), TODAY),
      checklistEntry(third!, state(third!.id, '2027-01-15'), TODAY),
      checklistEntry(fourth!, state(fourth!.id, addDays(TODAY, -3)), TODAY),
    ];
    const text = visibleText(checklistCardJson({ ...base, entries }, extras));
    expect(text).toContain('Due today');
    expect(text).toContain('Due tomorrow');
    expect(text).toContain('Due Fri 15 Jan 2027');
    expect(text).toContain(' · Overdue by 3 days');
    expect(text.match(/Overdue by/g)).toHaveLength(1);
  });

  it('when gateway 4 has all 34 items owned and dated, even all open, then each part is within budget and the parts hold every item once', () => {
    const checklist = checklistFixture(4);
    expect(checklist.entries).toHaveLength(getStage(DEFAULT_GATEWAY_CATALOGUE, 4).items.length);
    expect(checklist.entries).toHaveLength(34);
    expect(checklist.entries.every((e) => e.owner && e.due)).toBe(true);
    for (const fixture of [checklist, checklistFixture(4, { statusAt: () => 'open' })]) {
      const parts = everyPart(fixture);
      expect(parts).toHaveLength(6);
      for (const part of parts) expect(teamsMessageBytes(part)).toBeLessThan(CARD_BUDGET_BYTES);
      const edited = parts.flatMap((p) => actionsTitled(p, 'Edit').map((a) => a.data?.itemId));
      expect([...edited].sort()).toEqual(fixture.entries.map((e) => e.item.id).sort());
    }
    expect(everyPart(checklistFixture(4, { statusAt: () => 'open' })).flatMap((p) => actionsTitled(p, 'Mark done'))).toHaveLength(34);
  });

  it('when a gateway has sections, then the first card lists them all with their open counts and shows the first with open items', () => {
    const checklist = checklistFixture(4, { statusAt: (i) => (i < 2 ? 'done' : 'open') });
    const card = checklistCardJson(checklist, extras);
    const text = visibleText(card);
    for (const heading of ['5.1 Set-up TANSync / CSV upload', '5.2.1 Pre-pilot activities', '5.2.5 RFC submission & approval']) {
      expect(text).toContain(heading);
    }
    const firstOpen = checklist.entries.find((e) => e.status === 'open');
    expect(refreshAction(card)?.data?.section).toBe(firstOpen?.item.guideSection);
    expect(actionsTitled(card, 'Edit').map((a) => a.data?.itemId)).toContain(firstOpen?.item.id);
    expect(actionsTitled(card, 'Show')).toHaveLength(5);
  });

  it('when a section has more items than fit, then it pages them, open items first, and every page can be reached', () => {
    const checklist = checklistFixture(2);
    expect(new Set(checklist.entries.map((e) => e.item.guideSection)).size).toBe(1);
    const parts = everyPart(checklist);
    expect(parts).toHaveLength(2);
    const statuses = parts.flatMap((p) => actionsTitled(p, 'Edit').map((a) => checklist.entries.find((e) => e.item.id === a.data?.itemId)?.status));
    const firstSettled = statuses.findIndex((s) => s === 'done' || s === 'not-applicable');
    expect(statuses.slice(firstSettled).every((s) => s === 'done' || s === 'not-applicable')).toBe(true);
    expect(visibleText(parts[0])).toContain(`Items 1 to 10 of ${checklist.entries.length}, open ones first.`);
    expect(actionsTitled(parts[1], 'Previous items')[0]?.data).toMatchObject({ verb: Verbs.checklistShow, section: '3', page: 0 });
  });

  it('when shown, then it heads with the gateway and counts progress in words', () => {
    const checklist = checklistFixture(2);
    const text = visibleText(checklistCardJson(checklist, extras));
    expect(text).toContain('Gateway 2: Initiation');
    const { completed, total, mandatoryOpen } = checklist.progress;
    expect(text).toContain(`${completed} of ${total} done or not applicable; ${mandatoryOpen} required still open`);
    expect(text).toContain('Before sign-off:');
    expect(text).toContain('As of Wed 25 Nov 2026.');
  });

  it('when items are listed, then each shows a status word, the action, its owner and due date, and required ones say so', () => {
    const checklist = checklistFixture(3);
    const text = allText(everyPart(checklist));
    for (const entry of checklist.entries) expect(text).toContain(entry.item.action);
    const first = checklist.entries[0];
    expect(text).toContain(`Done – ${first?.item.action ?? ''} (required)`);
    expect(text).toMatch(/^Open – .+$/m);
    expect(text).toMatch(/^Not applicable – .+$/m);
    expect(text).toContain('Owner: Aisha Khan · Due ');
  });

  it('when items are overdue, then each one says "Overdue" and no other item does', () => {
    const checklist = checklistFixture(4);
    const overdue = checklist.entries.filter((e) => e.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    const text = allText(everyPart(checklist));
    expect(text.match(/· Overdue/g)).toHaveLength(overdue.length);
  });

  it('when a project manager looks, then unfinished items get Mark done and Edit buttons carrying the item and its version', () => {
    const checklist = checklistFixture(2);
    const card = checklistCardJson(checklist, extras);
    const done = everyPart(checklist).flatMap((p) => actionsTitled(p, 'Mark done'));
    const notDone = checklist.entries.filter((e) => e.status === 'open' || e.status === 'skipped');
    expect(done).toHaveLength(notDone.length);
    const entry = notDone[0];
    expect(done[0]).toMatchObject({
      type: 'Action.Execute',
      verb: Verbs.itemDone,
      data: { verb: Verbs.itemDone, projectId: PROJECT_ID, stage: 2, itemId: entry?.item.id, expectedVersion: entry?.version, section: '3', page: 0 },
    });
    expect(actionsTitled(card, 'Edit')[0]?.data).toEqual({ verb: Verbs.itemEdit, projectId: PROJECT_ID, stage: 2, itemId: entry?.item.id });
    expect(actionsTitled(card, 'Sign-off')).toHaveLength(1);
    expect(actionsTitled(card, 'Walk me through open items')[0]).toMatchObject({ type: 'Action.Submit', data: { verb: Verbs.walkthroughStart, projectId: PROJECT_ID, stage: 2 } });
  });

  it('when a member of staff looks, then there are no edit buttons, only Refresh, and the card says who can update', () => {
    const card = checklistCardJson(checklistFixture(4, { viewerRole: 'staff' }), extras);
    expect(new Set(collectActions(card).map((a) => a.title))).toEqual(new Set(['Show', 'Refresh']));
    expect(visibleText(card)).toContain('Only members of the project team can update items.');
  });

  it('when a project team member looks, then they can update items but are not offered sign-off', () => {
    const card = checklistCardJson(checklistFixture(4, { viewerRole: 'team-member' }), extras);
    expect(actionsTitled(card, 'Edit').length).toBeGreaterThan(0);
    expect(actionsTitled(card, 'Sign-off')).toEqual([]);
  });

  it('when nothing is open, then the walkthrough is not offered', () => {
    const card = checklistCardJson(checklistFixture(1, { statusAt: () => 'done' }), extras);
    expect(actionsTitled(card, 'Walk me through open items')).toEqual([]);
    expect(visibleText(card)).toContain('Ready to sign off');
  });

  it('when posted, then it refreshes itself for at most 60 people with the checklist-refresh verb', () => {
    const card = checklistCardJson(checklistFixture(4), extras);
    expect(refreshAction(card)).toEqual({
      type: 'Action.Execute',
      verb: Verbs.checklistRefresh,
      data: { verb: Verbs.checklistRefresh, projectId: PROJECT_ID, stage: 4, section: '5.2.1', page: 0 },
    });
    expect((card.refresh as { userIds: string[] }).userIds).toEqual(MANY_USER_IDS.slice(0, MAX_REFRESH_USERS));
  });

  it('when the gateway has passed, then it says who passed it and when', () => {
    const text = visibleText(checklistCardJson(checklistFixture(1, { statusAt: () => 'done', decision: GO }), extras));
    expect(text).toContain('Passed: go recorded by Tom Evans on Tue 24 Nov 2026, 10:30');
    expect(text).not.toContain('Before sign-off');
  });

  it('when a no-go was recorded, then it says so in words', () => {
    const text = visibleText(checklistCardJson(checklistFixture(2, { decision: NO_GO }), extras));
    expect(text).toContain('Not passed: a no-go was recorded by Priya Shah on Mon 23 Nov 2026, 16:45');
  });

  it('when an owner has left the project team, then the list flags it so the item can be reassigned', () => {
    const withoutAisha = MEMBER_CHOICES.filter((m) => m.value !== AISHA.id);
    const text = visibleText(checklistCardJson(checklistFixture(2), { ...extras, memberChoices: withoutAisha }));
    expect(text).toContain('Owner: Aisha Khan (no longer in the project team)');
  });

  it('when an item is not applicable, then its reason shows, shortened', () => {
    const text = allText(everyPart(checklistFixture(2)));
    expect(text).toMatch(/Reason: We have no shared mailboxes .{10,}…/);
  });

  it('when roll-out waits for earlier gateways, then the summary names them', () => {
    const others = [1, 2, 3, 4].map((s) => newGatewayState(s as 1 | 2 | 3 | 4));
    const checklist = checklistFixture(5, { otherGateways: others });
    expect(visibleText(checklistCardJson(checklist, extras))).toContain('gateways 1, 2, 3 and 4 to pass first');
  });
});

describe('blockersSummary', () => {
  it('when there are open items and missing documents, then it counts each kind', () => {
    expect(
      blockersSummary([
        { kind: 'mandatory-item-open', itemId: 'a', action: 'A', status: 'open' },
        { kind: 'mandatory-item-open', itemId: 'b', action: 'B', status: 'skipped' },
        { kind: 'evidence-missing', itemId: 'c', action: 'C' },
        { kind: 'earlier-gateway-not-passed', stage: 3, title: 'Running the project' },
      ]),
    ).toBe('Before sign-off: 2 required items still to finish; 1 item needs a link to the document; gateway 3 to pass first.');
  });
});
