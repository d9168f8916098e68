import type { ProjectSummary } from '../bot/migration/projects/project';
import { liveAnswer, type QuestionnaireRecord } from '../bot/migration/questionnaire/answerRecord';
import type { EditBase } from '../bot/migration/questionnaire/answers';
import type { SaveSectionResult } from '../bot/migration/questionnaire/questionnaireSaveSection';
import type { NumberedSection } from '../bot/migration/questionnaire/questionnaireSectionLookup';
import type { Question, QuestionSet } from '../bot/migration/questionnaire/questionTypes';
import type { AnswerConflict } from '../bot/migration/questionnaire/staleAnswers';
import type { SectionErrors } from '../bot/migration/questionnaire/validateSection';
import { formatUkDateTime } from '../bot/migration/shared/ukDates';
import template from './templates/questionnaireSection.json';
import { formatHint, questionInput, typedValueNotShown, type CardElement, type FieldValue } from './questionnaireInputs';
import { count, guideSections, projectLine, type Banner, type BannerStyle } from './questionnaireText';
import { defineTemplate, renderCardJson } from './render';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/** One section's form, as a use case left it (opened, saved, or refused as stale). */
export interface SectionCardView {
  readonly project: ProjectSummary;
  readonly set: QuestionSet;
  readonly section: NumberedSection;
  readonly record: QuestionnaireRecord;
  readonly base: EditBase;
  /** The person's own values to show instead of the stored answers. */
  readonly keep?: Readonly<Record<string, unknown>>;
  /** Values the project set-up gives for unanswered questions: shown in their fields, saved only if Save is pressed. */
  readonly suggested?: Readonly<Record<string, string | number>>;
  readonly errors?: readonly SectionErrors[];
  readonly conflicts?: readonly AnswerConflict[];
  readonly banner?: Banner;
  /** Offer "Next section": only after a clean save, so nobody leaves typed answers behind by pressing it. */
  readonly offerNext?: boolean;
}

interface QuestionData {
  readonly input: CardElement;
  readonly hint: string;
  readonly help: string;
  readonly error: string;
  readonly answeredLine: string;
}

/** What `templates/questionnaireSection.json` binds. */
interface SectionTemplateData {
  readonly message: string;
  readonly messageStyle: BannerStyle;
  readonly projectLine: string;
  readonly heading: string;
  readonly sectionLine: string;
  readonly notice: string;
  readonly questions: readonly QuestionData[];
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly sectionId: string;
  readonly base: EditBase;
  readonly nextSectionId: string;
}

const sectionTemplate = defineTemplate<SectionTemplateData>('questionnaireSection', template);

/**
 * A section of the questionnaire as a form: one input per question, driven by
 * its type, with the reason under any field that was refused (and the value
 * as typed kept in it), who gave each answer and when, and the notice that
 * the questions are derived from the guide. The card carries the edit base,
 * so saving it can tell the person's changes from fields left alone.
 */
export function questionnaireSectionCardJson(view: SectionCardView): AdaptiveCardJson {
  const { section, number } = view.section;
  const errors = new Map((view.errors ?? []).map((e) => [e.questionId, e.message]));
  const conflicts = new Map((view.conflicts ?? []).map((c) => [c.questionId, c]));
  const questions = section.questions.map((question): QuestionData => {
    const shown = fieldValue(view, question);
    const stored = liveAnswer(view.record, question);
    const suggested = shown.kind === 'empty' && view.suggested !== undefined && Object.hasOwn(view.suggested, question.id);
    return {
      input: questionInput(question, suggested ? { kind: 'typed', raw: view.suggested?.[question.id] } : shown),
      hint: formatHint(question),
      help: question.help ?? '',
      error: fieldMessage(question, shown, errors.get(question.id), conflicts.get(question.id)),
      answeredLine: stored
        ? `Answered by ${stored.answeredBy.name}, ${formatUkDateTime(stored.answeredAt)}`
        : suggested
          ? 'Suggested from the project set-up: press Save to keep it.'
          : '',
    };
  });
  const next = view.offerNext === true ? view.set.sections[number] : undefined;
  return renderCardJson(sectionTemplate, {
    message: view.banner?.text ?? '',
    messageStyle: view.banner?.style ?? 'emphasis',
    projectLine: projectLine(view.project),
    heading: `${number}. ${section.title}`,
    sectionLine: `Section ${number} of ${view.set.sections.length}, from guide ${guideSections(section.guideSections)}. Save as you go: you or someone else can finish it later.`,
    notice: view.set.notice,
    questions,
    verbs: Verbs,
    projectId: view.project.projectId,
    sectionId: section.id,
    base: view.base,
    nextSectionId: next?.id ?? '',
  });
}

function fieldValue(view: SectionCardView, question: Question): FieldValue {
  if (view.keep && Object.hasOwn(view.keep, question.id)) return { kind: 'typed', raw: view.keep[question.id] };
  const stored = liveAnswer(view.record, question);
  return stored ? { kind: 'stored', answer: stored.value } : { kind: 'empty' };
}

function fieldMessage(question: Question, shown: FieldValue, error: string | undefined, conflict: AnswerConflict | undefined): string {
  if (conflict) {
    const who = conflict.changedBy?.name ?? 'Someone else';
    return `${who} changed this answer after you opened the section, so it now shows their answer. Change it again if you need to.`;
  }
  if (error === undefined) return '';
  const typed = typedValueNotShown(question, shown);
  return typed === undefined ? error : `${error} You entered “${typed}”.`;
}

/** The card a save leads to: the form as it now stands, with a banner saying what happened. */
export function sectionViewAfterSave(result: SaveSectionResult): SectionCardView {
  const common = { project: result.project, set: result.set, section: result.section, record: result.record, base: result.base, keep: result.keep, errors: result.errors };
  if (result.outcome === 'stale') {
    const n = result.conflicts.length;
    const what = n === 1 ? `the answer to “${result.conflicts[0]?.questionText ?? ''}”` : `${n} of these answers`;
    return {
      ...common,
      conflicts: result.conflicts,
      banner: {
        text: `Someone else changed ${what} after you opened this section, so nothing was saved. Their answer is shown below; your other changes are still here: check them and press Save again.`,
        style: 'warning',
      },
    };
  }
  const saved = result.changes.length;
  const refused = result.errors.length;
  if (refused === 0) {
    return saved === 0
      ? { ...common, banner: { text: 'Nothing had changed, so there was nothing to save.', style: 'emphasis' }, offerNext: true }
      : { ...common, banner: { text: `Saved ${count(saved, 'answer', 'answers')}.`, style: 'good' }, offerNext: true };
  }
  const problems = `${count(refused, 'answer needs', 'answers need')} another look: see the message under ${refused === 1 ? 'it' : 'each'}.`;
  return saved === 0
    ? { ...common, banner: { text: `Nothing was saved. ${problems}`, style: 'attention' } }
    : { ...common, banner: { text: `Saved ${count(saved, 'answer', 'answers')}. ${problems}`, style: 'warning' } };
}
