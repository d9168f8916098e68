import { describe, expect, it } from 'vitest';
import { getStage } from '../../../bot/migration/gateways/catalogue';
import { daysToCutover, gatewayProgress, myActions, overdueItems, projectProgress } from '../../../bot/migration/gateways/progress';
import { todayInLondon } from '../../../bot/migration/shared/ukDates';
import { catalogue, itemState, mandatoryDone, priya, tom } from './fixtures';

describe('gateway progress', () => {
  it('when nothing has been touched, then every item counts as open', () => {
    const p = gatewayProgress(catalogue, 1, []);
    expect(p).toMatchObject({ stage: 1, total: 7, done: 0, notApplicable: 0, open: 7, completed: 0, percentComplete: 0, mandatoryOpen: 7 });
  });

  it('when items are done or not applicable, then both count as completed', () => {
    const p = gatewayProgress(catalogue, 1, [
      itemState('g1-contact-pipeline', { status: 'done' }),
      itemState('g1-ods-code', { status: 'not-applicable', naReason: 'Already have one' }),
      itemState('g1-user-numbers', { status: 'open' }),
    ]);
    expect(p).toMatchObject({ done: 1, notApplicable: 1, open: 5, completed: 2, percentComplete: 28, mandatoryOpen: 5 });
  });

  it('when an optional item is skipped, then it is neither open nor completed, and mandatory counts are unaffected', () => {
    const p = gatewayProgress(catalogue, 2, [itemState('g2-highlight-report', { status: 'skipped' })]);
    const stage = getStage(catalogue, 2);
    expect(p.skipped).toBe(1);
    expect(p.open).toBe(stage.items.length - 1);
    expect(p.completed).toBe(0);
    expect(p.mandatoryOpen).toBe(stage.items.filter((i) => i.mandatory).length);
  });

  it('when every mandatory item is done, then no mandatory item is open, though optional ones may be', () => {
    const p = gatewayProgress(catalogue, 4, mandatoryDone(4));
    expect(p.mandatoryOpen).toBe(0);
    expect(p.mandatoryTotal).toBe(p.done);
    expect(p.percentComplete).toBeLessThan(100);
  });

  it('when states exist for items from other stages or no longer in the catalogue, then they are ignored', () => {
    const p = gatewayProgress(catalogue, 1, [itemState('g2-pid', { status: 'done' }), itemState('g1-retired-item', { status: 'done' })]);
    expect(p.done).toBe(0);
  });

  it('when the whole project is asked for, then all six gateways come back in order', () => {
    expect(projectProgress(catalogue, []).map((p) => p.stage)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('overdue items', () => {
  const items = [
    itemState('g1-contact-pipeline', { due: '2026-10-20', owner: priya }),
    itemState('g2-pid', { due: '2026-10-24' }),
    itemState('g1-ods-code', { due: '2026-10-25' }),
    itemState('g1-user-numbers', { due: '2026-10-01', status: 'done' }),
    itemState('g2-highlight-report', { due: '2026-10-01', status: 'skipped' }),
    itemState('g1-discovery-questionnaire'),
  ];

  it('when today is after the due date, then open items are overdue, most overdue first', () => {
    const overdue = overdueItems(catalogue, items, '2026-10-25');
    expect(overdue.map((o) => [o.itemId, o.daysOverdue])).toEqual([
      ['g1-contact-pipeline', 5],
      ['g2-pid', 1],
    ]);
    expect(overdue[0]).toMatchObject({ stage: 1, due: '2026-10-20', owner: priya });
    expect(overdue[1]?.owner).toBeUndefined();
  });

  it('when the item is due today, then it is not yet overdue', () => {
    expect(overdueItems(catalogue, items, '2026-10-25').some((o) => o.itemId === 'g1-ods-code')).toBe(false);
  });

  it('when it is late evening UTC on the night the clocks go back, then "today" in London already makes yesterday\'s items overdue', () => {
    const today = todayInLondon(new Date('2026-10-25T23:30:00Z'));
    expect(today).toBe('2026-10-25');
    const bst = todayInLondon(new Date('2026-10-24T23:30:00Z'));
    expect(bst).toBe('2026-10-25');
    expect(overdueItems(catalogue, items, bst).map((o) => o.itemId)).toContain('g2-pid');
  });

  it('when the span crosses the spring clock change, then days overdue are whole days', () => {
    const overdue = overdueItems(catalogue, [itemState('g1-ods-code', { due: '2026-03-28' })], '2026-03-30');
    expect(overdue[0]?.daysOverdue).toBe(2);
  });
});

describe('my actions', () => {
  const items = [
    itemState('g3-comms-plan', { owner: priya }),
    itemState('g1-ods-code', { owner: priya, due: '2026-12-01' }),
    itemState('g2-pid', { owner: priya, due: '2026-11-20' }),
    itemState('g1-user-numbers', { owner: priya, due: '2026-11-01', status: 'done' }),
    itemState('g1-contact-pipeline', { owner: tom, due: '2026-11-01' }),
    itemState('g2-assign-pm', { owner: priya }),
  ];

  it("when a person asks for their actions, then they get only their open items, soonest due first, undated last in catalogue order", () => {
    const mine = myActions(catalogue, items, priya.id, '2026-11-25');
    expect(mine.map((a) => a.itemId)).toEqual(['g2-pid', 'g1-ods-code', 'g2-assign-pm', 'g3-comms-plan']);
    expect(mine[0]).toMatchObject({ due: '2026-11-20', daysUntilDue: -5, overdue: true, mandatory: true, stage: 2 });
    expect(mine[1]).toMatchObject({ daysUntilDue: 6, overdue: false });
    expect(mine[2]?.due).toBeUndefined();
    expect(mine[2]?.overdue).toBe(false);
  });

  it('when the person owns nothing, then the list is empty', () => {
    expect(myActions(catalogue, items, 'aad-nobody', '2026-11-25')).toEqual([]);
  });
});

describe('days to cutover', () => {
  it('when cutover is ahead, on the day, or past, then the count is positive, zero or negative', () => {
    expect(daysToCutover('2026-11-25', '2026-12-25')).toBe(30);
    expect(daysToCutover('2026-12-25', '2026-12-25')).toBe(0);
    expect(daysToCutover('2026-12-27', '2026-12-25')).toBe(-2);
  });

  it('when the countdown crosses a clock change, then it stays in whole days', () => {
    expect(daysToCutover('2026-03-28', '2026-04-01')).toBe(4);
    expect(daysToCutover('2026-10-24', '2026-10-26')).toBe(2);
  });
});
