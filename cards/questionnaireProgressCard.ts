import type { ProjectSummary } from '../bot/migration/projects/project';
import type { QuestionnaireProgress, SectionProgress } from '../bot/migration/questionnaire/progress';
import type { QuestionnairePermissions } from '../bot/migration/questionnaire/questionnaireAccess';
import type { QuestionSet } from '../bot/migration/questionnaire/questionTypes';
import { formatUkDate } from '../bot/migration/shared/ukDates';
import template from './templates/questionnaireProgress.json';
import { count, projectLine, type Banner, type BannerStyle } from './questionnaireText';
import { defineTemplate, renderCardJson } from './render';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

export interface ProgressCardView {
  readonly project: ProjectSummary;
  readonly set: QuestionSet;
  readonly progress: QuestionnaireProgress;
  readonly may: QuestionnairePermissions;
  readonly banner?: Banner;
}

interface SectionData {
  readonly number: number;
  readonly title: string;
  readonly sectionId: string;
  readonly statusWord: string;
  readonly statusColour: 'Good' | 'Warning';
  readonly countLine: string;
  readonly openLine: string;
  readonly byLine: string;
  readonly openTitle: string;
}

/** What `templates/questionnaireProgress.json` binds. */
interface ProgressTemplateData {
  readonly message: string;
  readonly messageStyle: BannerStyle;
  readonly projectLine: string;
  readonly notice: string;
  readonly summaryLine: string;
  readonly requiredLine: string;
  readonly submissionLine: string;
  readonly retiredLine: string;
  readonly sections: readonly SectionData[];
  readonly contributors: readonly { readonly title: string; readonly value: string }[];
  readonly canAnswer: boolean;
  readonly canExport: boolean;
  readonly canSubmit: boolean;
  readonly readOnlyLine: string;
  readonly verbs: typeof Verbs;
  readonly projectId: string;
}

const progressTemplate = defineTemplate<ProgressTemplateData>('questionnaireProgress', template);

/** Open questions named on the card per section; more are counted, so a bare section cannot make the card huge. */
const OPEN_QUESTIONS_NAMED = 3;

/**
 * The questionnaire's overview: each section complete or not, what is still
 * required, who answered what, and a button to open each section. Buttons
 * appear only for what the person may do, so staff see a read-only card.
 */
export function questionnaireProgressCardJson(view: ProgressCardView): AdaptiveCardJson {
  const { progress } = view;
  const complete = progress.sections.filter((s) => s.complete).length;
  return renderCardJson(progressTemplate, {
    message: view.banner?.text ?? '',
    messageStyle: view.banner?.style ?? 'emphasis',
    projectLine: projectLine(view.project),
    notice: view.set.notice,
    summaryLine: `${progress.answered} of ${count(progress.total, 'question', 'questions')} answered · ${complete} of ${count(progress.sections.length, 'section', 'sections')} complete`,
    requiredLine:
      progress.requiredOpen.length === 0
        ? 'Every required question is answered, so the questionnaire can be submitted.'
        : `${count(progress.requiredOpen.length, 'required question is', 'required questions are')} still open.`,
    submissionLine: submissionLine(progress),
    retiredLine:
      progress.retired.length === 0
        ? ''
        : `${count(progress.retired.length, 'answer was', 'answers were')} given to questions that have since changed; ${progress.retired.length === 1 ? 'it is' : 'they are'} kept in the export.`,
    sections: progress.sections.map((s, index) => sectionData(s, index + 1)),
    contributors: progress.contributors.map((c) => ({ title: c.person.name, value: count(c.answers, 'answer', 'answers') })),
    canAnswer: view.may.answer,
    canExport: view.may.export,
    canSubmit: view.may.submit,
    readOnlyLine: 'Only members of the project team can answer the questionnaire; you can follow its progress here.',
    verbs: Verbs,
    projectId: view.project.projectId,
  });
}

function sectionData(section: SectionProgress, number: number): SectionData {
  const open = section.requiredOpen;
  const named = open.slice(0, OPEN_QUESTIONS_NAMED).map((q) => q.text);
  const more = open.length - named.length;
  const byPerson = new Map<string, { name: string; answers: number }>();
  for (const q of section.questions) {
    if (!q.answer) continue;
    const entry = byPerson.get(q.answer.answeredBy.id) ?? { name: q.answer.answeredBy.name, answers: 0 };
    entry.answers += 1;
    byPerson.set(q.answer.answeredBy.id, entry);
  }
  const people = [...byPerson.values()].sort((a, b) => b.answers - a.answers || a.name.localeCompare(b.name, 'en-GB'));
  return {
    number,
    title: section.title,
    sectionId: section.sectionId,
    // A section with only optional questions is complete from the start (see progress.ts); the count says how much is filled in.
    statusWord: section.complete ? 'Complete' : 'Incomplete',
    statusColour: section.complete ? 'Good' : 'Warning',
    countLine: `${section.answered} of ${count(section.total, 'question', 'questions')} answered`,
    openLine: named.length === 0 ? '' : `Still needed: ${named.join(' · ')}${more > 0 ? ` · and ${more} more` : ''}`,
    byLine: people.length === 0 ? '' : `Answered by ${people.map((p) => `${p.name} (${p.answers})`).join(', ')}`,
    openTitle: section.answered === 0 ? `Start section ${number}` : `Open section ${number}`,
  };
}

function submissionLine(progress: QuestionnaireProgress): string {
  const last = progress.lastSubmission;
  if (!last) return '';
  const base = `Submitted to the pipeline team on ${formatUkDate(last.date)} by ${last.by.name}.`;
  return progress.changedSinceSubmission ? `${base} Answers have changed since, so it may need submitting again.` : base;
}
