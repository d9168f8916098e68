import type { OfflineNlu } from '../../bot/recognition/nlu/offlineNlu';
import type { Recognition } from '../../bot/recognition/intents';
import { EVALUATION_SET, matches, type Expected } from './evaluationSet';

export interface Miss {
  readonly text: string;
  readonly expected: Expected;
  readonly got: Recognition | undefined;
}

export interface Evaluation {
  readonly total: number;
  readonly correct: number;
  readonly accuracy: number;
  /** Off-topic questions declined, of those labelled off-topic. */
  readonly offTopicDeclined: number;
  readonly offTopicTotal: number;
  readonly misses: readonly Miss[];
  /** Milliseconds per question, in the set's order. */
  readonly latenciesMs: readonly number[];
}

/** Runs every labelled question through a recogniser and counts what it got right. */
export async function evaluate(recognise: OfflineNlu['recognise'], set = EVALUATION_SET): Promise<Evaluation> {
  const misses: Miss[] = [];
  const latenciesMs: number[] = [];
  let offTopicDeclined = 0;
  let offTopicTotal = 0;
  for (const [text, expected] of set) {
    const started = performance.now();
    const got = await recognise(text);
    latenciesMs.push(performance.now() - started);
    const ok = matches(expected, got);
    if (expected.intent === 'declined') {
      offTopicTotal += 1;
      if (ok) offTopicDeclined += 1;
    }
    if (!ok) misses.push({ text, expected, got });
  }
  const correct = set.length - misses.length;
  return { total: set.length, correct, accuracy: correct / set.length, offTopicDeclined, offTopicTotal, misses, latenciesMs };
}
