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
  /**
   * Reserved for the next issues (the weekly highlight, staff asking when they move). No recogniser produces them yet
   * and no route answers them: they are here so those issues add a phrase table and a route, not a new shape.
   */
  readonly highlight: NoEntities;
  /** The report for the week before this one. */
  readonly 'highlight-last-week': NoEntities;
  /** `post highlight now` (project manager): this week's report to the reports channel, through the week's claim. */
  readonly 'post-highlight': NoEntities;
  /** `reports here`, typed in a channel (project manager): the weekly report goes there from now on. */
  readonly 'reports-here': NoEntities;
  readonly 'when-do-i-migrate': NoEntities;
  /** Nothing recognised it. */
  readonly unknown: NoEntities;
}

export type IntentName = keyof IntentEntities;

export const RESERVED_INTENTS = ['highlight', 'when-do-i-migrate'] as const satisfies readonly IntentName[];

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
