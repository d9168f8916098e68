import { describe, expect, it } from 'vitest';
import { composeHighlight } from '../../../bot/migration/reports/composeHighlight';
import { readHighlightInput } from '../../../bot/migration/reports/readHighlight';
import { behindPlan, registrationRows } from '../../../bot/migration/staff/rollout/registrations';
import { TestClock } from '../projects/projectFixtures';
import { input, reportProject } from '../reports/reportFixtures';

describe('registrations behind plan in the weekly highlight', () => {
  const behind = behindPlan(registrationRows(new Map([['2025-12', 200]]), {}, new Map([['2025-12', 120]])), '2026-01', 1);

  it('when registrations are behind plan, then a green report turns amber with the reason', () => {
    const clock = new TestClock('2026-01-07T10:00:00.000Z');
    const green = composeHighlight(input(reportProject(), []), clock);
    expect(green.overall.rag).toBe('green');
    const report = composeHighlight({ ...input(reportProject(), []), ...(behind ? { registrationsBehind: behind } : {}) }, clock);
    expect(report.overall.rag).toBe('amber');
    expect(report.overall.reasons).toEqual([
      { rag: 'amber', rule: 'registrations-behind-plan', text: 'Registrations are behind plan: 120 of the 200 new accounts planned by the end of December 2025 are registered.' },
    ]);
    expect(report.overall.reason).toContain('120 of the 200');
  });

  it('when the reader is given the roll-out, then it asks it and passes what it says to the composer', async () => {
    const project = reportProject();
    const got = await readHighlightInput(
      {
        source: { read: () => Promise.resolve({ project, gateways: [] }) },
        risks: { all: () => Promise.resolve([]) },
        clock: new TestClock('2026-01-07T10:00:00.000Z'),
        catalogue: input(project, []).catalogue,
        registrationsBehind: () => Promise.resolve({ text: 'Registrations are behind plan.' }),
      },
      project.projectId,
    );
    expect(got?.registrationsBehind).toEqual({ text: 'Registrations are behind plan.' });
  });
});
