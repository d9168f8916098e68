import { describe, expect, it } from 'vitest';
import type { ChecklistEntry } from '../../../bot/migration/projects/getChecklist';
import { ITEM_INPUTS, itemCardJson, NO_OWNER } from '../../../cards/itemCard';
import { Verbs } from '../../../cards/verbs';
import { actionsTitled, collectActions, collectInputs, visibleText, type Json } from './cardWalk';
import { AISHA, checklistFixture, historyFixture, MEMBER_CHOICES, PROJECT_ID } from './fixtures';

function entryAt(index: number, stage: 2 | 4 = 4): ChecklistEntry {
  const entry = checklistFixture(stage).entries[index];
  if (!entry) throw new Error(`no item at ${index}`);
  return entry;
}

const base = { projectId: PROJECT_ID, stage: 4 as const, memberChoices: MEMBER_CHOICES };

function input(card: Json, id: string): Json | undefined {
  return collectInputs(card).find((i) => i.id === id);
}

describe('itemCard', () => {
  it('when opened to edit, then it has status, reason, owner, due date, note and evidence inputs with the ids the route reads', () => {
    const card = itemCardJson(entryAt(1), base);
    expect(collectInputs(card).map((i) => i.id)).toEqual(Object.values(ITEM_INPUTS));
    expect(collectInputs(card).map((i) => i.type)).toEqual(['Input.ChoiceSet', 'Input.Text', 'Input.ChoiceSet', 'Input.Date', 'Input.Text', 'Input.Text']);
  });

  it('when the item has values, then the inputs start from them', () => {
    const entry = entryAt(1);
    const card = itemCardJson(entry, base);
    expect(input(card, ITEM_INPUTS.status)?.value).toBe(entry.status);
    expect(input(card, ITEM_INPUTS.owner)?.value).toBe(entry.owner?.id);
    expect(input(card, ITEM_INPUTS.due)?.value).toBe(entry.due);
  });

  it('when nobody owns the item, then the owner choice says "Nobody yet" rather than showing blank', () => {
    const { owner: _owner, ...unowned } = entryAt(1);
    const card = itemCardJson(unowned, base);
    expect(input(card, ITEM_INPUTS.owner)?.value).toBe(NO_OWNER);
    expect(input(card, ITEM_INPUTS.owner)?.choices).toContainEqual({ title: 'Nobody yet', value: NO_OWNER });
  });

  it('when Save is pressed, then it sends the item and the version shown, so a stale edit is caught', () => {
    const entry = entryAt(2);
    const [save] = actionsTitled(itemCardJson(entry, base), 'Save');
    expect(save).toMatchObject({
      type: 'Action.Execute',
      verb: Verbs.itemSave,
      data: { verb: Verbs.itemSave, projectId: PROJECT_ID, stage: 4, itemId: entry.item.id, expectedVersion: entry.version },
    });
  });

  it('when the other buttons are pressed, then they go to the history and back to the checklist without sending the form', () => {
    const entry = entryAt(2);
    const card = itemCardJson(entry, base);
    expect(actionsTitled(card, 'History')[0]).toMatchObject({ associatedInputs: 'none', data: { verb: Verbs.itemHistory, projectId: PROJECT_ID, stage: 4, itemId: entry.item.id } });
    expect(actionsTitled(card, 'Back to the checklist')[0]).toMatchObject({ associatedInputs: 'none', data: { verb: Verbs.checklistShow, projectId: PROJECT_ID, stage: 4 } });
  });

  it('when the item is required, then Skipped is not offered; when optional, it is', () => {
    const checklist = checklistFixture(4);
    const required = checklist.entries.find((e) => e.item.mandatory);
    const optional = checklist.entries.find((e) => !e.item.mandatory);
    if (!required || !optional) throw new Error('gateway 4 has both kinds');
    const values = (entry: ChecklistEntry) => (input(itemCardJson(entry, base), ITEM_INPUTS.status)?.choices as { value: string }[]).map((c) => c.value);
    expect(values(required)).toEqual(['open', 'done', 'not-applicable']);
    expect(values(optional)).toEqual(['open', 'done', 'not-applicable', 'skipped']);
  });

  it('when the owner has left the team, then they stay selectable, so saving other changes does not clear the owner by accident', () => {
    const entry = { ...entryAt(2), owner: AISHA };
    const card = itemCardJson(entry, { ...base, memberChoices: MEMBER_CHOICES.filter((m) => m.value !== AISHA.id) });
    expect(input(card, ITEM_INPUTS.owner)?.choices).toContainEqual({ title: 'Aisha Khan (no longer in the project team)', value: AISHA.id });
  });

  it('when there are notes and evidence, then each is listed with who added it and when, and evidence opens as a link', () => {
    const entry = entryAt(0);
    const card = itemCardJson(entry, base);
    const text = visibleText(card);
    expect(text).toContain('Notes');
    expect(text).toContain('Priya Shah, Fri 20 Nov 2026, 14:05');
    expect(text).toContain('Evidence');
    const url = entry.evidence[0]?.url;
    expect(text).toContain(url);
    expect(collectActions(card).filter((a) => a.type === 'Action.OpenUrl')).toEqual([{ type: 'Action.OpenUrl', title: 'Open the document', url }]);
  });

  it('when history is given, then the three latest changes show, newest first, in words', () => {
    const entry = entryAt(0);
    const text = visibleText(itemCardJson(entry, { ...base, history: historyFixture(entry.item.id) }));
    expect(text).toContain('Recent changes');
    const statusAt = text.indexOf('Status: Open → Done');
    const linkAt = text.indexOf('Link added: https://nhsrh8.sharepoint.com/sites/nhsmail/pid.docx');
    const noteAt = text.indexOf('Note added: “Draft sent to the IG lead.”');
    expect(statusAt).toBeGreaterThan(-1);
    expect(statusAt).toBeLessThan(linkAt);
    expect(linkAt).toBeLessThan(noteAt);
    expect(text).not.toContain('Owner: nobody → Aisha Khan');
  });

  it('when there is a message, then it comes first', () => {
    const message = 'Someone else changed this item; here is the latest version.';
    const card = itemCardJson(entryAt(1), { ...base, message });
    expect(visibleText(card).startsWith(message)).toBe(true);
  });

  it('when the viewer cannot update items, then they see the item but no inputs and no Save', () => {
    const card = itemCardJson(entryAt(1), { ...base, canUpdate: false });
    expect(collectInputs(card)).toEqual([]);
    expect(actionsTitled(card, 'Save')).toEqual([]);
    expect(visibleText(card)).toContain('Only members of the project team can update checklist items.');
  });

  it('when an item needs a document and has none, then the card says so', () => {
    const needsEvidence = checklistFixture(2).entries.find((e) => e.item.evidenceRequired === true);
    if (!needsEvidence) throw new Error('gateway 2 has items needing evidence');
    const text = visibleText(itemCardJson({ ...needsEvidence, evidence: [] }, { ...base, stage: 2 }));
    expect(text).toContain('This item needs a link to the document before the gateway can be signed off.');
  });

  it('when overdue, then the card says "Overdue"', () => {
    const overdue = checklistFixture(4).entries.find((e) => e.overdue);
    if (!overdue) throw new Error('the fixture has overdue items');
    expect(visibleText(itemCardJson(overdue, base))).toContain('· Overdue');
  });
});
