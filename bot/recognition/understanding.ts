import { recogniseCommand } from './commandRecogniser';
import type { Recognition } from './intents';
import { ACT_ON_CONFIDENCE, UNKNOWN } from './intents';
import { recogniseNearMiss } from './nearMissRecogniser';

/** A recogniser that may need to wait: a trained model, or a language model over HTTP. */
export type AsyncRecogniser = (text: string | undefined) => Promise<Recognition | undefined>;

/** What a typed message means, worked out once per turn (`registerRecognition` awaits it before any route). */
export type Understanding = (text: string | undefined) => Promise<Recognition>;

export interface UnderstandingParts {
  /** Questions in free words, offline (the NLP.js model): always there. */
  readonly offline: AsyncRecogniser;
  /**
   * An optional language model tried before the offline model. Whatever it does (nothing configured, too slow,
   * failing, unsure), the offline model answers instead, so a question is never lost to it.
   */
  readonly model?: AsyncRecogniser;
}

/**
 * Exact commands first, so a typed command is never second-guessed by a model; then the language model when there is
 * one, then the offline model; when none is sure, the most confident guess of those and of the near-miss check
 * ("did you mean gateway 1?"), which the routes ignore and the fallback offers as a suggestion.
 */
export function understandWith(parts: UnderstandingParts): Understanding {
  return async (text) => {
    const command = recogniseCommand(text);
    if (command !== undefined && command.confidence >= ACT_ON_CONFIDENCE) return command;
    const guesses: Recognition[] = command === undefined ? [] : [command];
    for (const recognise of parts.model === undefined ? [parts.offline] : [parts.model, parts.offline]) {
      const recognition = await recognise(text);
      if (recognition === undefined) continue;
      if (recognition.confidence >= ACT_ON_CONFIDENCE) return recognition;
      guesses.push(recognition);
    }
    const slip = recogniseNearMiss(text);
    if (slip !== undefined) guesses.push(slip);
    return guesses.reduce<Recognition>((best, guess) => (guess.confidence > best.confidence ? guess : best), UNKNOWN);
  };
}
