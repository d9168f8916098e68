import { formatUkDate } from '../shared/ukDates';
import { APPLICATION_PURPOSE_LABELS, type ApplicationEntry, type MailRoute, type TypedAnswer } from './answerTypes';
import { formatMonth, formatWholeNumber } from './inputParsers';
import type { Question } from './questionTypes';

/**
 * An answer as people read it, for cards and exports.
 *
 * Why lines and a list flag rather than one string: each export (Markdown,
 * HTML, CSV) breaks lines its own way, and lists of applications or months
 * read best as bullet points in a document but as lines in a spreadsheet cell.
 * The question is optional so retired answers (whose question has gone) can
 * still be shown, with choice ids in place of labels.
 */

export interface AnswerDisplay {
  readonly lines: readonly string[];
  /** Each line is an item of a list. */
  readonly list: boolean;
}

export function formatAnswer(answer: TypedAnswer, question?: Question): AnswerDisplay {
  switch (answer.type) {
    case 'number':
      return single(formatWholeNumber(answer.value));
    case 'yes-no':
      return single(answer.value ? 'Yes' : 'No');
    case 'choice':
      return single(choiceLabel(answer.value, question));
    case 'multi-choice':
      return single(answer.value.map((id) => choiceLabel(id, question)).join(', '));
    case 'date':
      return single(formatUkDate(answer.value));
    case 'text':
      return { lines: answer.value.split('\n'), list: false };
    case 'email':
      return single(answer.value);
    case 'application-list':
      return { lines: answer.value.map(describeApplication), list: true };
    case 'monthly-registrations': {
      const total = answer.value.reduce((sum, m) => sum + m.planned, 0);
      return {
        lines: [...answer.value.map((m) => `${formatMonth(m.month)}: ${formatWholeNumber(m.planned)}`), `Total: ${formatWholeNumber(total)}`],
        list: true,
      };
    }
  }
}

/** The display as one piece of text, lines separated by `\n`. */
export function answerText(display: AnswerDisplay): string {
  return display.lines.join('\n');
}

function single(line: string): AnswerDisplay {
  return { lines: [line], list: false };
}

function choiceLabel(id: string, question: Question | undefined): string {
  if (question?.type === 'choice' || question?.type === 'multi-choice') return question.choices.find((c) => c.id === id)?.label ?? id;
  return id;
}

const ROUTE_PHRASES: Readonly<Record<MailRoute, string>> = {
  'smtp-relay': 'sends mail by SMTP relay',
  exchange: 'sends mail through Exchange',
  other: 'sends mail another way',
  unknown: 'not known how it sends mail',
};

function describeApplication(app: ApplicationEntry): string {
  const parts = [APPLICATION_PURPOSE_LABELS[app.purpose], ROUTE_PHRASES[app.sendsMailVia]];
  if (app.contact) parts.push(`contact ${app.contact}`);
  if (app.flagged) parts.push('flagged for re-integration');
  return `${app.name}: ${parts.join('; ')}`;
}
