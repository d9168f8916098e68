import { describe, expect, it } from 'vitest';
import type { ItemAuditEntry } from '../../../bot/migration/gateways/gatewayState';
import { itemHistoryCardJson, itemHistoryViewFrom } from '../../../cards/itemHistoryCard';
import { Verbs } from '../../../cards/verbs';
import { actionsTitled, collectActions, visibleText } from './cardWalk';
import { historyFixture, PRIYA, PROJECT_ID } from './fixtures';

const back = { projectId: PROJECT_ID, stage: 2 as const, itemId: 'g2-business-case' };
const title = 'Complete the initial business case';

describe('itemHistoryCard', () => {
  it('when an item has changed, then each change shows who, when, and before → after in words, newest first', () => {
    const card = itemHistoryCardJson(title, historyFixture(back.itemId), back);
    const text = visibleText(card);
    expect(text).toContain(title);
    expect(text).toContain('5 changes, newest first.');
    const lines = text.split('\n');
    const order = [
      'Status: Open → Done',
      'Link added: https://nhsrh8.sharepoint.com/sites/nhsmail/pid.docx',
      'Note added: “Draft sent to the IG lead.”',
      'Due date: none → Fri 20 Nov 2026',
      'Owner: nobody → Aisha Khan',
    ].map((line) => lines.indexOf(line));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i > -1)).toBe(true);
    expect(text).toContain('Aisha Khan, Wed 18 Nov 2026, 15:31');
  });

  it('when a reason or status value was set, then raw values never show', () => {
    const entries: ItemAuditEntry[] = [
      { at: '2026-11-19T09:00:00.000Z', by: PRIYA, itemId: back.itemId, field: 'status', before: 'open', after: 'not-applicable' },
      { at: '2026-11-19T09:00:00.000Z', by: PRIYA, itemId: back.itemId, field: 'naReason', before: null, after: 'Finance approved it last year.' },
    ];
    const text = visibleText(itemHistoryCardJson(title, entries, back));
    expect(text).toContain('Status: Open → Not applicable');
    expect(text).toContain('Reason it does not apply: “Finance approved it last year.”');
    expect(text).not.toContain('not-applicable');
    expect(text).toContain('Thu 19 Nov 2026, 09:00');
  });

  it('when nothing has changed, then it says so', () => {
    expect(visibleText(itemHistoryCardJson(title, [], back))).toContain('Nobody has changed this item yet.');
  });

  it('when the history is very long, then the newest 20 show, the card says how many there are, and Older changes pages back', () => {
    const many: ItemAuditEntry[] = Array.from({ length: 55 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
      by: PRIYA,
      itemId: back.itemId,
      field: 'notes',
      before: null,
      after: `Note ${i} ${'x'.repeat(900)}`,
    }));
    const first = itemHistoryCardJson(title, many, back);
    expect(visibleText(first)).toContain('Changes 1 to 20 of 55, newest first.');
    expect(visibleText(first)).toContain('Note 54 ');
    expect(visibleText(first)).not.toContain('Note 34 ');
    const older = actionsTitled(first, 'Older changes')[0];
    expect(older?.data).toMatchObject({ verb: Verbs.itemHistory, ...back, offset: 20, show: 'all' });
    const second = itemHistoryCardJson(title, many, back, itemHistoryViewFrom(older?.data ?? {}));
    expect(visibleText(second)).toContain('Changes 21 to 40 of 55, newest first.');
    expect(visibleText(second)).toContain('Note 34 ');
    expect(actionsTitled(second, 'Newest changes')[0]?.data).toMatchObject({ verb: Verbs.itemHistory, ...back, show: 'all' });
  });

  it('when only notes and links are asked for, then other changes are left out', () => {
    const text = visibleText(itemHistoryCardJson(title, historyFixture(back.itemId), back, { show: 'notes' }));
    expect(text).toContain('Note added: “Draft sent to the IG lead.”');
    expect(text).toContain('Link added: https://nhsrh8.sharepoint.com/sites/nhsmail/pid.docx');
    expect(text).not.toContain('Owner: nobody → Aisha Khan');
    expect(text).toContain('2 notes and links, newest first.');
  });

  it('when done reading, then the person can go back to the item or to the checklist at the item’s section', () => {
    const actions = collectActions(itemHistoryCardJson(title, [], { ...back, section: '3' }));
    expect(actions.filter((a) => a.title?.startsWith('Back')).map((a) => [a.title, a.data])).toEqual([
      ['Back to the item', { verb: Verbs.itemEdit, ...back }],
      ['Back to the checklist', { verb: Verbs.checklistShow, projectId: PROJECT_ID, stage: 2, section: '3' }],
    ]);
  });
});
