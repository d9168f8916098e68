import { describe, expect, it } from 'vitest';
import { myActionsCardJson } from '../../../cards/myActionsCard';
import { Verbs } from '../../../cards/verbs';
import { actionsTitled, collectActions, visibleText } from './cardWalk';
import { myActionsFixture, PROJECT_ID } from './fixtures';

describe('myActionsCard', () => {
  const mine = myActionsFixture();
  const card = myActionsCardJson(mine);
  const text = visibleText(card);

  it('when the person has open items, then it counts them and says how many are overdue', () => {
    const overdue = mine.actions.filter((a) => a.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    expect(text).toContain(`You have ${mine.actions.length} open items; ${overdue} are overdue.`);
  });

  it('when items are overdue, then they come first and say by how much', () => {
    const lines = text.split('\n').filter((l) => l.startsWith('Gateway '));
    const firstNotOverdue = lines.findIndex((l) => !l.includes('Overdue'));
    expect(firstNotOverdue).toBeGreaterThan(0);
    expect(lines.slice(firstNotOverdue).some((l) => l.includes('Overdue'))).toBe(false);
    expect(lines[0]).toMatch(/^Gateway \d · due \w{3} \d{1,2} \w{3} 2026 · Overdue by 8 days$/);
  });

  it('when listed, then each item has its gateway, due date and an Open button to its edit card', () => {
    const open = actionsTitled(card, 'Open');
    expect(open).toHaveLength(mine.actions.length);
    const first = mine.actions[0];
    expect(open[0]).toMatchObject({
      type: 'Action.Execute',
      verb: Verbs.itemEdit,
      data: { verb: Verbs.itemEdit, projectId: PROJECT_ID, stage: first?.stage, itemId: first?.itemId },
    });
    for (const action of mine.actions) expect(text).toContain(action.action);
  });

  it('when nothing is waiting, then it says so kindly and offers only the project status', () => {
    const empty = myActionsCardJson({ ...mine, actions: [] });
    expect(visibleText(empty)).toContain('Nothing is waiting for you.');
    expect(collectActions(empty).map((a) => a.title)).toEqual(['Project status']);
  });

  it('when an item has no due date, then it says so', () => {
    const undated = myActionsCardJson({ ...mine, actions: [{ itemId: 'g3-x', stage: 3, action: 'Book the trainers', mandatory: false, overdue: false }] });
    expect(visibleText(undated)).toContain('Gateway 3 · no due date');
    expect(visibleText(undated)).toContain('You have 1 open item.');
  });
});
