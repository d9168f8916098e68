import type { IsoTimestamp, PersonRef } from '../gateways/gatewayState';
import { InvalidState, NotFound } from '../shared/errors';
import { answerFingerprint } from './answerFingerprint';
import { liveAnswer, questionVersion, sectionVersion, type QuestionnaireRecord, type StoredAnswer } from './answerRecord';
import type { TypedAnswer } from './answerTypes';
import { findQuestion, getSection } from './questionLookup';
import type { Question, QuestionSet } from './questionTypes';
import { StaleAnswers, type AnswerConflict } from './staleAnswers';

/**
 * Saving a section's answers.
 *
 * How concurrent edits work:
 * 1. When a section card is drawn, `editBaseFor` records, for each question,
 *    its version and the fingerprint of the answer shown. The card carries it.
 * 2. On save, each submitted answer is compared with that base:
 *    - equal to what is stored now: nothing to do;
 *    - equal to what the person was shown: they left it alone, so a newer
 *      answer from someone else is kept;
 *    - otherwise they changed it: if the question's version has moved on
 *      since, someone else changed it too, and the whole save is refused with
 *      {@link StaleAnswers} (nothing is half-saved).
 * 3. The caller writes the record with the storage etag. If another save won
 *    the race, it re-reads and calls `applyAnswers` again with the same input
 *    and base: changes to different questions then both land, and only a real
 *    clash on one question is refused.
 * Without a base, every question counts as "shown unanswered": nothing
 * stored is ever overwritten blind.
 */

/** What the person saw of one question. */
export interface SeenAnswer {
  readonly version: number;
  readonly fingerprint: string;
}

/** Keyed by question id. */
export type EditBase = Readonly<Record<string, SeenAnswer>>;

/** Answers to save and questions to clear, as `validateSection` returns them. */
export interface AnswersToApply {
  readonly valid: Readonly<Record<string, TypedAnswer>>;
  readonly cleared?: readonly string[];
}

export interface AnswerChange {
  readonly questionId: string;
  readonly sectionId: string;
  /** null when there was no answer (or it is being cleared). */
  readonly before: TypedAnswer | null;
  readonly after: TypedAnswer | null;
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
}

export interface AppliedAnswers {
  readonly record: QuestionnaireRecord;
  /** Empty when nothing changed; the record is then returned as it was. */
  readonly changes: readonly AnswerChange[];
}

/** The base to put on a section card: each question's version and the fingerprint of its current answer. */
export function editBaseFor(set: QuestionSet, record: QuestionnaireRecord, sectionId: string): EditBase {
  const base: Record<string, SeenAnswer> = {};
  for (const question of getSection(set, sectionId).questions) {
    base[question.id] = { version: questionVersion(record, question.id), fingerprint: answerFingerprint(liveAnswer(record, question)?.value) };
  }
  return base;
}

/** An edit base read back from card data, which has been through the client: anything malformed is dropped. */
export function parseEditBase(raw: unknown): EditBase {
  const base: Record<string, SeenAnswer> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return base;
  for (const [questionId, seen] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof seen !== 'object' || seen === null) continue;
    const { version, fingerprint } = seen as { version?: unknown; fingerprint?: unknown };
    if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 0 && typeof fingerprint === 'string' && fingerprint.length <= 32) {
      base[questionId] = { version, fingerprint };
    }
  }
  return base;
}

const UNSEEN: SeenAnswer = { version: 0, fingerprint: '' };

interface PlannedChange {
  readonly question: Question;
  readonly before: StoredAnswer | undefined;
  /** The answer stored under this id with an older type, displaced by this change. */
  readonly displaced: StoredAnswer | undefined;
  readonly after: TypedAnswer | undefined;
}

/**
 * Applies validated answers. Throws NotFound for a question not in the set,
 * InvalidState for an answer of the wrong type, and {@link StaleAnswers}
 * when a changed answer was changed by someone else first.
 */
export function applyAnswers(
  set: QuestionSet,
  record: QuestionnaireRecord,
  input: AnswersToApply,
  by: PersonRef,
  at: IsoTimestamp,
  base: EditBase = {},
): AppliedAnswers {
  const submitted: [string, TypedAnswer | undefined][] = [...Object.entries(input.valid), ...(input.cleared ?? []).map((id): [string, undefined] => [id, undefined])];
  if (new Set(submitted.map(([id]) => id)).size !== submitted.length) {
    throw new InvalidState('The same question was both answered and cleared, so nothing was saved.');
  }
  const planned: PlannedChange[] = [];
  const conflicts: AnswerConflict[] = [];

  for (const [questionId, next] of submitted) {
    const question = findQuestion(set, questionId);
    if (!question) throw new NotFound('question', questionId, 'The questionnaire may have changed: open the section again.');
    if (next && next.type !== question.type) throw new InvalidState('That answer does not fit the question, so nothing was saved.');

    const current = liveAnswer(record, question);
    const nextPrint = answerFingerprint(next);
    if (nextPrint === answerFingerprint(current?.value)) continue;
    const seen = Object.hasOwn(base, questionId) ? (base[questionId] ?? UNSEEN) : UNSEEN;
    if (nextPrint === seen.fingerprint) continue;

    const actualVersion = questionVersion(record, questionId);
    if (seen.version !== actualVersion) {
      conflicts.push({
        questionId,
        questionText: question.text,
        expectedVersion: seen.version,
        actualVersion,
        ...(current ? { changedBy: current.answeredBy } : {}),
      });
      continue;
    }
    const stored = Object.hasOwn(record.answers, questionId) ? record.answers[questionId] : undefined;
    planned.push({ question, before: current, displaced: stored !== current ? stored : undefined, after: next });
  }

  if (conflicts.length > 0) throw new StaleAnswers(conflicts);
  if (planned.length === 0) return { record, changes: [] };
  return { record: withChanges(set, record, planned, by, at), changes: planned.map((p) => toChange(p, by, at)) };
}

function withChanges(set: QuestionSet, record: QuestionnaireRecord, planned: readonly PlannedChange[], by: PersonRef, at: IsoTimestamp): QuestionnaireRecord {
  const answers: Record<string, StoredAnswer> = { ...record.answers };
  const questionVersions: Record<string, number> = { ...record.questionVersions };
  const sectionVersions: Record<string, number> = { ...record.sectionVersions };
  const displaced: StoredAnswer[] = [...record.displaced];
  const sections = new Set<string>();

  for (const { question, displaced: old, after } of planned) {
    if (old) displaced.push(old);
    if (after) {
      answers[question.id] = { questionId: question.id, questionText: question.text, value: after, answeredBy: by, answeredAt: at, questionSetVersion: set.version };
    } else {
      delete answers[question.id];
    }
    questionVersions[question.id] = questionVersion(record, question.id) + 1;
    sections.add(question.sectionId);
  }
  for (const sectionId of sections) sectionVersions[sectionId] = sectionVersion(record, sectionId) + 1;

  return { ...record, answers, questionVersions, sectionVersions, displaced, revision: record.revision + 1 };
}

function toChange(planned: PlannedChange, by: PersonRef, at: IsoTimestamp): AnswerChange {
  return {
    questionId: planned.question.id,
    sectionId: planned.question.sectionId,
    before: planned.before?.value ?? null,
    after: planned.after ?? null,
    by,
    at,
  };
}
