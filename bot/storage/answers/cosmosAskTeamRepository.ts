import type { Container } from '@azure/cosmos';
import type { AskTeamQuestion, AskTeamRepository } from '../../migration/answers/askTeam';
import { ConcurrentModification } from '../../migration/projects/conflictRetry';
import { NotFound } from '../../migration/shared/errors';
import { isPreconditionFailed } from '../cosmosErrors';
import { readDocument } from '../projects/cosmosDocuments';
import { SCHEMA_VERSION } from '../projects/projectDocuments';

/**
 * A question passed to the project team, one document in the project's partition (`ask-team:<id>`). It holds
 * personal data (who asked and their words), so it is its own document: nothing else reads it, and deleting a
 * person's questions is deleting documents.
 */
export interface AskTeamQuestionDocument {
  readonly id: string;
  readonly projectId: string;
  readonly type: 'ask-team-question';
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly question: AskTeamQuestion;
}

const UPDATE_ATTEMPTS = 3;

export function askTeamDocumentId(questionId: string): string {
  return `ask-team:${questionId}`;
}

export class CosmosAskTeamRepository implements AskTeamRepository {
  constructor(private readonly container: Container) {}

  async create(question: AskTeamQuestion): Promise<void> {
    const document: AskTeamQuestionDocument = { id: askTeamDocumentId(question.questionId), projectId: question.projectId, type: 'ask-team-question', schemaVersion: SCHEMA_VERSION, question };
    await this.container.items.create(document);
  }

  async get(projectId: string, questionId: string): Promise<AskTeamQuestion | undefined> {
    return (await readDocument<AskTeamQuestionDocument>(this.container, askTeamDocumentId(questionId), projectId))?.question;
  }

  async update(projectId: string, questionId: string, decide: (current: AskTeamQuestion) => AskTeamQuestion): Promise<AskTeamQuestion> {
    for (let attempt = 1; ; attempt += 1) {
      const document = await readDocument<AskTeamQuestionDocument>(this.container, askTeamDocumentId(questionId), projectId);
      if (!document) throw new NotFound('question', questionId);
      const question = decide(document.question);
      const next: AskTeamQuestionDocument = { id: document.id, projectId, type: 'ask-team-question', schemaVersion: SCHEMA_VERSION, question };
      try {
        await this.container.item(document.id, projectId).replace(next, { accessCondition: { type: 'IfMatch', condition: document._etag } });
        return question;
      } catch (err: unknown) {
        if (!isPreconditionFailed(err)) throw err;
        if (attempt >= UPDATE_ATTEMPTS) throw new ConcurrentModification('question');
      }
    }
  }
}
