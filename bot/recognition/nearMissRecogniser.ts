import { recogniseCommand } from './commandRecogniser';
import { editDistance } from './editDistance';
import type { Recognition } from './intents';
import { normaliseText } from './normaliseText';

/** The command words a slip is measured against; a trailing gateway or section number is kept as typed. */
const COMMAND_WORDS = [
  'help',
  'status',
  'my actions',
  'roles',
  'milestones',
  'set up project',
  'project details',
  'gateway',
  'walk me through gateway',
  'sign off gateway',
  'questionnaire',
  'export questionnaire',
  'submit questionnaire',
  'risks',
  'risks mine',
  'risks closed',
  'risks gateway',
  'export risks',
  'add risk',
  'add issue',
  'groups',
  'registrations',
  'coexistence',
  'export accounts',
] as const;

/** At most this (below `ACT_ON_CONFIDENCE`): a near miss is only ever a suggestion. */
export const NEAR_MISS_CONFIDENCE = 0.5;

const TRAILING_NUMBER = /^(.*?) ?\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/;

/** How many slips a phrase of this length may have: one in a short word, up to three in a long phrase. */
function allowedSlips(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 4)));
}

/**
 * A message a slip or two away from a command (`gatway 1`, `stauts`, `sign of gateway 2`): the command it was
 * probably meant to be, with a confidence of at most `NEAR_MISS_CONFIDENCE`, so no route acts on it and the fallback asks
 * "did you mean …?" instead. Only the command words are compared, so free text stays unknown.
 */
export function recogniseNearMiss(text: string | undefined): Recognition | undefined {
  const normalised = normaliseText(text);
  const split = TRAILING_NUMBER.exec(normalised);
  const words = split ? (split[1] ?? '') : normalised;
  const number = split?.[2];
  if (words === '') return undefined;

  let best: { readonly words: string; readonly distance: number } | undefined;
  for (const candidate of COMMAND_WORDS) {
    // The distance is at least the difference in length, so a long sentence is never measured against a short command.
    if (Math.abs(words.length - candidate.length) > allowedSlips(candidate.length)) continue;
    const distance = editDistance(words, candidate);
    if (distance > 0 && distance <= allowedSlips(candidate.length) && (best === undefined || distance < best.distance)) best = { words: candidate, distance };
  }
  if (best === undefined) return undefined;
  const corrected = recogniseCommand(number === undefined ? best.words : `${best.words} ${number}`);
  if (corrected === undefined || corrected.intent === 'out-of-range') return undefined;
  const closeness = 1 - best.distance / Math.max(words.length, best.words.length);
  return { ...corrected, confidence: NEAR_MISS_CONFIDENCE * closeness };
}
