import { z } from 'zod';
import { FAQ_TOPICS, type Recognition } from '../intents';
import { MAX_QUESTION_LENGTH } from '../nlu/offlineNlu';
import { findDepartment } from '../nlu/departments';
import { normaliseText } from '../normaliseText';

/**
 * How sure Gateway treats a valid answer from the language model: enough to act on (`ACT_ON_CONFIDENCE` is 0.8), so
 * the offline model is not asked as well. The model's own idea of its certainty is not asked for: it is not
 * calibrated, and one more field is one more thing to validate.
 */
export const MODEL_CONFIDENCE = 0.9;

/** Longest name or department Gateway takes from the model; anything longer is not a name. */
const MAX_ENTITY_LENGTH = 100;

const entityText = z.string().trim().min(1).max(MAX_ENTITY_LENGTH);

/**
 * What the model must answer, as JSON. The model's answer is untrusted input (it read the person's words, and the
 * person may have written instructions for it): anything that does not match exactly one of these is declined.
 * Unknown extra fields are dropped, not trusted.
 */
const modelAnswerSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('when-do-i-migrate'),
    focus: z.enum(['date', 'group', 'mailbox', 'what-to-do']),
    department: entityText.nullish(),
  }),
  z.object({ intent: z.literal('colleague-migration'), who: entityText }),
  z.object({ intent: z.literal('faq'), topic: z.enum(FAQ_TOPICS) }),
  z.object({ intent: z.literal('ask-team') }),
  z.object({ intent: z.literal('none') }),
]);

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

/**
 * The model's reply turned into a recognition, or undefined (declined) when it is not valid JSON, not one of the
 * answers above, says "none", or names a person or work area the message does not contain. Only the classification
 * is taken from the model: the question passed to the team is the person's own words, and a name must be in what
 * they typed, so a model cannot put words in anyone's mouth.
 */
export function recognitionFromModel(reply: string, typed: string): Recognition | undefined {
  const answer = parseAnswer(reply);
  if (answer === undefined) return undefined;
  switch (answer.intent) {
    case 'none':
      return undefined;
    case 'ask-team':
      return { intent: 'ask-team', entities: { question: typed.slice(0, MAX_QUESTION_LENGTH) }, confidence: MODEL_CONFIDENCE };
    case 'faq':
      return { intent: 'faq', entities: { topic: answer.topic }, confidence: MODEL_CONFIDENCE };
    case 'colleague-migration': {
      const who = foundIn(typed, answer.who);
      return who === undefined ? undefined : { intent: 'colleague-migration', entities: { who }, confidence: MODEL_CONFIDENCE };
    }
    case 'when-do-i-migrate': {
      const department = departmentOf(typed, answer.department ?? undefined);
      if (department === null) return undefined;
      return {
        intent: 'when-do-i-migrate',
        entities: { focus: answer.focus, ...(department === undefined ? {} : { department }) },
        confidence: MODEL_CONFIDENCE,
      };
    }
  }
}

function parseAnswer(reply: string): ModelAnswer | undefined {
  let json: unknown;
  try {
    json = JSON.parse(reply);
  } catch {
    return undefined;
  }
  const parsed = modelAnswerSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The work area as the offline path names it ("a&e" and "casualty" are both `emergency department`), so the staff
 * answer matches it the same way whichever recogniser understood the question; a work area the list of spellings
 * does not know is taken as the model gave it, but only when the message contains it. `null`: the model named a
 * work area the message does not mention.
 */
function departmentOf(typed: string, fromModel: string | undefined): string | undefined | null {
  const known = findDepartment(normaliseText(typed))?.name;
  if (known !== undefined) return known;
  if (fromModel === undefined) return undefined;
  return foundIn(typed, fromModel)?.toLowerCase() ?? null;
}

/** The entity as the person typed it, when the message contains it (ignoring case, curly quotes and spacing). */
function foundIn(typed: string, entity: string): string | undefined {
  const flatten = (s: string) => s.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
  const haystack = flatten(typed);
  const needle = flatten(entity);
  const at = haystack.indexOf(needle);
  if (needle === '' || at < 0) return undefined;
  return typed.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().slice(at, at + needle.length);
}
