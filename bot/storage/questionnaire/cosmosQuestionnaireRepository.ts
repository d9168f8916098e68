import type { Container } from '@azure/cosmos';
import { ConcurrentModification } from '../../migration/projects/conflictRetry';
import type { QuestionnaireRecord, QuestionnaireSubmission } from '../../migration/questionnaire/answerRecord';
import type { QuestionnaireRepository } from '../../migration/questionnaire/questionnaireRepository';
import { cosmosStatusCode, isPreconditionFailed } from '../cosmosErrors';
import { queryPartition } from '../projects/cosmosDocuments';
import { WriteLanes } from '../writeLanes';
import {
  assertQuestionnaireSchema,
  composeRecord,
  emptyShard,
  nextShard,
  QUESTIONNAIRE_HEADER_ID,
  QUESTIONNAIRE_SCHEMA_VERSION,
  sectionDocumentId,
  shardOf,
  type QuestionnaireDocument,
  type QuestionnaireHeaderDocument,
  type QuestionnaireSectionDocument,
} from './questionnaireDocuments';

type Read<T> = T & { readonly _etag: string };

interface Snapshot {
  readonly record: QuestionnaireRecord;
  readonly sections: ReadonlyMap<string, Read<QuestionnaireSectionDocument>>;
  readonly header: Read<QuestionnaireHeaderDocument> | undefined;
}

/**
 * The questionnaire in Cosmos, in the project's partition: one document per
 * saved section and a header for submissions (see `questionnaireDocuments`).
 *
 * Every read is one single-partition query for all of them (about a dozen
 * small documents); every save is one write, a replace with `IfMatch` on the
 * one document it changes, or a create when that document is new. Saves of
 * one section (or of the submissions) queue in a write lane (see
 * `WriteLanes`), so within a process they never overlap; a 412 or 409 then
 * means another instance saved the same document since the read, which the
 * use case retries against the new version.
 */
export class CosmosQuestionnaireRepository implements QuestionnaireRepository {
  private readonly lanes: WriteLanes;

  constructor(
    private readonly container: Container,
    options: { readonly writeLanes?: WriteLanes } = {},
  ) {
    this.lanes = options.writeLanes ?? new WriteLanes();
  }

  async get(projectId: string): Promise<QuestionnaireRecord> {
    return (await this.read(projectId)).record;
  }

  trySaveSection(projectId: string, sectionId: string, decide: (current: QuestionnaireRecord) => QuestionnaireRecord | undefined): Promise<QuestionnaireRecord> {
    return this.lanes.run(projectId, sectionDocumentId(sectionId), () => this.saveSectionNow(projectId, sectionId, decide));
  }

  trySubmit(projectId: string, decide: (current: QuestionnaireRecord) => QuestionnaireSubmission | undefined): Promise<QuestionnaireRecord> {
    return this.lanes.run(projectId, QUESTIONNAIRE_HEADER_ID, () => this.submitNow(projectId, decide));
  }

  private async saveSectionNow(projectId: string, sectionId: string, decide: (current: QuestionnaireRecord) => QuestionnaireRecord | undefined): Promise<QuestionnaireRecord> {
    const snapshot = await this.read(projectId);
    const next = decide(snapshot.record);
    if (!next) return snapshot.record;
    const existing = snapshot.sections.get(sectionId);
    const shard = nextShard(existing ? shardOf(existing) : emptyShard(sectionId), snapshot.record, next);
    const document: QuestionnaireSectionDocument = {
      id: sectionDocumentId(sectionId),
      projectId,
      type: 'questionnaire-section',
      schemaVersion: QUESTIONNAIRE_SCHEMA_VERSION,
      ...shard,
    };
    await this.write(document, existing?._etag, 'questionnaire section');
    const shards = [...snapshot.sections.values()].filter((d) => d.sectionId !== sectionId).map(shardOf);
    return composeRecord([...shards, shard], snapshot.record.submissions);
  }

  private async submitNow(projectId: string, decide: (current: QuestionnaireRecord) => QuestionnaireSubmission | undefined): Promise<QuestionnaireRecord> {
    const snapshot = await this.read(projectId);
    const submission = decide(snapshot.record);
    if (!submission) return snapshot.record;
    const submissions = [...snapshot.record.submissions, submission];
    const document: QuestionnaireHeaderDocument = {
      id: QUESTIONNAIRE_HEADER_ID,
      projectId,
      type: 'questionnaire-header',
      schemaVersion: QUESTIONNAIRE_SCHEMA_VERSION,
      submissions,
    };
    await this.write(document, snapshot.header?._etag, 'questionnaire submissions');
    return { ...snapshot.record, submissions };
  }

  private async read(projectId: string): Promise<Snapshot> {
    const documents = await queryPartition<Read<QuestionnaireDocument>>(
      this.container,
      projectId,
      '*',
      "c.type = 'questionnaire-section' OR c.type = 'questionnaire-header'",
    );
    const sections = new Map<string, Read<QuestionnaireSectionDocument>>();
    let header: Read<QuestionnaireHeaderDocument> | undefined;
    for (const document of documents) {
      assertQuestionnaireSchema(document);
      if (document.type === 'questionnaire-header') header = document;
      else sections.set(document.sectionId, document);
    }
    const record = composeRecord([...sections.values()].map(shardOf), header?.submissions ?? []);
    return { record, sections, header };
  }

  /**
   * Replace under the etag read, or create when there was nothing; either
   * losing a race is a ConcurrentModification. Protected so a test can land a
   * competing save at exactly this point.
   */
  protected async write(document: QuestionnaireDocument, etag: string | undefined, what: string): Promise<void> {
    try {
      if (etag === undefined) await this.container.items.create(document);
      else await this.container.item(document.id, document.projectId).replace(document, { accessCondition: { type: 'IfMatch', condition: etag } });
    } catch (err: unknown) {
      if (isPreconditionFailed(err) || cosmosStatusCode(err) === 409) throw new ConcurrentModification(what);
      throw err;
    }
  }
}
