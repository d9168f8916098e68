import { ValidationFailed, type FieldError } from '../shared/errors';
import { isIsoDate } from '../shared/ukDates';
import type { Question, QuestionFeed, QuestionSet, QuestionType } from './questionTypes';

/**
 * Checks a question set before it is used.
 *
 * Why: organisations may edit the set, and stored answers, exports and the
 * project set-up all rely on ids being unique and stable, choices being
 * well formed and each "feeds" question having the type the rest of the
 * product expects. A broken edit should fail when it is loaded, naming every
 * problem, not half-way through someone filling it in.
 */

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The question type each feed needs, so the project set-up gets a value it understands. */
export const FEED_TYPES: Readonly<Record<QuestionFeed, QuestionType>> = {
  organisationName: 'text',
  odsCode: 'text',
  approximateUsers: 'number',
  newAccounts: 'number',
  migrationMethod: 'choice',
  phasing: 'choice',
  cutover: 'date',
  registrationsPerMonth: 'monthly-registrations',
  applications: 'application-list',
};

export function checkQuestionSet(set: QuestionSet): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => {
    errors.push({ field, message });
  };

  if (!Number.isSafeInteger(set.version) || set.version < 1) fail('version', 'The question set version must be a whole number of at least 1.');
  if (set.notice.trim() === '') fail('notice', 'The question set needs a notice saying where its questions come from.');
  if (set.sections.length === 0) fail('sections', 'The question set needs at least one section.');

  const sectionIds = new Set<string>();
  const seen = new Map<string, Question>();
  const feeds = new Set<QuestionFeed>();
  for (const section of set.sections) {
    if (!ID_PATTERN.test(section.id)) fail(section.id, `Section id "${section.id}" must be lower-case words joined by hyphens.`);
    if (sectionIds.has(section.id)) fail(section.id, `Section id "${section.id}" is used twice.`);
    sectionIds.add(section.id);
    if (section.title.trim() === '') fail(section.id, `Section "${section.id}" needs a title.`);
    if (section.questions.length === 0) fail(section.id, `Section "${section.id}" has no questions.`);

    for (const question of section.questions) {
      const id = question.id;
      if (!ID_PATTERN.test(id)) fail(id, `Question id "${id}" must be lower-case words joined by hyphens.`);
      if (seen.has(id)) fail(id, `Question id "${id}" is used twice.`);
      if (question.sectionId !== section.id) fail(id, `Question "${id}" says it is in section "${question.sectionId}" but sits in "${section.id}".`);
      if (question.text.trim() === '') fail(id, `Question "${id}" has no text.`);
      for (const message of shapeProblems(question)) fail(id, message);
      for (const message of conditionProblems(question, seen)) fail(id, message);
      if (question.feeds) {
        if (feeds.has(question.feeds)) fail(id, `Only one question can feed "${question.feeds}".`);
        feeds.add(question.feeds);
        if (FEED_TYPES[question.feeds] !== question.type) {
          fail(id, `A question feeding "${question.feeds}" must be of type ${FEED_TYPES[question.feeds]}, not ${question.type}.`);
        }
      }
      seen.set(id, question);
    }
  }
  return errors;
}

/** Throws {@link ValidationFailed} listing every problem with the set. */
export function assertValidQuestionSet(set: QuestionSet): void {
  const errors = checkQuestionSet(set);
  if (errors.length > 0) throw new ValidationFailed(errors, 'Fix the question set and load it again.');
}

function shapeProblems(question: Question): string[] {
  const problems: string[] = [];
  switch (question.type) {
    case 'number':
      for (const bound of [question.min, question.max]) {
        if (bound !== undefined && !Number.isSafeInteger(bound)) problems.push('Number limits must be whole numbers.');
      }
      if (question.min !== undefined && question.max !== undefined && question.min > question.max) problems.push('The smallest number allowed is bigger than the largest.');
      break;
    case 'date':
      for (const bound of [question.min, question.max]) {
        if (bound !== undefined && !isIsoDate(bound)) problems.push(`Date limit "${String(bound)}" must be a real date written YYYY-MM-DD.`);
      }
      if (question.min !== undefined && question.max !== undefined && question.min > question.max) problems.push('The earliest date allowed is after the latest.');
      break;
    case 'choice':
    case 'multi-choice': {
      if (question.choices.length < 2) problems.push('A choice question needs at least two choices.');
      const ids = new Set<string>();
      const labels = new Set<string>();
      for (const choice of question.choices) {
        if (choice.id.trim() === '' || choice.id.includes(',')) problems.push(`Choice id "${choice.id}" must not be empty or contain a comma.`);
        if (ids.has(choice.id)) problems.push(`Choice id "${choice.id}" is used twice.`);
        ids.add(choice.id);
        const label = choice.label.trim().toLowerCase();
        if (label === '') problems.push(`Choice "${choice.id}" needs a label.`);
        if (labels.has(label)) problems.push(`Choice label "${choice.label}" is used twice.`);
        if (question.type === 'multi-choice' && choice.label.includes(',')) problems.push(`Choice label "${choice.label}" must not contain a comma, as several choices arrive comma-separated.`);
        labels.add(label);
      }
      break;
    }
    case 'text':
      if (question.maxLength !== undefined && (!Number.isSafeInteger(question.maxLength) || question.maxLength < 1)) {
        problems.push('The longest answer allowed must be a whole number of at least 1.');
      }
      break;
    case 'yes-no':
    case 'email':
    case 'application-list':
    case 'monthly-registrations':
      break;
  }
  return problems;
}

function conditionProblems(question: Question, earlier: ReadonlyMap<string, Question>): string[] {
  const condition = question.requiredWhen;
  if (!condition) return [];
  if (question.required) return ['A question that is always required cannot also be "required when".'];
  const target = earlier.get(condition.questionId);
  if (!target) return [`"Required when" must point to an earlier question; "${condition.questionId}" is not one.`];
  if (target.type === 'yes-no') return typeof condition.equals === 'boolean' ? [] : ['"Required when" a yes-no question must compare with yes (true) or no (false).'];
  if (target.type === 'choice' || target.type === 'multi-choice') {
    return target.choices.some((c) => c.id === condition.equals) ? [] : [`"Required when" names choice "${String(condition.equals)}", which "${target.id}" does not offer.`];
  }
  return ['"Required when" can only depend on a yes-no or choice question.'];
}
