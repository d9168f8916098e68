import { TurnQueue } from '../turnQueue';

/**
 * One read-modify-write at a time per stored document, within this process.
 *
 * Why: a save reads a document, applies the change and replaces the document
 * under the eTag it read. When twenty people tick twenty items of one gateway
 * at the same moment, twenty reads see the same eTag and nineteen replaces
 * fail with 412; retried, eighteen fail again, and so on, so n people need n
 * rounds and about n²/2 requests, and any retry limit turns the tail into
 * "try again" (before these lanes, 5 to 11 of 20 presses landed). Queuing the
 * saves of one document removes the race instead of retrying it: each save
 * reads what the one before it wrote, so each lands first time with one read
 * and one write, and the fiftieth waits for forty-nine short saves, not for
 * forty-nine rounds of failures. Saves of different documents (another
 * gateway, another questionnaire section, another project) never wait for
 * each other.
 *
 * The lanes are per process. A save from another instance can still land
 * between a read and a write; the eTag check catches it and the use case
 * retries with jittered backoff (`retryOnConflict`).
 *
 * Why not give every checklist item its own document, which would make
 * different items never collide even across instances: a signed-off
 * gateway's items are frozen, and that rule is checked in the same write as
 * the item change only because both live in the gateway's document. Split,
 * a sign-off could land between the check and the item save (the store has
 * no transactions), and a gateway's audit log would be spread over many
 * documents. Queuing keeps one document, one atomic write, and the same
 * stale-edit refusal, at the cost of a few milliseconds of waiting per
 * earlier save in the queue.
 *
 * It is the turn queue's one-at-a-time-per-key mechanism, keyed by document.
 */
export class WriteLanes {
  private readonly queue = new TurnQueue();

  /** How many documents have a save queued or running; zero when idle, so nothing leaks. */
  get busyDocuments(): number {
    return this.queue.activeKeys;
  }

  /** Runs `save` once every earlier save of the same document (partition and id) in this process has finished. */
  run<T>(partition: string, documentId: string, save: () => Promise<T>): Promise<T> {
    return this.queue.run([JSON.stringify([partition, documentId])], save);
  }
}
