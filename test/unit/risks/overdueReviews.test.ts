import { describe, expect, it } from 'vitest';
import { overdueReviewsByOwner } from '../../../bot/migration/risks/overdueReviews';
import { aRisk } from './riskRepositoryContract';

const tom = { id: '29:tom', name: 'Tom Evans' };

describe('overdueReviewsByOwner', () => {
  it('when entries are past their review date, then each owner gets one group, most overdue first; due today, closed and future ones are left out', () => {
    const groups = overdueReviewsByOwner(
      [
        aRisk({ title: 'A', reviewDate: '2026-11-20' }),
        aRisk({ title: 'B', reviewDate: '2026-11-25', owner: tom }),
        aRisk({ title: 'C', reviewDate: '2026-11-10' }),
        aRisk({ title: 'D', reviewDate: '2026-11-01', status: 'closed' }),
        aRisk({ title: 'E', reviewDate: '2026-11-24', owner: tom, status: 'mitigating' }),
        aRisk({ title: 'F', reviewDate: '2026-12-01' }),
      ],
      '2026-11-25',
    );
    expect(groups.map((g) => [g.owner.id, g.entries.map((e) => e.title)])).toEqual([
      ['29:priya', ['C', 'A']],
      ['29:tom', ['E']],
    ]);
  });
});
