import type { RolloutGroup } from '../../../bot/migration/staff/rolloutGroup';
import type { StaffMember } from '../../../bot/migration/staff/staffMember';

export function staffMember(overrides: Partial<StaffMember> = {}): StaffMember {
  return {
    projectId: 'p1',
    localId: 'E100',
    firstName: 'Aisha',
    lastName: 'Khan',
    currentEmail: 'aisha.khan@ysbyty.nhs.uk',
    department: 'Pharmacy',
    accountType: 'person',
    delegateLocalIds: [],
    status: 'not-started',
    updatedAt: '2026-11-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function rolloutGroup(overrides: Partial<RolloutGroup> = {}): RolloutGroup {
  return { projectId: 'p1', groupId: 'pilot', name: 'Pilot', kind: 'pilot', order: 0, cutoverDate: '2027-03-02', updatedAt: '2026-11-01T09:00:00.000Z', version: 1, ...overrides };
}
