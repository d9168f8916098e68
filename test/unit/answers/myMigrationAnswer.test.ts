import { describe, expect, it } from 'vitest';
import { DEFAULT_FAQ_SETTINGS } from '../../../bot/migration/answers/faq/faqSettings';
import { composeMyMigration, type MyMigrationInput } from '../../../bot/migration/answers/personal/myMigrationAnswer';
import type { ProjectMember } from '../../../bot/migration/projects/project';
import { rolloutGroup, staffMember } from './personalFixtures';

const team: ProjectMember[] = [
  { userId: '29:pm', name: 'Priya Shah', role: 'project-manager' },
  { userId: '29:la', name: 'Dewi Jones', role: 'local-admin' },
  { userId: '29:tm', name: 'Tom Evans', role: 'team-member' },
];

const input = (overrides: Partial<MyMigrationInput> = {}): MyMigrationInput => ({
  member: staffMember(),
  group: rolloutGroup(),
  organisationName: 'Ysbyty Example NHS Trust',
  projectMembers: team,
  settings: DEFAULT_FAQ_SETTINGS,
  focus: 'date',
  today: '2027-02-01',
  ...overrides,
});
const text = (answer: ReturnType<typeof composeMyMigration>): string => [answer.headline, answer.departmentLine ?? '', ...answer.sections.flatMap((s) => s.lines)].join('\n');

describe('a member of staff’s own answer', () => {
  it('when they are in the pilot with a date, then it leads with their date in UK style and their group', () => {
    const answer = composeMyMigration(input());
    expect(answer.headline).toBe('You move to NHSmail on Tue 2 Mar 2027 (in 29 days), with the pilot.');
    expect(answer.sections[0]?.part).toBe('when');
    expect(answer.groupName).toBe('Pilot');
  });

  it('when their group has no date yet, then it says it is not scheduled yet', () => {
    const answer = composeMyMigration(input({ group: rolloutGroup({ groupId: 'phase-2', name: 'Phase 2', kind: 'phase', order: 2, cutoverDate: undefined }) }));
    expect(answer.headline).toBe('You are in Phase 2. Its move to NHSmail is not scheduled yet.');
  });

  it('when they are in no group, then it says their move is not scheduled yet', () => {
    const { group: _g, ...rest } = input();
    expect(composeMyMigration(rest).headline).toBe('You are not in a roll-out group yet, so your move to NHSmail is not scheduled yet.');
  });

  it('when their mailbox is over the quota, then they are told to reduce it, with their own size, before their date', () => {
    const answer = composeMyMigration(input({ member: staffMember({ mailboxMb: 5325 }), focus: 'mailbox' }));
    expect(answer.headline).toContain('Your mailbox is 5.2 GB, over the 4 GB that moves to NHSmail in full: please make it smaller before Tue 2 Mar 2027');
    expect(answer.sections[0]?.part).toBe('before');
  });

  it('when their mailbox is under the quota, then the to-do list does not ask them to reduce it', () => {
    const answer = composeMyMigration(input({ member: staffMember({ mailboxMb: 850 }), focus: 'what-to-do' }));
    const before = answer.sections[0];
    expect(before?.part).toBe('before');
    expect(before?.lines.join(' ')).not.toContain('make it smaller');
    expect(composeMyMigration(input({ member: staffMember({ mailboxMb: 850 }), focus: 'mailbox' })).headline).toContain('850 MB, under the 4 GB limit');
  });

  it('when the quota, attachment limit and co-existence are set differently, then the answer uses the settings', () => {
    const answer = composeMyMigration(input({ member: staffMember({ mailboxMb: 3000 }), settings: { ...DEFAULT_FAQ_SETTINGS, mailboxQuotaGb: 2, attachmentLimitMb: 35, blockedFileTypes: ['.exe', '.bat'] } }));
    const all = text(answer);
    expect(all).toContain('2.9 GB, over the 2 GB');
    expect(all).toContain('attachments up to 35 MB');
    expect(all).toContain('(such as .exe and .bat)');
    expect(all).toContain('For about 12 weeks');
    expect(text(composeMyMigration(input({ settings: { ...DEFAULT_FAQ_SETTINGS, legacyAutoForward: false } })))).toContain('will not be forwarded');
  });

  it('when they need a new account, then they are told to activate it and change the password the LA sends', () => {
    expect(text(composeMyMigration(input()))).toContain('change the password they gave you');
  });

  it('when they already hold an NHSmail account, then they are told they need no new one', () => {
    const all = text(composeMyMigration(input({ member: staffMember({ nhsmailAddress: 'aisha.khan@nhs.net', status: 'not-needed' }) })));
    expect(all).toContain('You already have an NHSmail account (aisha.khan@nhs.net)');
    expect(all).not.toContain('change the password');
  });

  it('when asked, then what happens on the day covers the old mailbox, forwarding for the co-existence weeks and shared calendars', () => {
    const day = composeMyMigration(input()).sections.find((s) => s.part === 'day')?.lines.join(' ') ?? '';
    expect(day).toContain('not in your old mailbox');
    expect(day).toContain('For about 12 weeks after the move');
    expect(day).toContain('Shared mailboxes and calendars');
  });

  it('when the project has a local administrator and a PM, then both are named as whom to ask', () => {
    const contacts = composeMyMigration(input()).sections.find((s) => s.part === 'contacts')?.lines.join(' ') ?? '';
    expect(contacts).toContain('Your local administrator is Dewi Jones');
    expect(contacts).toContain('project manager: Priya Shah');
    expect(contacts).not.toContain('Tom Evans');
  });

  it('when they ask whether their own department is in the pilot, then it answers from their own record', () => {
    expect(composeMyMigration(input({ department: 'pharmacy', focus: 'group' })).departmentLine).toBe('Your record says you work in Pharmacy, and you are in the pilot.');
  });

  it('when they ask about another department, then it tells only their own group, never the other department’s', () => {
    const line = composeMyMigration(input({ department: 'radiology', focus: 'group' })).departmentLine ?? '';
    expect(line).toBe('I can only tell you about your own move, not about a department or other people. For you: you are in the pilot.');
    expect(line.toLowerCase()).not.toContain('radiology');
  });

  it('when their group’s cutover is tomorrow or past, then the sentence says so', () => {
    expect(composeMyMigration(input({ today: '2027-03-01' })).headline).toBe('You move to NHSmail tomorrow, Tue 2 Mar 2027, with the pilot.');
    expect(composeMyMigration(input({ today: '2027-03-05' })).headline).toBe('Your group, the pilot, moved to NHSmail on Tue 2 Mar 2027.');
    expect(composeMyMigration(input({ member: staffMember({ status: 'migrated' }) })).headline).toBe('You moved to NHSmail with the pilot on Tue 2 Mar 2027.');
  });
});
