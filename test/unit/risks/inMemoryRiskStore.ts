import { ConcurrentModification } from '../../../bot/migration/projects/conflictRetry';
import type { RiskEntry, RiskHistoryEntry } from '../../../bot/migration/risks/riskEntry';
import { matchesRiskFilter, riskListRank } from '../../../bot/migration/risks/riskOrder';
import type { CreateRiskOutcome, RiskChange, RiskRepository } from '../../../bot/migration/risks/riskRepository';
import { NotFound } from '../../../bot/migration/shared/errors';

interface Stored {
  etag: number;
  entry: RiskEntry;
  history: RiskHistoryEntry[];
}

/**
 * The risks port in memory, with the Cosmos adapter's semantics (copies on
 * every read, ConcurrentModification when the entry was saved between an
 * attempt's read and its write, pages after a rank), checked by the shared
 * contract in riskRepositoryContract.ts.
 */
export class InMemoryRiskStore {
  private readonly docs = new Map<string, Stored>();
  private hook: (() => Promise<void>) | undefined;
  /** Successful saves, to prove a refused change saved nothing. */
  writes = 0;
  /** Queries answered: list, all and history each count one. */
  queries = 0;

  /** Runs `action` once, after the next update attempt has read and decided but before it writes. */
  beforeNextWrite(action: () => Promise<void>): void {
    this.hook = action;
  }

  readonly risks: RiskRepository = {
    get: async (projectId, riskId) => {
      await tick();
      const doc = this.docs.get(key(projectId, riskId));
      return doc ? copy(doc.entry) : undefined;
    },

    create: async (entry, history): Promise<CreateRiskOutcome> => {
      await tick();
      const k = key(entry.projectId, entry.riskId);
      if (this.docs.has(k)) return 'exists';
      this.docs.set(k, { etag: 1, entry: copy(entry), history: copy([...history]) });
      this.writes += 1;
      return 'created';
    },

    tryUpdate: async (projectId, riskId, decide: (current: RiskEntry) => RiskChange | undefined) => {
      await tick();
      const k = key(projectId, riskId);
      const read = this.docs.get(k);
      if (!read) throw new NotFound('risk or issue', riskId);
      const change = decide(copy(read.entry));
      if (!change) return copy(read.entry);
      if (change.entry.projectId !== projectId || change.entry.riskId !== riskId) throw new Error('A risk change may not move the entry');
      const hook = this.hook;
      this.hook = undefined;
      if (hook) await hook();
      await tick();
      if (this.docs.get(k)?.etag !== read.etag) throw new ConcurrentModification('risk');
      this.docs.set(k, { etag: read.etag + 1, entry: copy(change.entry), history: [...read.history, ...copy([...change.history])] });
      this.writes += 1;
      return copy(change.entry);
    },

    list: async (projectId, query) => {
      await tick();
      this.queries += 1;
      const matching = this.sorted(projectId).filter((e) => matchesRiskFilter(e, query.filter) && (query.after === undefined || riskListRank(e) > query.after));
      const entries = matching.slice(0, query.limit);
      const last = entries.at(-1);
      return { entries: copy(entries), ...(matching.length > query.limit && last ? { next: riskListRank(last) } : {}) };
    },

    all: async (projectId) => {
      await tick();
      this.queries += 1;
      return copy(this.sorted(projectId));
    },

    history: async (projectId, riskId) => {
      await tick();
      this.queries += 1;
      return copy(this.docs.get(key(projectId, riskId))?.history ?? []);
    },
  };

  private sorted(projectId: string): RiskEntry[] {
    return [...this.docs.values()]
      .map((d) => d.entry)
      .filter((e) => e.projectId === projectId)
      .sort((a, b) => (riskListRank(a) < riskListRank(b) ? -1 : 1));
  }
}

function key(projectId: string, riskId: string): string {
  return JSON.stringify([projectId, riskId]);
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
