import { describe, expect, it } from 'vitest';
import type { OverdueItem } from '../../../bot/migration/gateways/progress';
import type { Forecast } from '../../../bot/migration/reports/burnDown';
import { overallRag, type RagFacts } from '../../../bot/migration/reports/overallRag';
import { DEFAULT_RISK_SETTINGS } from '../../../bot/migration/risks/riskSettings';
import { viewRisk } from '../../../bot/migration/risks/riskView';
import { aRisk, priyaRef } from './reportFixtures';

const onTrack: Forecast = { outcome: 'on-track', headline: 'On track', workings: '', openNow: 10, ratePerWeek: 5, weeks: 4, gatewayFinishes: [] };
const calm: RagFacts = { openRisks: [], overdueRequired: [], gatewaysBehind: [], forecast: onTrack, lateRedDays: 14 };
const today = '2026-03-04';

function overdue(daysOverdue: number): OverdueItem {
  return { itemId: 'g3-comms-plan', stage: 3, action: 'Write the communications plan', due: '2026-02-01', daysOverdue };
}

function risk(likelihood: number, impact: number, escalated = false, title = 'Archive tool not approved by IG') {
  return viewRisk(aRisk({ likelihood, impact, title, escalation: { escalated, setBy: 'hand', by: priyaRef, at: '2026-03-01T10:00:00.000Z' } }), DEFAULT_RISK_SETTINGS, today);
}

describe('the overall RAG of the highlight report', () => {
  it('when nothing is late, red or escalated, then it is green and says so', () => {
    expect(overallRag(calm)).toEqual({
      rag: 'green',
      reason: 'No required items are overdue, no risks or issues are red or escalated, and every gateway is on plan.',
      reasons: [],
    });
  });

  it('when an open entry is escalated, then it is red, naming it', () => {
    const result = overallRag({ ...calm, openRisks: [risk(2, 2, true)] });
    expect(result.rag).toBe('red');
    expect(result.reason).toBe('1 risk or issue is escalated to senior management: “Archive tool not approved by IG”.');
  });

  it('when an open entry is rated red but not escalated, then it is amber', () => {
    const result = overallRag({ ...calm, openRisks: [risk(4, 4), risk(1, 1)] });
    expect(result.rag).toBe('amber');
    expect(result.reasons.map((r) => r.rule)).toEqual(['red-risk']);
  });

  it('when a required item is overdue, then it is amber up to 14 days and red beyond', () => {
    expect(overallRag({ ...calm, overdueRequired: [overdue(14)] })).toMatchObject({ rag: 'amber', reason: '1 required item is overdue.' });
    expect(overallRag({ ...calm, overdueRequired: [overdue(15), overdue(2)] })).toMatchObject({ rag: 'red', reason: '1 required item is more than 14 days overdue.' });
  });

  it('when a gateway is behind its planned date, then it is amber up to 14 days and red beyond', () => {
    expect(overallRag({ ...calm, gatewaysBehind: [{ stage: 1, plannedDate: '2026-01-31', daysBehind: 5 }] })).toMatchObject({
      rag: 'amber',
      reason: 'Gateway 1 was planned to be passed by Sat 31 Jan 2026 and is 5 days behind.',
    });
    expect(overallRag({ ...calm, gatewaysBehind: [{ stage: 2, plannedDate: '2026-02-26', daysBehind: 20 }] }).rag).toBe('red');
  });

  it('when the forecast is at risk, then it is amber with the forecast as the reason', () => {
    const forecast: Forecast = { ...onTrack, outcome: 'at-risk', headline: 'At risk: at this pace gateway 4 finishes around Sun 7 Jun 2026, after the cutover on Thu 28 May 2026.' };
    expect(overallRag({ ...calm, forecast })).toMatchObject({ rag: 'amber', reason: forecast.headline });
  });

  it('when red and amber rules both apply, then it is red, gives the red reasons, and lists every reason red first', () => {
    const result = overallRag({ ...calm, openRisks: [risk(5, 5, true, 'A'), risk(4, 4, false, 'B')], overdueRequired: [overdue(3)] });
    expect(result.rag).toBe('red');
    expect(result.reason).toBe('1 risk or issue is escalated to senior management: “A”.');
    expect(result.reasons.map((r) => [r.rag, r.rule])).toEqual([
      ['red', 'escalated-risk'],
      ['amber', 'red-risk'],
      ['amber', 'overdue-required-item'],
    ]);
  });
});
