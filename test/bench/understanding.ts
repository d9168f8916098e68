import type { RunningGateway } from '../../bot/runtime';
import { sharedOfflineNlu, trainOfflineNlu } from '../../bot/recognition/nlu/offlineNlu';
import { evaluate, type Evaluation } from '../nlu/evaluate';
import { EVALUATION_SET } from '../nlu/evaluationSet';
import { closedLoop, messageTarget, summarise, type LoadResult } from './load';

export interface UnderstandingFigures {
  readonly trainMs: number;
  readonly heapMb: number;
  readonly evaluation: Evaluation;
  readonly recogniser: LoadResult;
  /** Whole turns over HTTP: a frequent question in, its answer card out. */
  readonly answers: LoadResult;
}

/**
 * Intent accuracy on the labelled evaluation set, the offline recogniser's own latency, and the answer latency of a
 * frequent question as a whole turn (8 people at once, each in their own chat), plus what training costs.
 */
export async function measureUnderstanding(gateway: RunningGateway, serviceUrl: string, turns = 200): Promise<UnderstandingFigures> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  await trainOfflineNlu();
  const trainMs = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  const nlu = await sharedOfflineNlu();
  await evaluate((text) => nlu.recognise(text));
  const evaluation = await evaluate((text) => nlu.recognise(text));
  const recogniser = summarise(evaluation.latenciesMs, 0, evaluation.latenciesMs.reduce((a, b) => a + b, 0) / 1000);

  const questions = EVALUATION_SET.filter(([, expected]) => expected.intent === 'faq').map(([text]) => text);
  const target = messageTarget('faq', gateway.url, serviceUrl, (i) => questions[i % questions.length]!);
  await closedLoop(target, 40, 8);
  const answers = await closedLoop(target, turns, 8);
  return { trainMs, heapMb, evaluation, recogniser, answers };
}

export function printUnderstanding(figures: UnderstandingFigures): void {
  const { evaluation: e } = figures;
  console.log(
    `\nUnderstanding staff questions (offline NLP.js): ${e.correct} of ${e.total} labelled questions right, intent accuracy ${(e.accuracy * 100).toFixed(1)}% (goal >= 95%); ` +
      `off-topic declined ${e.offTopicDeclined} of ${e.offTopicTotal}`,
  );
  for (const miss of e.misses) console.log(`  missed: "${miss.text}" (expected ${miss.expected.intent}, got ${miss.got?.intent ?? 'declined'})`);
  console.log(`recogniser alone: p50 ${figures.recogniser.p50Ms.toFixed(2)} ms, p99 ${figures.recogniser.p99Ms.toFixed(2)} ms per question; training ${figures.trainMs.toFixed(0)} ms, about ${figures.heapMb.toFixed(1)} MB of heap`);
  console.log(
    `answer latency, a frequent question as a whole turn (${figures.answers.turns} turns, 8 people at once): p50 ${figures.answers.p50Ms.toFixed(1)} ms, p99 ${figures.answers.p99Ms.toFixed(1)} ms, ${figures.answers.turnsPerSecond.toFixed(0)} turns/s, ${figures.answers.failures} failures`,
  );
}
