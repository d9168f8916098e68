import type { StageNumber } from '../migration/gateways/catalogueTypes';

/** A typed questionnaire command: the overview, one section (by number or name), the export, or the submission. */
export type QuestionnaireCommand =
  | { readonly kind: 'progress' }
  | { readonly kind: 'section'; readonly section: string }
  | { readonly kind: 'export' }
  | { readonly kind: 'submit' };

type NoEntities = Readonly<Record<string, never>>;

/** A filter word after `risks` (`risks mine`, `risks red`, `risks due`, `risks closed`). */
export type RisksFilterWord = 'mine' | 'red' | 'due' | 'closed';

/** `risks` with an optional filter (a word or a gateway), or `export risks`. */
export type RisksCommand =
  | { readonly kind: 'list'; readonly filter: RisksFilterWord | undefined; readonly stage: StageNumber | undefined }
  | { readonly kind: 'export' };

/** Which part of a member of staff's own answer they asked about. */
export type MigrationQuestionFocus = 'date' | 'group' | 'mailbox' | 'what-to-do';

/** The frequent questions staff ask, each answered from a guide section and the project's settings. */
export { FAQ_TOPICS, type FaqTopic } from '../migration/answers/faq/faqTopics';
import type { FaqTopic } from '../migration/answers/faq/faqTopics';

/** The commands whose gateway number is checked against the six gateways. */
export type StagedIntent = 'gateway' | 'walkthrough' | 'sign-off';

/**
 * Every intent and what it carries. One map, so the recognisers, the route selectors and the fallback agree on the
 * names and the entities' types.
 */
export interface IntentEntities {
  readonly help: NoEntities;
  readonly 'set-up': NoEntities;
  readonly status: NoEntities;
  readonly 'my-actions': NoEntities;
  readonly gateway: { readonly stage: StageNumber | undefined };
  readonly walkthrough: { readonly stage: StageNumber | undefined };
  readonly 'sign-off': { readonly stage: StageNumber | undefined };
  readonly roles: NoEntities;
  readonly milestones: NoEntities;
  /** The project's details after set-up (cutover, numbers, phasing, method). */
  readonly 'project-details': NoEntities;
  readonly questionnaire: QuestionnaireCommand;
  /** `stop` or `cancel`: ends a walkthrough; outside one there is nothing to stop. */
  readonly stop: NoEntities;
  /** Understood, but the number is not a gateway (`gateway 7`): answered with how many there are. */
  readonly 'out-of-range': { readonly command: StagedIntent; readonly asked: number };
  /** `risk: …` / `issue: …`: opens the risk card holding the title ('' when none was typed). */
  readonly risk: { readonly title: string };
  readonly issue: { readonly title: string };
  /** The risks and issues log, listed (optionally filtered) or exported as CSV. */
  readonly risks: RisksCommand;
  /** This week's draft highlight report, for the project team. */
  readonly highlight: NoEntities;
  /** The report for the week before this one. */
  readonly 'highlight-last-week': NoEntities;
  /** `post highlight now` (project manager): this week's report to the reports channel, through the week's claim. */
  readonly 'post-highlight': NoEntities;
  /** `reports here`, typed in a channel (project manager): the weekly report goes there from now on. */
  readonly 'reports-here': NoEntities;
  /** `highlight settings` (project manager): the weekly report's day and time (UK), or back to the usual time. */
  readonly 'highlight-settings': NoEntities;
  /** The roll-out groups (pilot, phases) with their dates and sizes: project team only. */
  readonly groups: NoEntities;
  /** One roll-out group by name or id: its people (`view: 'people'`) or its checklist of the guide's steps. */
  readonly group: { readonly name: string; readonly view: 'people' | 'checklist' };
  /** Shared mailboxes whose owner or delegates are in different roll-out groups, or in none. */
  readonly coexistence: NoEntities;
  /** Registrations against plan, per month (table and chart). */
  readonly registrations: NoEntities;
  /** The account files for the NHSmail Portal, for everyone or one group (`group` as typed). */
  readonly 'export-accounts': { readonly group?: string };
  /** `import staff` (PM, LA): a signed upload link for the staff list (a file can also simply be sent in a personal chat). */
  readonly 'import-staff': NoEntities;
  /** `remove staff <local ID>` (PM, LA): a data protection request; the local ID as typed. */
  readonly 'remove-staff': { readonly localId: string };
  /** `delete project` (PM): a confirmation card naming the project. */
  readonly 'delete-project': NoEntities;
  /**
   * A member of staff asking about their own move, in their own words ("when am I moving to nhsmail", "is pharmacy in
   * the pilot", "my mailbox is too big"). `focus` says which part of their answer to lead with; the answer is always
   * theirs alone. `department` is the work area they named, when they named one.
   */
  readonly 'when-do-i-migrate': { readonly focus: MigrationQuestionFocus; readonly department?: string };
  /** `when does <name or email> migrate`: project members and LAs only; staff are refused. */
  readonly 'colleague-migration': { readonly who: string };
  /** A frequent question answered from the guide and the project's settings. */
  readonly faq: { readonly topic: FaqTopic };
  /** Understood as a question about the migration, but not one Gateway can answer: offered to the project team. */
  readonly 'ask-team': { readonly question: string };
  /** Nothing recognised it. */
  readonly unknown: NoEntities;
}

export type IntentName = keyof IntentEntities;

/**
 * What one message means. `confidence` is 1 for an exact command; a recogniser that guesses (a typo, later an NLU
 * model for staff questions) gives less. Routes act only on `ACT_ON_CONFIDENCE` or more; below it a recognition is a
 * suggestion, which the fallback offers as "did you mean …?".
 */
export type Recognition = {
  readonly [I in IntentName]: { readonly intent: I; readonly entities: IntentEntities[I]; readonly confidence: number };
}[IntentName];

/** The recognition of one intent, with its entities typed. */
export type RecognitionOf<I extends IntentName> = Extract<Recognition, { intent: I }>;

export const ACT_ON_CONFIDENCE = 0.8;

export const UNKNOWN: RecognitionOf<'unknown'> = { intent: 'unknown', entities: {}, confidence: 0 };

/** True when a route should act on it: understood well enough, and not "nothing recognised it". */
export function isRecognised(recognition: Recognition): boolean {
  return recognition.intent !== 'unknown' && recognition.confidence >= ACT_ON_CONFIDENCE;
}
