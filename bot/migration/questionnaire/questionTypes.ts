import type { IsoDate } from '../shared/ukDates';

/**
 * Shapes of the discovery question set.
 *
 * Why data and not code: NHS Digital's questionnaire is not public, so ours is
 * derived from the guide and each organisation may edit it to match the copy
 * the pipeline team sends them. Question and section ids are stable because
 * stored answers refer to them: never rename one, retire it and add another.
 */

/** Where an answer overlaps the project set-up or should become checklist notes and risks. */
export const QUESTION_FEEDS = [
  'organisationName',
  'odsCode',
  'approximateUsers',
  'newAccounts',
  'migrationMethod',
  'phasing',
  'cutover',
  'registrationsPerMonth',
  'applications',
] as const;
export type QuestionFeed = (typeof QUESTION_FEEDS)[number];

export interface Choice {
  /** Stable; stored in answers. No commas, as multi-choice inputs arrive comma-separated. */
  readonly id: string;
  readonly label: string;
}

/** Makes a question required only when an earlier answer says it applies (e.g. "Which applications?" after "yes"). */
export interface RequiredWhen {
  readonly questionId: string;
  /** A yes-no answer (true/false) or a choice id. */
  readonly equals: boolean | string;
}

interface QuestionBase {
  /** Stable, kebab-case, unique across the whole set. */
  readonly id: string;
  readonly sectionId: string;
  /** The question as people read it. */
  readonly text: string;
  /** Guide facts and examples that help people answer. */
  readonly help?: string;
  /** Must be answered before the questionnaire can be submitted. */
  readonly required: boolean;
  /** Required only when this condition holds; `required` must then be false. */
  readonly requiredWhen?: RequiredWhen;
  readonly feeds?: QuestionFeed;
}

export interface NumberQuestion extends QuestionBase {
  readonly type: 'number';
  readonly min?: number;
  readonly max?: number;
}

export interface DateQuestion extends QuestionBase {
  readonly type: 'date';
  readonly min?: IsoDate;
  readonly max?: IsoDate;
}

export interface ChoiceQuestion extends QuestionBase {
  readonly type: 'choice' | 'multi-choice';
  readonly choices: readonly Choice[];
}

export interface TextQuestion extends QuestionBase {
  readonly type: 'text';
  readonly maxLength?: number;
}

export interface PlainQuestion extends QuestionBase {
  readonly type: 'yes-no' | 'email' | 'application-list' | 'monthly-registrations';
}

export type Question = NumberQuestion | DateQuestion | ChoiceQuestion | TextQuestion | PlainQuestion;

/** Each question type has an answer type of the same name (checked where answers are built). */
export type QuestionType = Question['type'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A question as written inside its section, before the section stamps its id on it. */
export type QuestionDraft = DistributiveOmit<Question, 'sectionId'>;

export interface QuestionSection {
  /** Stable, kebab-case. */
  readonly id: string;
  readonly title: string;
  /** The guide sections it is derived from, e.g. '3'. */
  readonly guideSections: readonly string[];
  readonly questions: readonly Question[];
}

export interface QuestionSet {
  /** Goes up whenever questions are added, removed or change type; stored with every answer. */
  readonly version: number;
  /** Where the questions come from, shown with the questionnaire. */
  readonly notice: string;
  readonly sections: readonly QuestionSection[];
}
