import type { TypedAnswer } from './answerTypes';
import { parseApplicationList } from './applicationListInput';
import {
  asText,
  characterCount,
  formatLongDate,
  formatWholeNumber,
  isBlank,
  normaliseText,
  parseDate,
  parseEmail,
  parseWholeNumber,
  parseYesNo,
} from './inputParsers';
import type { ChoiceQuestion, DateQuestion, NumberQuestion, Question, TextQuestion } from './questionTypes';
import { parseRegistrationPlan } from './registrationPlanInput';

/**
 * Checks one raw answer against its question.
 *
 * Why three outcomes: an empty input is not an error but a decision (see
 * `validateSection`), and every error message says what a good answer looks
 * like, because it is shown next to the field on the card.
 */

/** Longest free-text answer when a question does not set its own limit. */
export const TEXT_MAX_LENGTH = 2000;

export type AnswerCheck =
  | { readonly outcome: 'answer'; readonly answer: TypedAnswer }
  | { readonly outcome: 'blank' }
  | { readonly outcome: 'invalid'; readonly message: string };

export function validateAnswer(question: Question, raw: unknown): AnswerCheck {
  if (raw === undefined || isBlank(raw)) return { outcome: 'blank' };
  switch (question.type) {
    case 'number':
      return checkNumber(question, raw);
    case 'yes-no': {
      const value = parseYesNo(raw);
      return value === undefined ? invalid('Choose yes or no.') : answer({ type: 'yes-no', value });
    }
    case 'choice':
      return checkChoice(question, raw);
    case 'multi-choice':
      return checkMultiChoice(question, raw);
    case 'date':
      return checkDate(question, raw);
    case 'text':
      return checkText(question, raw);
    case 'email': {
      const value = parseEmail(raw);
      return value === undefined ? invalid('Enter a real email address, like name@nhs.net.') : answer({ type: 'email', value });
    }
    case 'application-list': {
      const result = parseApplicationList(raw);
      if (!result.ok) return invalid(result.message);
      return result.value.length === 0 ? { outcome: 'blank' } : answer({ type: 'application-list', value: result.value });
    }
    case 'monthly-registrations': {
      const result = parseRegistrationPlan(raw);
      if (!result.ok) return invalid(result.message);
      return result.value.length === 0 ? { outcome: 'blank' } : answer({ type: 'monthly-registrations', value: result.value });
    }
  }
}

function answer(value: TypedAnswer): AnswerCheck {
  return { outcome: 'answer', answer: value };
}

function invalid(message: string): AnswerCheck {
  return { outcome: 'invalid', message };
}

function checkNumber(question: NumberQuestion, raw: unknown): AnswerCheck {
  const min = question.min ?? 0;
  const value = parseWholeNumber(raw);
  if (value === undefined || value < min || (question.max !== undefined && value > question.max)) {
    return invalid(
      question.max === undefined
        ? `Enter a whole number of ${formatWholeNumber(min)} or more.`
        : `Enter a whole number between ${formatWholeNumber(min)} and ${formatWholeNumber(question.max)}.`,
    );
  }
  return answer({ type: 'number', value });
}

function checkDate(question: DateQuestion, raw: unknown): AnswerCheck {
  const value = parseDate(raw);
  const { min, max } = question;
  const outside = value !== undefined && ((min !== undefined && value < min) || (max !== undefined && value > max));
  if (value !== undefined && !outside) return answer({ type: 'date', value });
  if (min !== undefined && max !== undefined) return invalid(`Enter a date between ${formatLongDate(min)} and ${formatLongDate(max)}, like 25/11/2026.`);
  if (min !== undefined) return invalid(`Enter a date on or after ${formatLongDate(min)}, like 25/11/2026.`);
  if (max !== undefined) return invalid(`Enter a date on or before ${formatLongDate(max)}, like 25/11/2026.`);
  return invalid('Enter a real date, like 25/11/2026.');
}

function checkText(question: TextQuestion, raw: unknown): AnswerCheck {
  const text = asText(raw);
  if (text === undefined) return invalid('Enter your answer as text.');
  const value = normaliseText(text);
  const limit = question.maxLength ?? TEXT_MAX_LENGTH;
  const length = characterCount(value);
  if (length > limit) return invalid(`Keep this to ${formatWholeNumber(limit)} characters or fewer (you have ${formatWholeNumber(length)}).`);
  return answer({ type: 'text', value });
}

/** A choice by id (what cards send) or by label (what people type), ignoring case. */
function matchChoice(question: ChoiceQuestion, raw: unknown): string | undefined {
  const text = asText(raw)?.toLowerCase();
  if (text === undefined) return undefined;
  return question.choices.find((c) => c.id.toLowerCase() === text || c.label.toLowerCase() === text)?.id;
}

function choiceList(question: ChoiceQuestion): string {
  return question.choices.map((c) => c.label).join(', ');
}

function checkChoice(question: ChoiceQuestion, raw: unknown): AnswerCheck {
  const value = matchChoice(question, raw);
  return value === undefined ? invalid(`Choose one of: ${choiceList(question)}.`) : answer({ type: 'choice', value });
}

/** Multi-select inputs arrive as "a,b,c"; dialogs may send a list. Stored in the question's own order, once each. */
function checkMultiChoice(question: ChoiceQuestion, raw: unknown): AnswerCheck {
  const parts: readonly unknown[] = Array.isArray(raw) ? (raw as readonly unknown[]) : typeof raw === 'string' ? raw.split(',') : [raw];
  const picked = new Set<string>();
  for (const part of parts) {
    if (typeof part === 'string' && part.trim() === '') continue;
    const id = matchChoice(question, part);
    if (id === undefined) return invalid(`Choose one or more of: ${choiceList(question)}.`);
    picked.add(id);
  }
  if (picked.size === 0) return { outcome: 'blank' };
  return answer({ type: 'multi-choice', value: question.choices.filter((c) => picked.has(c.id)).map((c) => c.id) });
}
