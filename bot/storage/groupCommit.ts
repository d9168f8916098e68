/** What one request in a batch came to: its own result, or its own error. */
export type Outcome<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: unknown };

/** Requests to one document beyond this wait for the next batch, so one write stays a bounded size. */
export const MAX_BATCH = 50;

interface Waiting<Q, A> {
  readonly request: Q;
  readonly resolve: (value: A) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for read-modify-write saves, per stored document, within this process.
 *
 * Why: a save reads a document, applies the change and replaces the document
 * under the eTag it read. When twenty people tick twenty items of one gateway
 * at the same moment, twenty reads see the same eTag and nineteen replaces
 * fail with 412; retried, eighteen fail again, and so on, so n people need n
 * rounds and about n²/2 requests, and any retry limit turns the tail into
 * "try again" (before this, 5 to 11 of 20 presses landed). Running the saves
 * of one document one after another removes the race, but makes the last of
 * fifty wait for forty-nine reads and writes in a row, each slowed by the
 * other turns' work on the same event loop (measured: about 3 s for 50).
 * So the saves are grouped instead: one batch of a document runs at a time,
 * and every save that arrives meanwhile joins the next batch, which reads the
 * document once, applies each save's decision in arrival order to the record
 * the previous one left, and writes once. Fifty simultaneous presses cost a
 * handful of reads and writes, and each decision still sees everything decided
 * before it, so a stale card is refused exactly as if the saves had run one
 * by one. Saves of different documents (another gateway, another section,
 * another project) never wait for each other.
 *
 * `commit` answers each request of a batch on its own (one person's stale
 * card does not fail the others). If `commit` throws, every request of the
 * batch gets that error: when the write lost to another instance
 * (ConcurrentModification), every decision in the batch was made on a record
 * that was never saved, so all of them must be retried, and the use case's
 * `retryOnConflict` does that with backoff.
 *
 * Why not give every checklist item its own document, which would keep
 * different items apart even across instances: a signed-off gateway's items
 * are frozen, and that rule is checked in the same write as the item change
 * only because both live in the gateway's document. Split, a sign-off could
 * land between the check and the item save (the store has no transactions),
 * and a gateway's audit log would be spread over many documents.
 */
export class GroupCommit<Q, A> {
  private readonly queues = new Map<string, Waiting<Q, A>[]>();

  constructor(private readonly commit: (partition: string, documentId: string, requests: readonly Q[]) => Promise<readonly Outcome<A>[]>) {}

  /** Documents with saves waiting or being written; zero when idle, so nothing leaks. */
  get busyDocuments(): number {
    return this.queues.size;
  }

  /** Saves `request` in the next batch of its document and answers with its own outcome. */
  submit(partition: string, documentId: string, request: Q): Promise<A> {
    const key = JSON.stringify([partition, documentId]);
    return new Promise<A>((resolve, reject) => {
      const waiting = this.queues.get(key);
      if (waiting) {
        waiting.push({ request, resolve, reject });
        return;
      }
      const queue: Waiting<Q, A>[] = [{ request, resolve, reject }];
      this.queues.set(key, queue);
      void this.drain(key, queue, partition, documentId);
    });
  }

  /** Never rejects: every outcome, including a failed commit, goes to the request it belongs to. */
  private async drain(key: string, queue: Waiting<Q, A>[], partition: string, documentId: string): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      let outcomes: readonly Outcome<A>[];
      try {
        outcomes = await this.commit(partition, documentId, batch.map((w) => w.request));
      } catch (error: unknown) {
        outcomes = batch.map(() => ({ ok: false, error }));
      }
      batch.forEach((waiting, i) => {
        const outcome = outcomes[i] ?? { ok: false, error: new Error('A batched save was not answered') };
        if (outcome.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome.error);
      });
    }
    this.queues.delete(key);
  }
}

/** Runs one request's decision, keeping its error as its own outcome. */
export function decideOne<A>(decide: () => A): Outcome<A> {
  try {
    return { ok: true, value: decide() };
  } catch (error: unknown) {
    return { ok: false, error };
  }
}
