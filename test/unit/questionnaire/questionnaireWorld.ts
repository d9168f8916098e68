import type { Actor } from '../../../bot/migration/projects/actor';
import type { Project } from '../../../bot/migration/projects/project';
import { openQuestionnaireSection } from '../../../bot/migration/questionnaire/questionnaireOpenSection';
import type { QuestionnaireDeps } from '../../../bot/migration/questionnaire/questionnaireDeps';
import { saveQuestionnaireSection, type SaveSectionResult } from '../../../bot/migration/questionnaire/questionnaireSaveSection';
import { DEFAULT_QUESTION_SET } from '../../../bot/migration/questionnaire/questionSet';
import { newWorld, teamProject, type TestWorld } from '../projects/projectFixtures';
import { InMemoryRiskStore } from '../risks/inMemoryRiskStore';
import { InMemoryQuestionnaireStore } from './inMemoryQuestionnaireStore';

/** A set-up team project (see projectFixtures: Priya PM, Sam SRO, Tom member, Sue staff) with an empty questionnaire in memory. */
export interface QuestionnaireWorld extends TestWorld {
  readonly deps: QuestionnaireDeps;
  readonly answers: InMemoryQuestionnaireStore;
  /** The risks and issues log, where the questionnaire's suggested risks go. */
  readonly riskStore: InMemoryRiskStore;
  readonly project: Project;
}

export async function questionnaireWorld(now?: string): Promise<QuestionnaireWorld> {
  const world = newWorld(now);
  const project = await teamProject(world);
  const answers = new InMemoryQuestionnaireStore();
  const riskStore = new InMemoryRiskStore();
  return { ...world, answers, riskStore, project, deps: { ...world.deps, questionnaires: answers, questionSet: DEFAULT_QUESTION_SET, risks: riskStore.risks } };
}

/** Opens the section as `actor` would see it, then saves `inputs` from that card. */
export async function fillSection(world: QuestionnaireWorld, actor: Actor, sectionId: string, inputs: Readonly<Record<string, unknown>>): Promise<SaveSectionResult> {
  const opened = await openQuestionnaireSection(world.deps, { actor, projectId: world.project.projectId, section: sectionId });
  return saveQuestionnaireSection(world.deps, { actor, projectId: world.project.projectId, sectionId, inputs, base: opened.base });
}
