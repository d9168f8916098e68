import { recogniseCommand } from './commandRecogniser';
import type { Recognition } from './intents';
import { ACT_ON_CONFIDENCE, UNKNOWN } from './intents';
import { recogniseNearMiss } from './nearMissRecogniser';

/** One way of understanding a message. Undefined: it has nothing to say about it. */
export type Recogniser = (text: string | undefined) => Recognition | undefined;

/**
 * Asks each recogniser in turn and takes the first that is sure (`ACT_ON_CONFIDENCE` or more); if none is, the most
 * confident guess, which routes ignore and the fallback offers as a suggestion. Exact commands go first, so a typed
 * command is never second-guessed by a model; an offline NLU for staff questions slots in after them.
 */
export function chainRecognisers(recognisers: readonly Recogniser[]): (text: string | undefined) => Recognition {
  return (text) => {
    let best: Recognition | undefined;
    for (const recognise of recognisers) {
      const recognition = recognise(text);
      if (recognition === undefined) continue;
      if (recognition.confidence >= ACT_ON_CONFIDENCE) return recognition;
      if (best === undefined || recognition.confidence > best.confidence) best = recognition;
    }
    return best ?? UNKNOWN;
  };
}

/** What a typed message means: the exact commands, then slips of them. */
export const recognise = chainRecognisers([recogniseCommand, recogniseNearMiss]);
