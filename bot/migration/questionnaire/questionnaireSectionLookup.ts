import type { QuestionSection, QuestionSet } from './questionTypes';

/**
 * Finding the section someone typed, as "questionnaire 3" or "questionnaire mobile".
 *
 * Why forgiving but never guessing between two: people remember the number on
 * the progress card or a word of the title; when a word fits several sections
 * ("mail") the route lists them rather than open the wrong one.
 */

export interface NumberedSection {
  readonly section: QuestionSection;
  /** 1-based, as the progress card numbers them. */
  readonly number: number;
}

export function numberedSection(set: QuestionSet, sectionId: string): NumberedSection | undefined {
  const index = set.sections.findIndex((s) => s.id === sectionId);
  const section = set.sections[index];
  return section ? { section, number: index + 1 } : undefined;
}

/** The section meant by a number, an id or words of its title; undefined when none or several fit. */
export function findQuestionnaireSection(set: QuestionSet, typed: string): NumberedSection | undefined {
  const text = typed.trim().toLowerCase().replace(/^(section|part)\s+/, '').replace(/\s+/g, ' ');
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) {
    const index = Number(text) - 1;
    const section = set.sections[index];
    return section ? { section, number: index + 1 } : undefined;
  }
  const numbered = set.sections.map((section, index) => ({ section, number: index + 1 }));
  const byId = numbered.find((n) => n.section.id === text);
  if (byId) return byId;
  const titles = numbered.map((n) => ({ ...n, title: n.section.title.toLowerCase() }));
  const starting = titles.filter((t) => t.title.startsWith(text));
  if (starting.length === 1) return starting[0];
  const containing = titles.filter((t) => t.title.includes(text));
  return containing.length === 1 ? containing[0] : undefined;
}
