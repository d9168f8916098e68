/**
 * Runs work one at a time per key. teams-ai saves each state scope with the eTag it read, so two overlapping turns in
 * one conversation make the later save fail with 412 and its change is lost; queuing the turns per conversation and
 * per user removes the overlap instead of retrying a turn that has already replied.
 *
 * Keys are taken in sorted order so two turns needing the same pair of keys cannot deadlock.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** How many keys currently have work queued or running; useful to check nothing leaks. */
  get activeKeys(): number {
    return this.tails.size;
  }

  async run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const ordered = [...new Set(keys)].sort();
    return this.runOrdered(ordered, work);
  }

  private async runOrdered<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const [first, ...rest] = keys;
    if (first === undefined) return work();
    const previous = this.tails.get(first) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(first, tail);
    try {
      await previous;
      return await this.runOrdered(rest, work);
    } finally {
      release();
      if (this.tails.get(first) === tail) this.tails.delete(first);
    }
  }
}
