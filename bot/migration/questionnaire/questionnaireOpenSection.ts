import type { ProjectSummary } from '../projects/project';
import type { Actor } from '../projects/actor';
import { NotFound } from '../shared/errors';
import type { QuestionnaireRecord } from './answerRecord';
import { editBaseFor, type EditBase } from './answers';
import { assertCanAnswer } from './permissions';
import { loadQuestionnaireFor } from './questionnaireAccess';
import type { QuestionnaireDeps } from './questionnaireDeps';
import { findQuestionnaireSection, numberedSection, type NumberedSection } from './questionnaireSectionLookup';
import type { QuestionSet } from './questionTypes';
import { setupSuggestions, type SetupSuggestions } from './setupSuggestions';

export interface OpenSectionCommand {
  readonly actor: Actor;
  readonly projectId: unknown;
  /** A section id from a card, or what someone typed: a number or words of the title. */
  readonly section: unknown;
}

/** Everything a section form needs: the questions, the answers now, and the edit base the card must carry. */
export interface OpenedSection {
  readonly project: ProjectSummary;
  readonly set: QuestionSet;
  readonly section: NumberedSection;
  readonly record: QuestionnaireRecord;
  readonly base: EditBase;
  /** What set-up already knows, for the unanswered questions it answers: shown, not saved. */
  readonly suggested: SetupSuggestions;
}

/**
 * Opens one section for editing.
 *
 * Why the base is taken here, from the same read as the values: the card
 * shows these answers, and a later save compares what comes back with exactly
 * what was shown, so a field left alone never overwrites someone else's newer
 * answer. Only the project team may answer; staff get a refusal that says so.
 */
export async function openQuestionnaireSection(deps: QuestionnaireDeps, command: OpenSectionCommand): Promise<OpenedSection> {
  const section = resolveSection(deps.questionSet, command.section);
  const access = await loadQuestionnaireFor(deps, command.actor, command.projectId);
  assertCanAnswer(access.role);
  return {
    project: access.summary,
    set: deps.questionSet,
    section,
    record: access.record,
    base: editBaseFor(deps.questionSet, access.record, section.section.id),
    suggested: setupSuggestions(section.section, access.record, access.project),
  };
}

/** Throws NotFound naming what was asked for, with a hint to list the sections. */
export function resolveSection(set: QuestionSet, requested: unknown): NumberedSection {
  const text = typeof requested === 'number' ? String(requested) : typeof requested === 'string' ? requested : '';
  const found = numberedSection(set, text) ?? findQuestionnaireSection(set, text);
  if (!found) {
    throw new NotFound('questionnaire section', text.slice(0, 100), `Type questionnaire to see the ${set.sections.length} sections, then open one by its number.`);
  }
  return found;
}
