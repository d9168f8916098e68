import type { IsoTimestamp, PersonRef } from '../gateways/gatewayState';
import type { IsoDate } from '../shared/ukDates';
import type { TypedAnswer } from './answerTypes';
import type { Question } from './questionTypes';

/**
 * A project's questionnaire answers, as stored.
 *
 * Why versions at three levels: the storage document carries an etag for the
 * whole record, so a save that lost a race is re-read and re-applied; the
 * per-question version decides whether that re-apply is still honest (only
 * the same question changed by someone else is a conflict); the per-section
 * version lets a card tell cheaply that its section has moved on. Answers are
 * never deleted when the question set changes: they become "retired".
 */

export interface StoredAnswer {
  readonly questionId: string;
  /** The question as worded when it was answered, so a retired answer still makes sense. */
  readonly questionText: string;
  readonly value: TypedAnswer;
  readonly answeredBy: PersonRef;
  readonly answeredAt: IsoTimestamp;
  readonly questionSetVersion: number;
}

export interface QuestionnaireSubmission {
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
  /** The day in London, for the gateway milestone. */
  readonly date: IsoDate;
  readonly questionSetVersion: number;
  /** The record's revision when submitted, to tell whether anything changed since. */
  readonly revision: number;
}

export interface QuestionnaireRecord {
  /** Keyed by question id. */
  readonly answers: Readonly<Record<string, StoredAnswer>>;
  /** Goes up with every change to a question's answer, clearing included; never goes down. */
  readonly questionVersions: Readonly<Record<string, number>>;
  /** Goes up whenever any answer in the section changes. */
  readonly sectionVersions: Readonly<Record<string, number>>;
  /** Answers displaced because their question changed type in a newer set: kept for the record. */
  readonly displaced: readonly StoredAnswer[];
  readonly submissions: readonly QuestionnaireSubmission[];
  /** Goes up once for every save that changed something. */
  readonly revision: number;
}

export function emptyQuestionnaire(): QuestionnaireRecord {
  return { answers: {}, questionVersions: {}, sectionVersions: {}, displaced: [], submissions: [], revision: 0 };
}

/** The stored answer to `question`, if there is one of the question's current type. */
export function liveAnswer(record: QuestionnaireRecord, question: Question): StoredAnswer | undefined {
  const stored = Object.hasOwn(record.answers, question.id) ? record.answers[question.id] : undefined;
  return stored?.value.type === question.type ? stored : undefined;
}

export function questionVersion(record: QuestionnaireRecord, questionId: string): number {
  return Object.hasOwn(record.questionVersions, questionId) ? (record.questionVersions[questionId] ?? 0) : 0;
}

export function sectionVersion(record: QuestionnaireRecord, sectionId: string): number {
  return Object.hasOwn(record.sectionVersions, sectionId) ? (record.sectionVersions[sectionId] ?? 0) : 0;
}
