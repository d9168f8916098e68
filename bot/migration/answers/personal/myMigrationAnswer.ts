import type { FaqSettings } from '../faq/faqSettings';
import type { ProjectMember } from '../../projects/project';
import type { RolloutGroup } from '../../staff/rolloutGroup';
import { holdsNhsmailAccount, fullName, type StaffMember } from '../../staff/staffMember';
import { daysBetween, formatUkDate, type IsoDate } from '../../shared/ukDates';

/**
 * A member of staff's own answer to "when do I migrate?", composed from their record, their group, their project's
 * people and the settings that may have changed since the guide (quota, attachment limit, co-existence). Pure, so
 * every wording is tested without Teams.
 *
 * Why it never names another person's group or date: staff must only ever learn their own record. A question about
 * a department ("is pharmacy in the pilot?") is answered in terms of the asker's own record alone.
 */

/** Which part of their answer they asked about (the recogniser's `focus`), so it leads. */
export type AnswerFocus = 'date' | 'group' | 'mailbox' | 'what-to-do';

export type AnswerPart = 'when' | 'before' | 'day' | 'contacts';

export interface AnswerSection {
  readonly part: AnswerPart;
  readonly title: string;
  readonly lines: readonly string[];
}

export interface MyMigrationAnswer {
  readonly name: string;
  readonly organisation: string;
  /** One sentence answering what they asked, first on the card. */
  readonly headline: string;
  /** Present when they named a department. */
  readonly departmentLine?: string;
  readonly groupName?: string;
  readonly cutoverDate?: IsoDate;
  /** In the order that answers their question first. */
  readonly sections: readonly AnswerSection[];
}

/** The facts that may have changed since the guide: the frequent answers' settings, so both say the same. */
export type AnswerSettings = Pick<FaqSettings, 'mailboxQuotaGb' | 'attachmentLimitMb' | 'coexistenceWeeks' | 'legacyAutoForward' | 'blockedFileTypes' | 'webmailAddress' | 'largeFileService'>;

export interface MyMigrationInput {
  readonly member: StaffMember;
  /** Their group, if they are in one (and it still exists). */
  readonly group?: RolloutGroup;
  readonly organisationName: string;
  readonly projectMembers: readonly ProjectMember[];
  readonly settings: AnswerSettings;
  readonly focus: AnswerFocus;
  readonly department?: string;
  readonly today: IsoDate;
}

const PART_ORDER: Readonly<Record<AnswerFocus, readonly AnswerPart[]>> = {
  date: ['when', 'before', 'day', 'contacts'],
  group: ['when', 'before', 'day', 'contacts'],
  mailbox: ['before', 'when', 'day', 'contacts'],
  'what-to-do': ['before', 'day', 'when', 'contacts'],
};

export function composeMyMigration(input: MyMigrationInput): MyMigrationAnswer {
  const { member, group } = input;
  const cutover = group?.cutoverDate;
  const parts: Record<AnswerPart, AnswerSection> = {
    when: { part: 'when', title: 'When you move', lines: whenLines(input) },
    before: { part: 'before', title: 'What to do before you move', lines: beforeLines(input) },
    day: { part: 'day', title: 'On the day and after', lines: dayLines(input) },
    contacts: { part: 'contacts', title: 'Who to ask', lines: contactLines(input) },
  };
  const departmentLine = input.department === undefined ? undefined : departmentAnswer(input.department, member, group);
  return {
    name: fullName(member),
    organisation: input.organisationName,
    headline: headlineFor(input),
    ...(departmentLine === undefined ? {} : { departmentLine }),
    ...(group === undefined ? {} : { groupName: group.name }),
    ...(cutover === undefined ? {} : { cutoverDate: cutover }),
    sections: PART_ORDER[input.focus].map((part) => parts[part]),
  };
}

/** "with the Pilot" / "in Phase 2": the group as it reads in a sentence. */
function groupPhrase(group: RolloutGroup): string {
  return group.kind === 'pilot' && /^pilot$/i.test(group.name.trim()) ? 'the pilot' : group.name;
}

function whenSentence(input: MyMigrationInput): string {
  const { member, group, today } = input;
  if (member.status === 'migrated') return group?.cutoverDate !== undefined ? `You moved to NHSmail with ${groupPhrase(group)} on ${formatUkDate(group.cutoverDate)}.` : 'You have moved to NHSmail.';
  if (group === undefined) return 'You are not in a roll-out group yet, so your move to NHSmail is not scheduled yet.';
  if (group.cutoverDate === undefined) return `You are in ${groupPhrase(group)}. Its move to NHSmail is not scheduled yet.`;
  const days = daysBetween(today, group.cutoverDate);
  const date = formatUkDate(group.cutoverDate);
  if (days > 1) return `You move to NHSmail on ${date} (in ${days} days), with ${groupPhrase(group)}.`;
  if (days === 1) return `You move to NHSmail tomorrow, ${date}, with ${groupPhrase(group)}.`;
  if (days === 0) return `You move to NHSmail today, ${date}, with ${groupPhrase(group)}.`;
  return `Your group, ${groupPhrase(group)}, moved to NHSmail on ${date}.`;
}

function headlineFor(input: MyMigrationInput): string {
  if (input.focus === 'mailbox') return mailboxSentence(input);
  if (input.focus === 'what-to-do') {
    const todo = beforeLines(input).length;
    return `${whenSentence(input)} Here ${todo === 1 ? 'is the one thing' : `are the ${todo} things`} to do before you move.`;
  }
  return whenSentence(input);
}

