import type { FaqTopic } from './faqTopics';
import type { ProjectMember } from '../../projects/project';
import type { FaqSettings } from './faqSettings';

/** The guide section an answer rests on, so a reader can check it (and see how old it is). */
export interface GuideSection {
  readonly number: string;
  readonly title: string;
}

/** One frequent question's answer: a heading, a few short paragraphs in plain words, and where it comes from. */
export interface FaqAnswer {
  readonly topic: FaqTopic;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly guideSection: GuideSection;
  /** Set when a fact in it is a setting that may have changed since the guide: the reader is told to check. */
  readonly checkWithTeam: boolean;
}

/** What the project adds to the guide's answer: its name and local administrators, when it is known. */
export interface FaqProjectFacts {
  readonly organisationName: string;
  readonly localAdministrators: readonly Pick<ProjectMember, 'name'>[];
}

const SECTIONS = {
  initiation: { number: '3', title: 'Initiation stage' },
  planning: { number: '4.1', title: 'Initial project planning' },
  technicalTests: { number: '4.2', title: 'Technical tests' },
  prePilot: { number: '5.2.1', title: 'Pre-pilot activities' },
  userRollOut: { number: '5.2.2', title: 'New NHSmail accounts – user roll-out' },
  coexistence: { number: '5.2.3', title: 'Other accounts and co-existence period' },
} as const satisfies Record<string, GuideSection>;

/** The local administrators as the answer names them, or undefined when the project has none yet. */
function adminNames(project: FaqProjectFacts | undefined): string | undefined {
  const names = (project?.localAdministrators ?? []).map((m) => m.name.trim()).filter((n) => n !== '');
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The answer to a frequent question, from the guide and the settings (and the project, where it is known). Pure: the
 * same question with the same settings always reads the same, so the tests can hold every answer to its section.
 */
export function answerFaq(topic: FaqTopic, settings: FaqSettings, project?: FaqProjectFacts): FaqAnswer {
  const admins = adminNames(project);
  const yourLa = admins === undefined ? 'your local administrator' : `your local administrator (${admins})`;
  switch (topic) {
    case 'attachments':
      return {
        topic,
        heading: 'Attachments: size limit and blocked file types',
        paragraphs: [
          `NHSmail accepts attachments up to ${settings.attachmentLimitMb} MB. For anything bigger, use ${settings.largeFileService} instead of email.`,
          `Some file types are blocked, including ${settings.blockedFileTypes.join(' and ')} files. The full list is on the NHSmail support site; before you move, check any files you send often.`,
        ],
        guideSection: SECTIONS.initiation,
        checkWithTeam: true,
      };
    case 'mailbox-quota':
      return {
        topic,
        heading: 'How big your NHSmail mailbox can be',
        paragraphs: [
          `An NHSmail mailbox holds ${settings.mailboxQuotaGb} GB. If your mailbox is bigger than that, not everything will move across, so please reduce it before your move: delete what you no longer need and archive the rest.`,
          `If you still need more, a larger mailbox can be bought; the project team can ask for one (${settings.supplierContactEmail}).`,
        ],
        guideSection: SECTIONS.initiation,
        checkWithTeam: true,
      };
    case 'old-email':
      return {
        topic,
        heading: 'Getting at your old email',
        paragraphs: [
          'Your email, calendar and contacts can come with you. Depending on what your project team chose, this is done for you, or you copy them across yourself in Outlook with both accounts open, or your old mail is saved to an archive (.pst) file that Outlook opens beside NHSmail.',
          'Your project team will tell you which applies to you before your move.',
        ],
        guideSection: SECTIONS.initiation,
        checkWithTeam: false,
      };
    case 'shared-mailboxes':
      return {
        topic,
        heading: 'Shared mailboxes and calendars',
        paragraphs: [
          'Shared mailboxes are set up again on NHSmail, and access is given to the people who need it.',
          'While some people have moved and others have not, you cannot share calendars between NHSmail and the old email system, so people who share a mailbox or calendar are usually moved together.',
        ],
        guideSection: SECTIONS.coexistence,
        checkWithTeam: false,
      };
    case 'mobile-devices':
      return {
        topic,
        heading: 'NHSmail on your phone or tablet',
        paragraphs: [
          'NHSmail works on smartphones and tablets through Microsoft Exchange ActiveSync. After your move, add your NHSmail account to the phone’s mail app (or Outlook for mobile); your old account on the phone will stop getting new email.',
          'If you handle sensitive data, your phone or tablet must be encrypted and follow your organisation’s mobile device policy.',
        ],
        guideSection: SECTIONS.planning,
        checkWithTeam: false,
      };
    case 'outlook-versions':
      return {
        topic,
        heading: 'Which Outlook you need, and webmail',
        paragraphs: [
          `NHSmail supports ${settings.oldestSupportedOutlook} and newer. If your computer has something older, ask your IT service desk before your move.`,
          `You can also use NHSmail in a web browser, with no Outlook at all, at ${settings.webmailAddress}.`,
        ],
        guideSection: SECTIONS.technicalTests,
        checkWithTeam: true,
      };
    case 'forwarding': {
      const weeks = settings.coexistenceWeeks;
      const legacy =
        settings.legacyAutoForward && weeks > 0
          ? `For about ${weeks} weeks after the move, email sent to your old address is forwarded to NHSmail, and senders get an automatic reply with your new address. After that it stops, so tell your contacts and update any subscriptions.`
          : 'Email sent to your old address is not forwarded to NHSmail, so tell your contacts your new address and update any subscriptions before your move.';
      const outward = settings.forwardingOutOfNhsmailAllowed
        ? 'Check with your local administrator before forwarding NHSmail anywhere else.'
        : 'You must not set NHSmail to forward automatically to a personal address (such as Gmail or Hotmail).';
      return { topic, heading: 'Forwarding', paragraphs: [legacy, outward], guideSection: SECTIONS.coexistence, checkWithTeam: true };
    }
    case 'account-activation':
      return {
        topic,
        heading: 'Activating your NHSmail account',
        paragraphs: [
          `${yourLa[0]?.toUpperCase() ?? ''}${yourLa.slice(1)} sends you your username and a password. Sign in first at ${settings.webmailAddress}, before you try Outlook: accept the acceptable use policy, set your security questions, and change the password.`,
          'If your account shows as pending or you have not had your details, ask your local administrator.',
        ],
        guideSection: SECTIONS.userRollOut,
        checkWithTeam: false,
      };
    case 'local-administrator':
      return {
        topic,
        heading: 'Your local administrator',
        paragraphs: [
          admins === undefined
            ? project === undefined
              ? 'I do not know which migration project you are on, so I cannot name your local administrator. Ask your IT service desk or your project team.'
              : `No local administrator has been named on the ${project.organisationName} migration project yet. Ask the project team, who can give someone that role.`
            : `For ${project?.organisationName ?? 'your organisation'}, your local administrator${(project?.localAdministrators.length ?? 0) > 1 ? 's are' : ' is'} ${admins}.`,
          'Local administrators create and unlock NHSmail accounts, reset passwords and look after your organisation’s NHSmail.',
        ],
        guideSection: SECTIONS.planning,
        checkWithTeam: false,
      };
  }
}

/** The project facts an answer uses, from the project record: its local administrators are its members in that role. */
export function faqFactsOf(project: { readonly organisationName: string; readonly members: readonly ProjectMember[] }): FaqProjectFacts {
  return {
    organisationName: project.organisationName,
    localAdministrators: project.members.filter((m) => m.role === 'local-admin').map((m) => ({ name: m.name })),
  };
}
