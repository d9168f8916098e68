import { describe, expect, it } from 'vitest';
import { planImport, rebase, type PlanInput } from '../../../../bot/migration/staff/import/importPlan';
import { matchHeader } from '../../../../bot/migration/staff/import/staffColumns';
import { checkRow, type CheckedRow } from '../../../../bot/migration/staff/import/staffRows';
import type { StaffMember } from '../../../../bot/migration/staff/staffMember';

const header = matchHeader(['Local ID', 'First name', 'Last name', 'Email', 'NHSmail', 'Mailbox size', 'Type', 'Owner', 'Delegates', 'Group']);
const NOW = '2026-12-01T12:00:00.000Z';
const by = { id: '29:sam', name: 'Sam Patel' };

function rows(lines: readonly (readonly string[])[]): CheckedRow[] {
  return lines.map((cells, i) => {
    const checked = checkRow(i + 2, cells, header);
    if (!checked.ok) throw new Error(checked.rejection.reasons.join('; '));
    return checked.row;
  });
}

function input(overrides: Partial<PlanInput>): PlanInput {
  return { projectId: 'p1', rows: [], rejections: [], stored: new Map(), knownGroupIds: new Set(['pilot']), quotaMb: 4096, by, now: NOW, ...overrides };
}

describe('planning an import against the stored list', () => {
  const file = rows([
    ['E1', 'Amelia', 'Jones', 'amelia@trust.nhs.uk', '', '1200', '', '', '', 'Pilot'],
    ['E2', 'Tom', 'Evans', 'tom@trust.nhs.uk', 'tom.evans@nhs.net', '5 GB', '', '', '', ''],
    ['M1', 'Bookings', '', 'bookings@trust.nhs.uk', '', '', 'shared', '', 'E1;E9', 'Phase 3'],
    ['E1', 'Amelia', 'Jones-Smith', 'amelia@trust.nhs.uk', '', '', '', '', '', ''],
    ['E3', 'Priya', 'Shah', 'TOM@trust.nhs.uk', '', '', '', 'E8', '', ''],
  ]);

  it('when a first file is planned, then everyone is added, the later duplicate is refused, and every warning names its line', () => {
    const plan = planImport(input({ rows: file }));
    expect(plan.counts).toEqual({ rows: 5, added: 4, updated: 0, unchanged: 0, rejected: 1, missing: 0 });
    expect(plan.rejections).toEqual([{ line: 5, localId: 'E1', reasons: ['the local ID E1 is also on line 2; only that row was imported'] }]);
    expect(plan.warnings.map((w) => [w.line, w.kind, w.detail])).toEqual([
      [3, 'already-on-nhsmail', 'holds tom.evans@nhs.net'],
      [3, 'over-quota', 'mailbox 5.0 GB, over the 4.0 GB quota'],
      [4, 'delegate-not-listed', 'delegate E9 is not on the list'],
      [4, 'shared-without-owner', 'no owner given'],
      [4, 'unknown-group', 'no roll-out group called phase-3 yet'],
      [5, 'duplicate-local-id', 'also on line 2'],
      [6, 'duplicate-email', 'tom@trust.nhs.uk is also given for E2 on line 3'],
      [6, 'owner-not-listed', 'owner E8 is not on the list'],
    ]);
    const tom = plan.changes.find((c) => c.member.localId === 'E2');
    expect(tom?.member.status).toBe('not-needed');
    expect(plan.changes.find((c) => c.member.localId === 'E1')?.member).toMatchObject({ lastName: 'Jones', groupId: 'pilot', status: 'not-started', version: 1 });
  });

  it('when the same file is planned against what it stored, then nothing changes', () => {
    const first = planImport(input({ rows: file }));
    const stored = new Map(first.changes.map((c) => [c.member.localId, c.member] as const));
    const again = planImport(input({ rows: file, stored, now: '2026-12-02T09:00:00.000Z' }));
    expect(again.changes).toEqual([]);
    expect(again.counts).toMatchObject({ added: 0, updated: 0, unchanged: 4, missing: 0 });
  });

  it('when a later file changes some people and leaves one out, then it updates by local ID, says what changed, keeps statuses, and lists the missing', () => {
    const first = planImport(input({ rows: file }));
    const stored = new Map<string, StaffMember>(first.changes.map((c) => [c.member.localId, c.member] as const));
    stored.set('E1', { ...(stored.get('E1') as StaffMember), status: 'account-requested', version: 2 });
    const later = rows([
      ['E1', 'Amelia', 'Jones', 'amelia@trust.nhs.uk', '', '1200', '', '', '', 'Phase 3'],
      ['E2', 'Tom', 'Evans', 'tom@trust.nhs.uk', 'tom.evans@nhs.net', '5 GB', '', '', '', ''],
      ['E3', 'Priya', 'Shah-Khan', 'priya@trust.nhs.uk', '', '', '', '', '', ''],
    ]);
    const plan = planImport(input({ rows: later, stored }));
    expect(plan.counts).toMatchObject({ added: 0, updated: 2, unchanged: 1, missing: 1 });
    expect(plan.missing).toEqual(['M1']);
    const e1 = plan.changes.find((c) => c.member.localId === 'E1');
    expect(e1).toMatchObject({ kind: 'updated', baseVersion: 2, changedFields: ['roll-out group'], member: { status: 'account-requested', groupId: 'phase-3', version: 3 } });
    expect(e1?.history).toEqual([
      { at: NOW, by, field: 'details', to: 'roll-out group', how: 'import' },
      { at: NOW, by, field: 'group', from: 'pilot', to: 'phase-3', how: 'import' },
    ]);
    expect(plan.changes.find((c) => c.member.localId === 'E3')).toMatchObject({ changedFields: ['last name', 'current email', 'owner'] });
  });

  it('when a staged change meets a record changed since the plan, then the file’s fields go over the record as it is now', () => {
    const [change] = planImport(input({ rows: rows([['E1', 'Amelia', 'Jones', '', '', '', '', '', '', '']]), stored: new Map([['E1', { projectId: 'p1', localId: 'E1', firstName: 'Amelia', lastName: 'Old', accountType: 'person', delegateLocalIds: [], status: 'not-started', updatedAt: NOW, version: 1 } satisfies StaffMember]]) })).changes;
    if (!change) throw new Error('no change planned');
    const movedOn: StaffMember = { ...change.member, lastName: 'Old', status: 'activated', version: 4 };
    expect(rebase(change, movedOn, NOW)).toMatchObject({ lastName: 'Jones', status: 'activated', version: 5 });
    expect(rebase(change, { ...movedOn, lastName: 'Jones' }, NOW)).toBeUndefined();
    expect(rebase(change, undefined, NOW)).toBeUndefined();
  });
});
