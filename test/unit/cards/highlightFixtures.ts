import { composeHighlight, type HighlightReport } from '../../../bot/migration/reports/composeHighlight';
import { weekOf } from '../../../bot/migration/reports/londonWeeks';
import { aRisk, catalogue, doneWeekly, gatewaysFrom, input, reportProject, requiredBeforeCutover } from '../reports/reportFixtures';

/** A clock fixed on Wed 11 Mar 2026: the report week is Mon 9 to Sun 15 Mar. */
const clock = { now: () => new Date('2026-03-11T12:00:00.000Z') };

/** A project some weeks in: required items done two a week, a few risks, one escalated. */
export function sampleHighlight(): HighlightReport {
  const project = reportProject();
  const events = doneWeekly(requiredBeforeCutover().slice(0, 20), '2026-01-06', 2);
  const risks = [
    aRisk({ riskId: 'r1', title: 'Archive tool not approved by IG', likelihood: 4, impact: 5, escalation: { escalated: true, setBy: 'score', by: { id: '29:tom', name: 'Tom Evans' }, at: '2026-03-02T10:00:00.000Z' } }),
    aRisk({ riskId: 'r2', title: 'Shared mailboxes not yet mapped', likelihood: 3, impact: 3 }),
    aRisk({ riskId: 'r3', type: 'issue', title: 'Two sites still on Outlook 2013', likelihood: 2, impact: 2 }),
  ];
  return composeHighlight(input(project, gatewaysFrom(project.projectId, events), risks), clock);
}

/** The longest names the forms allow. */
const LONG = (n: number, word: string): string => `${word} `.repeat(Math.ceil(n / (word.length + 1))).slice(0, n).trim();

/**
 * The heaviest report: 300 open risks with the longest titles and mitigations, every one of the 99 items finished
 * in the report week by people with long names, and 104 weeks of burn-down.
 */
export function worstHighlight(): HighlightReport {
  const project = reportProject({ organisationName: LONG(200, 'Ysbyty'), plannedStart: '2024-01-01', createdAt: '2024-01-01T09:00:00.000Z', plannedCutover: '2026-05-28' });
  const owner = { id: '29:owner', name: LONG(120, 'Bartholomew') };
  const week = weekOf('2026-03-09');
  const allItems = catalogue.stages.flatMap((s) => s.items.map((i) => i.id));
  const events = allItems.map((itemId, i) => ({ itemId, at: `2026-03-1${i % 2 === 0 ? '0' : '1'}T1${i % 10}:00:00.000Z`, status: 'done' as const, owner }));
  const risks = Array.from({ length: 300 }, (_, i) =>
    aRisk({ riskId: `risk-${String(i).padStart(3, '0')}`, title: LONG(200, `Risk${i}`), mitigation: LONG(2000, 'mitigate'), owner, likelihood: 1 + (i % 5), impact: 1 + ((i * 3) % 5) }),
  );
  return composeHighlight(input(project, gatewaysFrom(project.projectId, events), risks), clock, { week });
}
