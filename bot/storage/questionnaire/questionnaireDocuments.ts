import type { QuestionnaireRecord, QuestionnaireSubmission, StoredAnswer } from '../../migration/questionnaire/answerRecord';

/**
 * How a project's questionnaire is laid out in the `projects` container
 * (partition `<projectId>`), and the pure functions that split a
 * `QuestionnaireRecord` into those documents and put it back together.
 *
 * - one `questionnaire-section` document per section that has ever been saved
 *   (`questionnaire-section-<sectionId>`), holding the answers last saved
 *   through that section with their per-question versions, the section
 *   versions it raised, answers it displaced and its own revision count;
 * - one small `questionnaire-header` document (`questionnaire`) holding the
 *   submissions.
 *
 * Why split this way: a save writes exactly one document, so it is atomic
 * without transactions (nothing half-saved); saves to different sections
 * write different documents and never collide; two saves to one section
 * collide on its etag and the loser re-reads and re-applies. A submission
 * only touches the header.
 *
 * Reading merges the documents by version, not by where they live: for each
 * question the entry with the highest version wins, including an entry with
 * no answer (a clearing). So a question moved to another section by a newer
 * question set is simply written to its new section's document, and the old
 * entry, now lower, is ignored. The record's revision is the sum of the
 * documents' revisions: it goes up by one with every saving write, which is
 * all `changedSinceSubmission` needs.
 */

export const QUESTIONNAIRE_SCHEMA_VERSION = 1;
export const QUESTIONNAIRE_HEADER_ID = 'questionnaire';

export function sectionDocumentId(sectionId: string): string {
  return `questionnaire-section-${sectionId}`;
}

/** What one section document holds besides its envelope. */
export interface SectionShard {
  readonly sectionId: string;
  readonly answers: Readonly<Record<string, StoredAnswer>>;
  readonly questionVersions: Readonly<Record<string, number>>;
  readonly sectionVersions: Readonly<Record<string, number>>;
  readonly displaced: readonly StoredAnswer[];
  /** Saving writes of this document. */
  readonly revision: number;
}

interface Envelope {
  readonly id: string;
  readonly projectId: string;
  readonly schemaVersion: typeof QUESTIONNAIRE_SCHEMA_VERSION;
}

export interface QuestionnaireSectionDocument extends Envelope, SectionShard {
  readonly type: 'questionnaire-section';
}

export interface QuestionnaireHeaderDocument extends Envelope {
  readonly type: 'questionnaire-header';
  readonly submissions: readonly QuestionnaireSubmission[];
}

export type QuestionnaireDocument = QuestionnaireSectionDocument | QuestionnaireHeaderDocument;

export function emptyShard(sectionId: string): SectionShard {
  return { sectionId, answers: {}, questionVersions: {}, sectionVersions: {}, displaced: [], revision: 0 };
}

/** The record the domain works on, from every section shard and the submissions. */
export function composeRecord(shards: readonly SectionShard[], submissions: readonly QuestionnaireSubmission[]): QuestionnaireRecord {
  const ordered = [...shards].sort((a, b) => compare(a.sectionId, b.sectionId));
  const best = new Map<string, { version: number; answer: StoredAnswer | undefined }>();
  const sectionVersions: Record<string, number> = {};
  const displaced: StoredAnswer[] = [];
  let revision = 0;
  for (const shard of ordered) {
    const ids = new Set([...Object.keys(shard.questionVersions), ...Object.keys(shard.answers)]);
    for (const id of ids) {
      const version = own(shard.questionVersions, id) ?? 0;
      const seen = best.get(id);
      if (!seen || version > seen.version) best.set(id, { version, answer: own(shard.answers, id) });
    }
    for (const [sectionId, version] of Object.entries(shard.sectionVersions)) {
      sectionVersions[sectionId] = Math.max(sectionVersions[sectionId] ?? 0, version);
    }
    displaced.push(...shard.displaced);
    revision += shard.revision;
  }
  const answers: Record<string, StoredAnswer> = {};
  const questionVersions: Record<string, number> = {};
  for (const [id, { version, answer }] of [...best.entries()].sort(([a], [b]) => compare(a, b))) {
    if (version > 0) questionVersions[id] = version;
    if (answer) answers[id] = answer;
  }
  displaced.sort((a, b) => compare(a.answeredAt, b.answeredAt) || compare(a.questionId, b.questionId));
  return { answers, questionVersions, sectionVersions, displaced, submissions: [...submissions], revision };
}

/**
 * The section document after a save: every question whose version went up
 * from `current` to `next` is written here (answer or clearing), with the
 * section versions that rose and the answers newly displaced. Throws when
 * `next` is not a save of `current` (a changed answer with no new version,
 * lost displaced answers, or changed submissions): that would be a bug, and
 * storing it would lose data.
 */
export function nextShard(existing: SectionShard, current: QuestionnaireRecord, next: QuestionnaireRecord): SectionShard {
  if (JSON.stringify(next.submissions) !== JSON.stringify(current.submissions)) throw new Error('A section save may not change submissions');
  if (next.displaced.length < current.displaced.length) throw new Error('A section save may not drop displaced answers');

  const answers: Record<string, StoredAnswer> = { ...existing.answers };
  const questionVersions: Record<string, number> = { ...existing.questionVersions };
  const ids = new Set([...Object.keys(current.answers), ...Object.keys(next.answers), ...Object.keys(current.questionVersions), ...Object.keys(next.questionVersions)]);
  for (const id of ids) {
    const before = own(current.questionVersions, id) ?? 0;
    const after = own(next.questionVersions, id) ?? 0;
    if (after > before) {
      questionVersions[id] = after;
      const answer = own(next.answers, id);
      if (answer) answers[id] = answer;
      else delete answers[id];
    } else if (after < before || JSON.stringify(own(current.answers, id)) !== JSON.stringify(own(next.answers, id))) {
      throw new Error(`Question ${id} changed without a new version`);
    }
  }

  const sectionVersions: Record<string, number> = { ...existing.sectionVersions };
  for (const [sectionId, version] of Object.entries(next.sectionVersions)) {
    if (version > (own(current.sectionVersions, sectionId) ?? 0)) sectionVersions[sectionId] = version;
  }
  return {
    sectionId: existing.sectionId,
    answers,
    questionVersions,
    sectionVersions,
    displaced: [...existing.displaced, ...next.displaced.slice(current.displaced.length)],
    revision: existing.revision + 1,
  };
}

export function shardOf(document: QuestionnaireSectionDocument): SectionShard {
  const { sectionId, answers, questionVersions, sectionVersions, displaced, revision } = document;
  return { sectionId, answers, questionVersions, sectionVersions, displaced, revision };
}

export function assertQuestionnaireSchema(document: { readonly schemaVersion?: unknown; readonly id?: unknown }): void {
  if (document.schemaVersion !== QUESTIONNAIRE_SCHEMA_VERSION) {
    throw new Error(`Questionnaire document ${String(document.id)} has schema version ${String(document.schemaVersion)}, expected ${QUESTIONNAIRE_SCHEMA_VERSION}`);
  }
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
