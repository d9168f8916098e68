import { describe, expect, it } from 'vitest';
import type { OverdueItem } from '../../../bot/migration/gateways/progress';
import { cutoverLine, statusCardJson } from '../../../cards/statusCard';
import { Verbs } from '../../../cards/verbs';
import { actionsTitled, collectActions, visibleText } from './cardWalk';
import { PROJECT_ID, statusFixture } from './fixtures';
import { worstStatus } from './worstCase';

describe('cutoverLine', () => {
  it.each([
    [42, 'Cutover in 42 days, on Wed 6 Jan 2027'],
    [1, 'Cutover is tomorrow, Wed 6 Jan 2027'],
    [0, 'Cutover is today, Wed 6 Jan 2027'],
    [-1, 'Cutover was yesterday, Wed 6 Jan 2027'],
    [-3, 'Cutover was 3 days ago, on Wed 6 Jan 2027'],
  ])('when cutover is %i days away, then it reads "%s"', (days, expected) => {
    expect(cutoverLine(days, 'Wed 6 Jan 2027')).toBe(expected);
  });
});

describe('statusCard', () => {
  const status = statusFixture();
  const card = statusCardJson(status);
  const text = visibleText(card);

  it('when shown, then it names the organisation and its ODS code, and counts down to cutover', () => {
    expect(text).toContain('Royal Hampshire County Hospital NHS Foundation Trust');
    expect(text).toContain('ODS code RH8');
    expect(text).toContain('Cutover in 42 days, on Wed 6 Jan 2027');
  });

  it('when listing gateways, then each of the six has its progress and a state in words', () => {
    for (const gateway of status.gateways) expect(text).toContain(`Gateway ${gateway.stage}: ${gateway.title}`);
    expect(text).toMatch(/Gateway 1: Initial preparations\n7 of 7 done or not applicable; no required items still open\nPassed/);
    expect(text).toMatch(/Gateway 2: Initiation\n.+\nNo-go/);
    expect(text).toMatch(/Gateway 3: Running the project\n.+\n\d+ required items? open/);
  });

  it('when a gateway has things to finish, then the card says what they are rather than one bare count', () => {
    const gateway5 = status.gateways.find((g) => g.stage === 5)!;
    const blockers = [
      ...[1, 2, 3, 4].map((n) => ({ kind: 'mandatory-item-open', itemId: `g5-${n}`, action: `Item ${n}`, status: 'open' }) as const),
      ...[5, 6].map((n) => ({ kind: 'evidence-missing', itemId: `g5-${n}`, action: `Item ${n}` }) as const),
      { kind: 'earlier-gateway-not-passed', stage: 3, title: 'Running the project' } as const,
      { kind: 'earlier-gateway-not-passed', stage: 4, title: 'Migration readiness' } as const,
    ];
    const shown = visibleText(statusCardJson(statusFixture({ gateways: [{ ...gateway5, passed: false, blockerCount: blockers.length, blockers }] })));
    expect(shown).toContain('4 required items open, 2 missing evidence, gateways 3 and 4 not passed');
    expect(shown).not.toMatch(/\d+ things to finish/);
  });

  it('when items are overdue, then they are listed with gateway, owner and how late, and capped at ten', () => {
    expect(status.overdue.length).toBeGreaterThan(10);
    expect(text).toContain(`Overdue: ${status.overdue.length} items`);
    const first = status.overdue[0];
    expect(text).toContain(`Gateway ${first?.stage ?? 0} · Owner: ${first?.owner?.name ?? ''} · overdue by 8 days (due `);
    expect(text).toContain(`And ${status.overdue.length - 10} more overdue items`);
  });

  it('when nothing is overdue, then it says so', () => {
    expect(visibleText(statusCardJson(statusFixture({ overdue: [] })))).toContain('Nothing is overdue.');
  });

  it('when an overdue item has no owner, then it says so rather than leaving a gap', () => {
    const unowned: OverdueItem = { itemId: 'g2-x', stage: 2, action: 'Agree the plan', due: '2026-11-24', daysOverdue: 1 };
    expect(visibleText(statusCardJson(statusFixture({ overdue: [unowned] })))).toContain('Gateway 2 · No owner yet · overdue by 1 day (due Tue 24 Nov 2026)');
  });

  it('when milestones are coming up, then they show with UK dates, soonest first', () => {
    expect(text).toMatch(/Wed 2 Dec 2026\nPilot go \/ no-go\nMon 14 Dec 2026\nMigration pipeline slot: Slot confirmed by NHS Digital/);
  });

  it('when a gateway is not yet passed, then the card opens the first such one', () => {
    const [open] = actionsTitled(card, 'Open gateway 2');
    expect(open).toMatchObject({ type: 'Action.Execute', verb: Verbs.checklistShow, data: { verb: Verbs.checklistShow, projectId: PROJECT_ID, stage: 2 } });
    expect(actionsTitled(card, 'My actions')[0]?.data).toEqual({ verb: Verbs.myActionsShow, projectId: PROJECT_ID });
  });

  it('when every gateway has passed, then there is no gateway to open', () => {
    const allPassed = statusFixture({ gateways: status.gateways.map((g) => ({ ...g, passed: true })) });
    const titles = collectActions(statusCardJson(allPassed)).map((a) => a.title);
    expect(titles).toEqual(['My actions', 'People and roles']);
  });

  it('when a gateway row shows a long list of what blocks it, then the name keeps the larger share of the width and the state wraps in its own', () => {
    const rows = (statusCardJson(worstStatus()).body as { type: string; columns?: { width?: unknown; items: { text?: string }[] }[] }[]).filter((e) => e.type === 'ColumnSet');
    expect(rows.length).toBe(6);
    for (const row of rows) {
      const [name, state] = row.columns ?? [];
      // An "auto" state column takes as much as its text asks for, squeezing gateway 5's and 6's names to a word a line.
      expect(typeof name?.width, String(name?.items[0]?.text)).toBe('number');
      expect(typeof state?.width).toBe('number');
      expect(Number(name?.width)).toBeGreaterThan(Number(state?.width));
    }
  });
});

