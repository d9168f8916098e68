import { randomUUID } from 'node:crypto';
import type { RolloutGroup } from '../../../bot/migration/staff/rolloutGroup';
import type { StaffHistoryEntry, StaffMember } from '../../../bot/migration/staff/staffMember';

export const AT = '2026-12-01T10:00:00.000Z';
export const priyaRef = { id: '29:priya', name: 'Priya Shah' };

export function aStaffMember(overrides: Partial<StaffMember> = {}): StaffMember {
  return {
    projectId: `p-${randomUUID()}`,
    localId: `E${randomUUID().slice(0, 8)}`,
    firstName: 'Amelia',
    lastName: 'Jones',
    currentEmail: 'amelia.jones@example-trust.nhs.uk',
    department: 'Radiology',
    jobRole: 'Radiographer',
    mailboxMb: 1200,
    accountType: 'person',
    delegateLocalIds: [],
    status: 'not-started',
    updatedAt: AT,
    version: 1,
    ...overrides,
  };
}

export function aGroup(overrides: Partial<RolloutGroup> = {}): RolloutGroup {
  return { projectId: `p-${randomUUID()}`, groupId: 'pilot', name: 'Pilot', kind: 'pilot', order: 0, updatedAt: AT, version: 1, ...overrides };
}

export function statusLine(from: string, to: string, minute = 0): StaffHistoryEntry {
  return { at: `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`, by: priyaRef, field: 'status', from, to, how: 'one' };
}
