import type { TypedAnswer } from '../bot/migration/questionnaire/answerTypes';
import { answerAsInput, APPLICATION_LINE_HINT, REGISTRATION_LINE_HINT } from '../bot/migration/questionnaire/questionnaireCardValues';
import type { Question } from '../bot/migration/questionnaire/questionTypes';
import { TEXT_MAX_LENGTH } from '../bot/migration/questionnaire/validateAnswer';
import { isIsoDate } from '../bot/migration/shared/ukDates';

/**
 * The Adaptive Card input for one question, chosen by its type.
 *
 * Why yes/no is a pair of radio buttons and not an `Input.Toggle`: a toggle
 * always sends a value, so an untouched toggle would answer "No" to every
 * unanswered question on each save, and could never be cleared. Radio
 * buttons can stay empty, which is what "not answered yet" needs.
 *
 * Why a typed builder rather than template `$when` branches: each type has
 * optional properties (a maximum, a value) that a template would leave as an
 * unbound `${…}` when absent; here they are simply left out.
 */

export type CardElement = Record<string, unknown>;

/** What the field shows: the person's own typing when it is being shown back, else the stored answer. */
export type FieldValue = { readonly kind: 'typed'; readonly raw: unknown } | { readonly kind: 'stored'; readonly answer: TypedAnswer } | { readonly kind: 'empty' };

/** Choices above this many show as a drop-down rather than radio buttons. */
const EXPANDED_CHOICE_LIMIT = 4;

const EMAIL_PATTERN = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$";

export function questionInput(question: Question, shown: FieldValue): CardElement {
  const label = question.required ? `${question.text} (required)` : question.text;
  const base: CardElement = { id: question.id, label };
  const value = shownValue(shown);
  switch (question.type) {
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
      return {
        type: 'Input.Number',
        ...base,
        min: question.min ?? 0,
        ...(question.max !== undefined ? { max: question.max } : {}),
        ...(number !== undefined ? { value: number } : {}),
        errorMessage: 'Enter a whole number.',
      };
    }
    case 'yes-no':
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: 'expanded',
        choices: [
          { title: 'Yes', value: 'yes' },
          { title: 'No', value: 'no' },
        ],
        value: yesNoValue(value),
      };
    case 'choice':
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: question.choices.length > EXPANDED_CHOICE_LIMIT ? 'compact' : 'expanded',
        ...(question.choices.length > EXPANDED_CHOICE_LIMIT ? { placeholder: 'Choose one' } : {}),
        choices: question.choices.map((c) => ({ title: c.label, value: c.id })),
        value: textOf(value),
      };
    case 'multi-choice':
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: 'expanded',
        isMultiSelect: true,
        choices: question.choices.map((c) => ({ title: c.label, value: c.id })),
        value: Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join(',') : textOf(value),
      };
    case 'date': {
      const date = textOf(value).trim();
      return {
        type: 'Input.Date',
        ...base,
        ...(question.min !== undefined ? { min: question.min } : {}),
        ...(question.max !== undefined ? { max: question.max } : {}),
        ...(isIsoDate(date) ? { value: date } : {}),
      };
    }
    case 'text': {
      const maxLength = question.maxLength ?? TEXT_MAX_LENGTH;
      return { type: 'Input.Text', ...base, maxLength, isMultiline: maxLength > 200, value: textOf(value) };
    }
    case 'email':
      return {
        type: 'Input.Text',
        ...base,
        style: 'Email',
        placeholder: 'name@nhs.net',
        regex: EMAIL_PATTERN,
        errorMessage: 'Enter a real email address, like name@nhs.net.',
        maxLength: 254,
        value: textOf(value),
      };
    case 'application-list':
      return { type: 'Input.Text', ...base, isMultiline: true, placeholder: 'Mitel phones | VOIP phones | SMTP relay | ICT service desk | flag', value: textOf(value) };
    case 'monthly-registrations':
      return { type: 'Input.Text', ...base, isMultiline: true, placeholder: '2027-01: 200', value: textOf(value) };
  }
}

/** The format hint shown under inputs whose answers are typed as lines. */
export function formatHint(question: Question): string {
  if (question.type === 'application-list') return APPLICATION_LINE_HINT;
  if (question.type === 'monthly-registrations') return REGISTRATION_LINE_HINT;
  return '';
}

/**
 * When the typed value cannot be put back in its input (a number or a date
 * input only holds a valid one), the error message repeats it instead, so the
 * person still sees what they entered.
 */
export function typedValueNotShown(question: Question, shown: FieldValue): string | undefined {
  if (shown.kind !== 'typed') return undefined;
  const input = questionInput(question, shown);
  const text = typeof shown.raw === 'string' ? shown.raw.trim() : typeof shown.raw === 'number' ? String(shown.raw) : '';
  if (text === '' || 'value' in input) return undefined;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Typed values shown back are cut at this length: the client sends whatever it
 * likes, and ten of these must still fit one card under Teams' size limit.
 */
export const TYPED_VALUE_MAX_LENGTH = 5000;

function shownValue(shown: FieldValue): unknown {
  if (shown.kind === 'typed') return typeof shown.raw === 'string' ? shown.raw.slice(0, TYPED_VALUE_MAX_LENGTH) : shown.raw;
  if (shown.kind === 'stored') return answerAsInput(shown.answer);
  return '';
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return '';
}

function yesNoValue(value: unknown): string {
  const text = textOf(value).trim().toLowerCase();
  if (['yes', 'y', 'true'].includes(text)) return 'yes';
  if (['no', 'n', 'false'].includes(text)) return 'no';
  return '';
}
