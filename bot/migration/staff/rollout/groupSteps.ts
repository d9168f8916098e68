/**
 * The guide's steps for moving one roll-out group (5.2.1 to 5.2.3, and 6.1: "the migration process will follow the
 * same steps as the pilot above, but on a larger scale"), as a checklist per group. Worded in our words, each with
 * the guide section it comes from. Steps that happen once for the whole project are on the pilot's list only.
 */

export type GroupStepSection = '5.2.1' | '5.2.2' | '5.2.3' | '6.1';

export interface GroupStep {
  readonly id: string;
  readonly section: GroupStepSection;
  readonly title: string;
  /** Only the pilot does this (once for the project). */
  readonly pilotOnly?: true;
  /** Only the phases after the pilot do this. */
  readonly phasesOnly?: true;
}

export const GROUP_STEP_SECTIONS: Readonly<Record<GroupStepSection, string>> = {
  '5.2.1': 'Before the move: profiles and data',
  '5.2.2': 'New NHSmail accounts',
  '5.2.3': 'Other accounts and co-existence',
  '6.1': 'Communications',
};

export const GROUP_STEPS: readonly GroupStep[] = [
  { id: 'registration-limits', section: '5.2.1', title: 'Registration limits raised for the whole project, and confirmed by NHS Digital', pilotOnly: true },
  { id: 'profile-policy', section: '5.2.1', title: 'Group policy or script to create new mail client profiles deployed to this group' },
  { id: 'data-migration', section: '5.2.1', title: 'Chosen data migration (archive or .pst files) deployed for this group' },
  { id: 'archive-links', section: '5.2.1', title: 'Mail clients linked to the archive or .pst files (if .pst files are used)' },
  { id: 'profiles-reconfigured', section: '5.2.1', title: "Each person's new mail profile configured with the group policy" },
  { id: 'profiles-customised', section: '5.2.1', title: 'Profiles customised: sharing permissions, rules and so on' },
  { id: 'accounts-extract', section: '5.2.2', title: 'New accounts extract made (existing NHSmail accounts left out; system accounts and shared mailboxes in): export accounts' },
  { id: 'schedule', section: '5.2.2', title: 'Schedule for providing and rolling out this group’s accounts agreed' },
  { id: 'accounts-created', section: '5.2.2', title: 'Accounts created (CSV upload, or activated from Pending with the LA bulk tool if TANSync is used)' },
  { id: 'details-distributed', section: '5.2.2', title: 'Account details and passwords given to people, with how to activate at www.nhs.net first' },
  { id: 'passwords-changed', section: '5.2.2', title: 'Everyone has changed the password the LA gave them' },
  { id: 'shared-mailboxes', section: '5.2.3', title: 'Shared mailboxes and distribution lists this group still needs re-created' },
  { id: 'permissions', section: '5.2.3', title: 'Access to shared mailboxes and calendars set up' },
  { id: 'mobile-access', section: '5.2.3', title: 'Mobile device access configured as needed' },
  { id: 'helpdesk', section: '5.2.3', title: 'Help in place: the local helpdesk or floor walkers' },
  { id: 'auto-forward', section: '5.2.3', title: 'Legacy mail of the people moved auto-forwarded to NHSmail by local IT (check the current NHSmail policy)' },
  { id: 'coexistence-access', section: '5.2.3', title: 'People not yet moved told how to reach NHSmail by web while keeping the old client' },
  { id: 'cutover-plan', section: '5.2.3', title: 'Cutover of the remaining groups planned from the pilot: communications, schedule, helpdesk', pilotOnly: true },
  { id: 'source-forward', section: '5.2.3', title: 'Auto-forward and auto-response put on the source email server', pilotOnly: true },
  { id: 'lessons', section: '6.1', title: 'Lessons from the pilot and earlier phases worked into this group’s plan', phasesOnly: true },
  { id: 'communications', section: '6.1', title: 'Communications to this group before, during and after the move, as in the communication plan' },
];

/** The steps for a group of this kind, in the guide's order. */
export function stepsFor(kind: 'pilot' | 'phase'): readonly GroupStep[] {
  return GROUP_STEPS.filter((step) => (kind === 'pilot' ? step.phasesOnly !== true : step.pilotOnly !== true));
}

export function isGroupStepId(value: unknown): value is string {
  return typeof value === 'string' && GROUP_STEPS.some((s) => s.id === value);
}
