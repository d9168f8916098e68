import type { Container } from '@azure/cosmos';
import { ConcurrentModification } from '../../migration/projects/conflictRetry';
import type { QuestionnaireRecord, QuestionnaireSubmission } from '../../migration/questionnaire/answerRecord';
import type { QuestionnaireRepository } from '../../migration/questionnaire/questionnaireRepository';
import { cosmosStatusCode, isPreconditionFailed } from '../cosmosErrors';
import { decideOne, GroupCommit, type Outcome } from '../groupCommit';
import { queryPartition } from '../projects/cosmosDocuments';
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
type Submit = (current: QuestionnaireRecord) => QuestionnaireSubmission | undefined;

interface SectionSave {
  readonly sectionId: string;
  readonly decide: (current: QuestionnaireRecord) => QuestionnaireRecord | undefined;
}

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
 * one section made at the same time are grouped (see `GroupCommit`): one
 * read, each decision in turn, one write; so are submissions. A 412 or 409
 * then means another instance saved the same document since the read, which
 * the use case retries against the new version.
 */
export class CosmosQuestionnaireRepository implements QuestionnaireRepository {
  private readonly sectionSaves = new GroupCommit<SectionSave, QuestionnaireRecord>((projectId, _id, saves) => this.commitSection(projectId, saves));
  private readonly submissions = new GroupCommit<Submit, QuestionnaireRecord>((projectId, _id, submits) => this.commitSubmissions(projectId, submits));

  constructor(private readonly container: Container) {}

  async get(projectId: string): Promise<QuestionnaireRecord> {
    return (await this.read(projectId)).record;
  }

  trySaveSection(projectId: string, sectionId: string, decide: (current: QuestionnaireRecord) => QuestionnaireRecord | undefined): Promise<QuestionnaireRecord> {
    return this.sectionSaves.submit(projectId, sectionDocumentId(sectionId), { sectionId, decide });
  }

  trySubmit(projectId: string, decide: Submit): Promise<QuestionnaireRecord> {
    return this.submissions.submit(projectId, QUESTIONNAIRE_HEADER_ID, decide);
  }

  /** One read, every waiting save of the section on the record the one before it left, one write of its document. */
  private async commitSection(projectId: string, saves: readonly SectionSave[]): Promise<readonly Outcome<QuestionnaireRecord>[]> {
    const sectionId = saves[0]!.sectionId;
    const snapshot = await this.read(projectId);
    const existing = snapshot.sections.get(sectionId);
    const others = [...snapshot.sections.values()].filter((d) => d.sectionId !== sectionId).map(shardOf);
    const read = existing ? shardOf(existing) : emptyShard(sectionId);
    let shard = read;
    let current = snapshot.record;
    const outcomes = saves.map(({ decide }) =>
      decideOne(() => {
        const next = decide(current);
        if (!next) return current;
        shard = nextShard(shard, current, next);
        current = composeRecord([...others, shard], snapshot.record.submissions);
        return current;
      }),
    );
    if (shard === read) return outcomes;
    const document: QuestionnaireSectionDocument = {
      id: sectionDocumentId(sectionId),
      projectId,
      type: 'questionnaire-section',
      schemaVersion: QUESTIONNAIRE_SCHEMA_VERSION,
      ...shard,
    };
    await this.write(document, existing?._etag, 'questionnaire section');
    return outcomes;
  }

  private async commitSubmissions(projectId: string, submits: readonly Submit[]): Promise<readonly Outcome<QuestionnaireRecord>[]> {
    const snapshot = await this.read(projectId);
    let current = snapshot.record;
    const outcomes = submits.map((decide) =>
      decideOne(() => {
        const submission = decide(current);
        if (!submission) return current;
        current = { ...current, submissions: [...current.submissions, submission] };
        return current;
      }),
    );
    if (current === snapshot.record) return outcomes;
    const document: QuestionnaireHeaderDocument = {
      id: QUESTIONNAIRE_HEADER_ID,
      projectId,
      type: 'questionnaire-header',
      schemaVersion: QUESTIONNAIRE_SCHEMA_VERSION,
      submissions: current.submissions,
    };
    await this.write(document, snapshot.header?._etag, 'questionnaire submissions');
    return outcomes;
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