function whenLines(input: MyMigrationInput): readonly string[] {
  const lines = [whenSentence(input)];
  const status = statusSentence(input.member);
  if (status !== undefined) lines.push(status);
  return lines;
}

function statusSentence(member: StaffMember): string | undefined {
  switch (member.status) {
    case 'account-requested':
      return 'Your new NHSmail account has been requested.';
    case 'created':
      return 'Your new NHSmail account has been created and is waiting to be activated.';
    case 'activated':
      return 'Your NHSmail account is activated.';
    case 'not-needed':
      return 'You already have an NHSmail account, so you do not need a new one.';
    case 'not-started':
    case 'migrated':
      return undefined;
  }
}

/** A size as people read it: "850 MB", "5.2 GB". */
export function formatMailboxSize(mb: number): string {
  return mb < 1024 ? `${Math.round(mb)} MB` : `${(Math.round((mb / 1024) * 10) / 10).toFixed(1)} GB`;
}

function mailboxSentence(input: MyMigrationInput): string {
  const quota = input.settings.mailboxQuotaGb;
  const mb = input.member.mailboxMb;
  const by = input.group?.cutoverDate === undefined ? 'before you move' : `before ${formatUkDate(input.group.cutoverDate)}`;
  if (mb === undefined) return `Keep your mailbox under ${quota} GB so all of it moves to NHSmail. I don't have your mailbox's size: your local administrator can check it.`;
  if (mb > quota * 1024) {
    return `Your mailbox is ${formatMailboxSize(mb)}, over the ${quota} GB that moves to NHSmail in full: please make it smaller ${by}, by archiving or deleting old email, or ask your local administrator about a larger mailbox.`;
  }
  return `Your mailbox is ${formatMailboxSize(mb)}, under the ${quota} GB limit, so all of it moves to NHSmail: there is nothing to do about its size.`;
}

function beforeLines(input: MyMigrationInput): readonly string[] {
  const { member, settings } = input;
  const lines: string[] = [];
  if (member.status === 'migrated') return ['Nothing: you have already moved.'];
  if (member.mailboxMb === undefined || member.mailboxMb > settings.mailboxQuotaGb * 1024) lines.push(mailboxSentence(input));
  lines.push(
    `Check your attachments: NHSmail accepts attachments up to ${settings.attachmentLimitMb} MB and blocks some file types${settings.blockedFileTypes.length === 0 ? '' : ` (such as ${settings.blockedFileTypes.join(' and ')})`}. Send larger files with ${settings.largeFileService}, or keep them on a shared drive.`,
  );
  if (holdsNhsmailAccount(member)) {
    lines.push(`You already have an NHSmail account${member.nhsmailAddress === undefined ? '' : ` (${member.nhsmailAddress})`}: keep using it. You do not need a new one.`);
  } else if (member.status === 'activated') {
    lines.push('Your NHSmail account is activated: there is nothing more to do for it.');
  } else {
    lines.push(
      `When your local administrator sends your new NHSmail account details, log in at ${input.settings.webmailAddress} first (before Outlook), accept the Acceptable Use Policy, set up your security questions, and change the password they gave you.`,
    );
  }
  return lines;
}

function dayLines(input: MyMigrationInput): readonly string[] {
  const weeks = input.settings.legacyAutoForward ? input.settings.coexistenceWeeks : 0;
  const lines = ['On the day, your email, calendar and contacts move to NHSmail. From then on, use NHSmail: new email arrives there, not in your old mailbox.'];
  lines.push(
    weeks > 0
      ? `For about ${weeks} weeks after the move, email sent to your old address is forwarded to NHSmail. After that your old address stops working, so give people your new address and update any subscriptions.`
      : 'Email sent to your old address will not be forwarded to NHSmail: give people your new address before you move.',
  );
  lines.push(
    'Shared mailboxes and calendars you use are set up again in NHSmail, with their permissions. Until colleagues you share a calendar with have moved too, you will not be able to see each other’s calendars.',
  );
  return lines;
}

function contactLines(input: MyMigrationInput): readonly string[] {
  const names = (role: ProjectMember['role']): string[] => input.projectMembers.filter((m) => m.role === role).map((m) => m.name.trim()).filter((n) => n !== '');
  const admins = names('local-admin');
  const managers = names('project-manager');
  const lines: string[] = [];
  lines.push(
    admins.length > 0
      ? `Your local ${admins.length === 1 ? 'administrator is' : 'administrators are'} ${listOf(admins)}: ask them about your account, your password or your mailbox.`
      : 'Your local administrator (IT) can help with your account, your password or your mailbox.',
  );
  lines.push(
    managers.length > 0
      ? `${input.organisationName}'s migration project team (project manager: ${listOf(managers)}) can answer anything else about the move.`
      : `${input.organisationName}'s migration project team can answer anything else about the move.`,
  );
  return lines;
}

function departmentAnswer(asked: string, member: StaffMember, group: RolloutGroup | undefined): string {
  const where = group === undefined ? 'you are not in a roll-out group yet' : `you are in ${groupPhrase(group)}`;
  const own = member.department;
  if (own !== undefined && sameWorkArea(asked, own)) return `Your record says you work in ${own}, and ${where}.`;
  return `I can only tell you about your own move, not about a department or other people. For you: ${where}.`;
}

function sameWorkArea(asked: string, own: string): boolean {
  const a = asked.trim().toLowerCase();
  const b = own.trim().toLowerCase();
  return a !== '' && b !== '' && (a === b || b.includes(a) || a.includes(b));
}

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
