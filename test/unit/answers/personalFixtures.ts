import type { RolloutGroup } from '../../../bot/migration/staff/rolloutGroup';
import type { StaffMember } from '../../../bot/migration/staff/staffMember';
import { DEFAULT_FAQ_SETTINGS } from '../../../bot/migration/answers/faq/faqSettings';
import type { MyMigrationInput } from '../../../bot/migration/answers/personal/myMigrationAnswer';

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

/** A label padded to 200 characters: the longest name a card is tested with. */
export const long = (label: string): string => `${label} ${'x'.repeat(200 - label.length - 1)}`;

/** A member of staff's own answer at its largest: every name 200 characters, a mailbox over quota, 60 local administrators. */
export function worstMyMigrationInput(): MyMigrationInput {
  return {
    member: staffMember({ firstName: long('First'), lastName: long('Last'), department: long('Dept'), mailboxMb: 9000 }),
    group: rolloutGroup({ name: long('Group') }),
    organisationName: long('Organisation'),
    projectMembers: Array.from({ length: 60 }, (_v, i) => ({ userId: `29:${i}`, name: long(`LA ${i}`), role: 'local-admin' as const })),
    settings: DEFAULT_FAQ_SETTINGS,
    focus: 'group',
    department: long('Asked'),
    today: '2027-02-01',
  };
}
