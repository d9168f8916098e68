import { describe, expect, it } from 'vitest';
import { getStage } from '../../../bot/migration/gateways/catalogue';
import { composeHighlight } from '../../../bot/migration/reports/composeHighlight';
import { weekOf } from '../../../bot/migration/reports/londonWeeks';
import { TestClock } from '../projects/projectFixtures';
import { aRisk, doneWeekly, gatewaysFrom, input, priyaRef, reportProject, requiredBeforeCutover, tomRef, type StatusEvent } from './reportFixtures';

/** Wed 4 Mar 2026, in the week Mon 2 Mar to Sun 8 Mar (2026-W10). */
const WEDNESDAY = '2026-03-04T10:00:00.000Z';

describe('composing the weekly highlight report', () => {
  it('when a new project has no activity, then the report is green, empty where there is nothing to say, and too early to forecast', () => {
    const project = reportProject();
    const report = composeHighlight(input(project, []), new TestClock('2026-01-07T10:00:00.000Z'));
    expect(report.weekKey).toBe('2026-W02');
    expect(report.period).toEqual({ start: '2026-01-05', end: '2026-01-11', key: '2026-W02', label: 'Mon 5 Jan 2026 to Sun 11 Jan 2026' });
    expect(report.overall.rag).toBe('green');
    expect(report.completed).toEqual({ items: [], decisions: [], risksClosed: [] });
    expect(report.planned.items).toEqual([]);
    expect(report.planned.milestones).toEqual([]);
    expect(report.topRisks).toEqual([]);
    expect(report.helpNeeded).toEqual([]);
    expect(report.gateways.map((g) => [g.stage, g.requiredFinished, g.requiredTotal, g.daysBehind])).toEqual([
      [1, 0, 7, 0],
      [2, 0, 15, 0],
      [3, 0, 22, 0],
      [4, 0, 27, 0],
      [5, 0, 7, 0],
      [6, 0, 7, 0],
    ]);
    expect(report.forecast.outcome).toBe('too-early');
    expect(report.daysToCutover).toBe(141);
    expect(report.burnDown[0]).toEqual({ weekKey: '2026-W02', weekEnding: '2026-01-11', open: 71, ideal: 68 });
    expect(report.burnDown.at(-1)).toEqual({ weekKey: '2026-W22', weekEnding: '2026-05-31', ideal: 0 });
    expect(report.burnDown.filter((p) => p.open !== undefined)).toHaveLength(1);
  });

  it('when nothing has happened for weeks, then the forecast is at risk, stalled, and the gateway behind plan shows', () => {
    const project = reportProject();
    const report = composeHighlight(input(project, []), new TestClock(WEDNESDAY));
    expect(report.forecast.outcome).toBe('at-risk');
    expect(report.forecast.headline).toBe('At risk: no required items of gateways 1 to 4 were finished in the last 4 weeks, so at this pace they will not be finished by the cutover on Thu 28 May 2026.');
    // Gateway 1 is planned for 10/55 of the way from 5 Jan to 28 May: Sat 31 Jan.
    expect(report.gateways[0]).toMatchObject({ plannedDate: '2026-01-31', daysBehind: 32 });
    expect(report.overall.rag).toBe('red');
    expect(report.overall.reasons.map((r) => r.rule)).toEqual(['gateway-behind-plan', 'gateway-behind-plan', 'forecast-at-risk']);
  });

  it('when work goes at a steady 3 items a week that runs past cutover, then the forecast says which gateway finishes when, and how', () => {
    const project = reportProject();
    const scope = requiredBeforeCutover();
    // 20 in January (by Tue 27 Jan), then 3 a week on the Tuesdays 10 Feb to 3 Mar: 32 finished, 39 open.
    const events = [...doneWeekly(scope.slice(0, 20), '2026-01-27', 20), ...doneWeekly(scope.slice(20, 32), '2026-02-10', 3)];
    const report = composeHighlight(input(project, gatewaysFrom(project.projectId, events)), new TestClock(WEDNESDAY));
    expect(report.forecast).toMatchObject({ outcome: 'at-risk', openNow: 39, ratePerWeek: 3, weeks: 4, finishesAround: '2026-06-07', lastGateway: 4 });
    expect(report.forecast.headline).toBe('At risk: at this pace gateway 4 finishes around Sun 7 Jun 2026, after the cutover on Thu 28 May 2026.');
    expect(report.forecast.workings).toBe(
      '12 required items of gateways 1 to 4 were finished in the last 4 weeks (less any reopened), 3 a week. 39 are still open: at 3 a week that takes about 13 weeks from Sun 8 Mar 2026, to around Sun 7 Jun 2026.',
    );
    expect(report.forecast.gatewayFinishes).toEqual([
      { stage: 3, finishesAround: '2026-04-05' },
      { stage: 4, finishesAround: '2026-06-07' },
    ]);
  });

  it('when work goes at 6 a week, then it is on track, with the finishing date before cutover in the workings', () => {
    const project = reportProject();
    const scope = requiredBeforeCutover();
    const events = [...doneWeekly(scope.slice(0, 8), '2026-01-27', 8), ...doneWeekly(scope.slice(8, 32), '2026-02-10', 6)];
    const report = composeHighlight(input(project, gatewaysFrom(project.projectId, events)), new TestClock(WEDNESDAY));
    expect(report.forecast).toMatchObject({ outcome: 'on-track', headline: 'On track', ratePerWeek: 6, finishesAround: '2026-04-23' });
    expect(report.forecast.workings).toContain('to around Thu 23 Apr 2026. That is before the cutover on Thu 28 May 2026.');
  });

  it('when items are reopened, then the rate is net of them; when it nets to nothing, the forecast is stalled', () => {
    const project = reportProject();
    const scope = requiredBeforeCutover();
    const done = doneWeekly(scope.slice(0, 4), '2026-02-10', 1);
    const reopened: StatusEvent[] = scope.slice(0, 4).map((itemId) => ({ itemId, at: '2026-03-03T15:00:00.000Z', status: 'open' }));
    const report = composeHighlight(input(project, gatewaysFrom(project.projectId, [...done, ...reopened])), new TestClock(WEDNESDAY));
    expect(report.forecast.outcome).toBe('at-risk');
    expect(report.forecast.workings).toBe('71 required items are still open; over the last 4 weeks the number open did not fall.');
  });

  it('when every required item before cutover is finished, then the forecast is on track and finished', () => {
    const project = reportProject();
    const events = doneWeekly(requiredBeforeCutover(), '2026-02-10', 18);
    const report = composeHighlight(input(project, gatewaysFrom(project.projectId, events)), new TestClock(WEDNESDAY));
    expect(report.forecast).toMatchObject({ outcome: 'finished', headline: 'On track', openNow: 0 });
    expect(report.burnDown.find((p) => p.weekKey === '2026-W10')?.open).toBe(0);
  });

  it('when items finish over the weeks, then the burn-down counts open required items at each Sunday against the straight line', () => {
    const project = reportProject();
    const scope = requiredBeforeCutover();
    const events = doneWeekly(scope.slice(0, 10), '2026-02-17', 5);
    const report = composeHighlight(input(project, gatewaysFrom(project.projectId, events)), new TestClock(WEDNESDAY));
    const byWeek = Object.fromEntries(report.burnDown.map((p) => [p.weekEnding, p.open]));
    expect(byWeek['2026-02-15']).toBe(71);
    expect(byWeek['2026-02-22']).toBe(66);
    expect(byWeek['2026-03-01']).toBe(61);
    expect(byWeek['2026-03-08']).toBe(61);
    expect(byWeek['2026-03-15']).toBeUndefined();
    const ideal = report.burnDown.map((p) => p.ideal);
    expect(ideal.every((v, i) => i === 0 || v <= (ideal[i - 1] ?? 0))).toBe(true);
    expect(report.burnDown.at(-1)?.ideal).toBe(0);
  });

  it('when items were finished, reopened and decided this week and last, then the period lists only this week’s finished work', () => {
    const project = reportProject();
    const [a, b, c, d] = requiredBeforeCutover();
    const events: StatusEvent[] = [
      { itemId: a ?? '', at: '2026-02-24T10:00:00.000Z', status: 'done' }, // last week
      { itemId: b ?? '', at: '2026-03-02T09:00:00.000Z', status: 'done' }, // this week
      { itemId: c ?? '', at: '2026-03-03T09:00:00.000Z', status: 'not-applicable' },
      { itemId: d ?? '', at: '2026-03-03T10:00:00.000Z', status: 'done' },
      { itemId: d ?? '', at: '2026-03-03T11:00:00.000Z', status: 'open' }, // reopened the same week
    ];
    const decisions = [{ stage: 1 as const, decision: { outcome: 'no-go' as const, by: priyaRef, at: '2026-03-04T09:00:00.000Z', comment: 'Business case not signed.' } }];
    const closed = aRisk({ riskId: 'r-closed', status: 'closed', closure: { reason: 'IG approved.', by: priyaRef, at: '2026-03-03T12:00:00.000Z' } });
    const report = composeHighlight(input(project, gatewaysFrom(project.projectId, events, decisions), [closed]), new TestClock(WEDNESDAY));
    expect(report.completed.items.map((i) => [i.itemId, i.status])).toEqual([
      [b, 'done'],
      [c, 'not-applicable'],
    ]);
    expect(report.completed.decisions).toEqual([{ stage: 1, outcome: 'no-go', comment: 'Business case not signed.', by: priyaRef, at: '2026-03-04T09:00:00.000Z' }]);
    expect(report.completed.risksClosed.map((r) => r.entry.riskId)).toEqual(['r-closed']);
    expect(report.gateways[0]).toMatchObject({ requiredFinishedBefore: 1, requiredFinished: 3, finishedThisPeriod: 2 });
  });

  it('when the clocks go forward that weekend, then work at 23:45 BST on Sunday is last week’s and at 00:15 BST on Monday this week’s', () => {
    const project = reportProject();
    const [a, b] = requiredBeforeCutover();
    const events: StatusEvent[] = [
      { itemId: a ?? '', at: '2026-03-29T22:45:00.000Z', status: 'done' },
      { itemId: b ?? '', at: '2026-03-29T23:15:00.000Z', status: 'done' },
    ];
    const report = composeHighlight(input(project, gatewaysFrom(project.projectId, events)), new TestClock('2026-04-01T10:00:00.000Z'));
    expect(report.period).toMatchObject({ start: '2026-03-30', end: '2026-04-05', key: '2026-W14' });
    expect(report.completed.items.map((i) => i.itemId)).toEqual([b]);
    const last = composeHighlight(input(project, gatewaysFrom(project.projectId, events)), new TestClock('2026-04-01T10:00:00.000Z'), { week: weekOf('2026-03-29') });
    expect(last.completed.items.map((i) => i.itemId)).toEqual([a]);
  });

  it('when the clocks go back that weekend, then Sunday 23:30 GMT is still that week and Monday 00:00 GMT the next', () => {
    const project = reportProject({ plannedCutover: '2026-12-01' });
    const [a, b, c] = requiredBeforeCutover();
    const events: StatusEvent[] = [
      { itemId: a ?? '', at: '2026-10-18T23:30:00.000Z', status: 'done' }, // 00:30 BST Mon 19 Oct
      { itemId: b ?? '', at: '2026-10-25T23:30:00.000Z', status: 'done' }, // 23:30 GMT Sun 25 Oct
      { itemId: c ?? '', at: '2026-10-26T00:00:00.000Z', status: 'done' }, // 00:00 GMT Mon 26 Oct
    ];
    const report = composeHighlight(input(project, gatewaysFrom(project.projectId, events)), new TestClock('2026-10-21T10:00:00.000Z'));
    expect(report.weekKey).toBe('2026-W43');
    expect(report.completed.items.map((i) => i.itemId)).toEqual([a, b]);
  });

  it('when items and milestones fall due next week, then they are the work planned for the next period', () => {
    const project = reportProject({
      milestones: [
        { id: 'm1', kind: 'pilot-go-no-go', date: '2026-03-12', note: '', recordedBy: priyaRef },
        { id: 'm2', kind: 'pipeline-slot', date: '2026-03-20', note: '', recordedBy: priyaRef },
      ],
    });
    const g3 = getStage(input(project, []).catalogue, 3).items;
    const events: StatusEvent[] = [
      { itemId: g3[0]?.id ?? '', at: '2026-03-01T10:00:00.000Z', status: 'open', due: '2026-03-10', owner: tomRef },
      { itemId: g3[1]?.id ?? '', at: '2026-03-01T10:00:00.000Z', status: 'done', due: '2026-03-11' },
      { itemId: g3[2]?.id ?? '', at: '2026-03-01T10:00:00.000Z', status: 'open', due: '2026-03-16' },
    ];
    const report = composeHighlight(input(project, gatewaysFrom(project.projectId, events)), new TestClock(WEDNESDAY));
    expect(report.planned.period).toMatchObject({ start: '2026-03-09', end: '2026-03-15' });
    expect(report.planned.items.map((i) => [i.itemId, i.due, i.owner?.name])).toEqual([[g3[0]?.id, '2026-03-10', 'Tom Evans']]);
    expect(report.planned.milestones.map((m) => m.id)).toEqual(['m1']);
    expect(report.helpNeeded.map((h) => h.kind)).toContain('milestone-decision');
  });

  it('when there are many risks, then the top five come escalated first, then by score, and overdue reviews are flagged and asked for', () => {
    const project = reportProject();
    const escalation = (escalated: boolean) => ({ escalated, setBy: 'hand' as const, by: priyaRef, at: '2026-03-01T10:00:00.000Z', reason: 'The board must decide.' });
    const risks = [
      aRisk({ riskId: 'r-25', likelihood: 5, impact: 5 }),
      aRisk({ riskId: 'r-esc-6', likelihood: 2, impact: 3, escalation: escalation(true), reviewDate: '2026-03-01' }),
      aRisk({ riskId: 'r-16', likelihood: 4, impact: 4 }),
      aRisk({ riskId: 'r-closed', likelihood: 5, impact: 5, status: 'closed', closure: { reason: 'x', by: priyaRef, at: '2026-02-01T10:00:00.000Z' }, escalation: escalation(true) }),
      aRisk({ riskId: 'r-12', likelihood: 3, impact: 4 }),
      aRisk({ riskId: 'r-9', likelihood: 3, impact: 3 }),
      aRisk({ riskId: 'r-4', likelihood: 2, impact: 2 }),
    ].map((r) => ({ ...r, reviewDate: r.reviewDate === '2026-12-02' ? '2026-03-20' : r.reviewDate }));
    const report = composeHighlight(input(project, [], risks), new TestClock(WEDNESDAY));
    expect(report.topRisks.map((r) => r.entry.riskId)).toEqual(['r-esc-6', 'r-25', 'r-16', 'r-12', 'r-9']);
    expect(report.riskCounts).toEqual({ open: 6, red: 2, escalated: 1, reviewsOverdue: 1 });
    expect(report.reviewsOverdue.map((r) => r.entry.riskId)).toEqual(['r-esc-6']);
    expect(report.helpNeeded.filter((h) => h.kind === 'escalated-risk' || h.kind === 'review-overdue').map((h) => h.text)).toEqual([
      'Senior management: “Archive tool not approved by IG” (risk, score 6), owned by Priya Shah. The board must decide.',
      '“Archive tool not approved by IG” was due for review on Sun 1 Mar 2026: Priya Shah to review it.',
    ]);
    expect(report.overall.rag).toBe('red');
    expect(report.overall.reasons[0]?.rule).toBe('escalated-risk');
  });

  it('when a required item is overdue without an owner, or a gateway is ready for sign-off, then help is asked for', () => {
    const project = reportProject();
    const g1 = getStage(input(project, []).catalogue, 1).items;
    const unowned = requiredBeforeCutover()[10] ?? '';
    const events: StatusEvent[] = [
      ...g1.map((i) => ({ itemId: i.id, at: '2026-01-20T10:00:00.000Z', status: 'done' as const, evidence: true })),
      { itemId: unowned, at: '2026-01-20T10:00:00.000Z', status: 'open', due: '2026-02-27' },
    ];
    const report = composeHighlight(input(project, gatewaysFrom(project.projectId, events)), new TestClock(WEDNESDAY));
    expect(report.helpNeeded.filter((h) => h.kind === 'sign-off' || h.kind === 'owner-needed')).toEqual([
      { kind: 'sign-off', stage: 1, text: 'Gateway 1 is ready for its go / no-go: the project manager or SRO can sign it off.' },
      { kind: 'owner-needed', itemId: unowned, text: expect.stringContaining('is 5 days overdue and has no owner.') as unknown as string },
    ]);
    expect(report.overall.reasons.map((r) => r.rule)).toContain('overdue-required-item');
  });
});
