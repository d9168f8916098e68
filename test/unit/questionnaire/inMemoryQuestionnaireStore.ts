import { ConcurrentModification } from '../../../bot/migration/projects/conflictRetry';
import type { QuestionnaireRecord, QuestionnaireSubmission } from '../../../bot/migration/questionnaire/answerRecord';
import type { QuestionnaireRepository } from '../../../bot/migration/questionnaire/questionnaireRepository';
import { composeRecord, emptyShard, nextShard, type SectionShard } from '../../../bot/storage/questionnaire/questionnaireDocuments';

interface Stored<T> {
  etag: number;
  value: T;
}

/**
 * The questionnaire port in memory, laid out like the Cosmos adapter (one
 * shard per section, submissions apart, an etag on each) so use-case tests
 * see the same collisions: same section collides, different sections never.
 * Each attempt yields between its read and its write, as a round trip would;
 * `beforeNextWrite` forces an exact interleaving.
 */
export class InMemoryQuestionnaireStore implements QuestionnaireRepository {
  private readonly sections = new Map<string, Stored<SectionShard>>();
  private readonly headers = new Map<string, Stored<readonly QuestionnaireSubmission[]>>();
  private hook: (() => Promise<void>) | undefined;
  writes = 0;
  conflicts = 0;

  beforeNextWrite(action: () => Promise<void>): void {
    this.hook = action;
  }

  async get(projectId: string): Promise<QuestionnaireRecord> {
    await tick();
    return this.compose(projectId);
  }

  async trySaveSection(projectId: string, sectionId: string, decide: (current: QuestionnaireRecord) => QuestionnaireRecord | undefined): Promise<QuestionnaireRecord> {
    await tick();
    const key = sectionKey(projectId, sectionId);
    const read = this.sections.get(key);
    const current = this.compose(projectId);
    const next = decide(copy(current));
    if (!next) return current;
    const shard = nextShard(read ? copy(read.value) : emptyShard(sectionId), current, next);
    await this.runHook();
    if (this.sections.get(key)?.etag !== read?.etag) {
      this.conflicts += 1;
      throw new ConcurrentModification('questionnaire section');
    }
    this.sections.set(key, { etag: (read?.etag ?? 0) + 1, value: copy(shard) });
    this.writes += 1;
    return this.compose(projectId);
  }

  async trySubmit(projectId: string, decide: (current: QuestionnaireRecord) => QuestionnaireSubmission | undefined): Promise<QuestionnaireRecord> {
    await tick();
    const read = this.headers.get(projectId);
    const submission = decide(this.compose(projectId));
    if (!submission) return this.compose(projectId);
    await this.runHook();
    if (this.headers.get(projectId)?.etag !== read?.etag) {
      this.conflicts += 1;
      throw new ConcurrentModification('questionnaire submissions');
    }
    this.headers.set(projectId, { etag: (read?.etag ?? 0) + 1, value: copy([...(read?.value ?? []), submission]) });
    this.writes += 1;
    return this.compose(projectId);
  }

  private compose(projectId: string): QuestionnaireRecord {
    const prefix = `${projectId}\n`;
    const shards = [...this.sections.entries()].filter(([key]) => key.startsWith(prefix)).map(([, stored]) => stored.value);
    return copy(composeRecord(shards, this.headers.get(projectId)?.value ?? []));
  }

  private async runHook(): Promise<void> {
    const hook = this.hook;
    this.hook = undefined;
    if (hook) await hook();
    await tick();
  }
}

function sectionKey(projectId: string, sectionId: string): string {
  return `${projectId}\n${sectionId}`;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
