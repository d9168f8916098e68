import type { TurnContext } from 'botbuilder';
import type { Actor } from '../migration/projects/actor';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import type { NextStep, Reply } from './projectContext';
import { resolveProject } from './projectContext';

/** The project a typed questionnaire command is about, or what to answer instead (a hint or a "which one?" card). */
export type QuestionnaireTarget =
  | { readonly ok: true; readonly actor: Actor; readonly projectId: string }
  | { readonly ok: false; readonly reply: Reply };

export const NO_TEAM_PROJECT = 'This team has no migration project yet, so there is no questionnaire to fill in. Type @Gateway set up project to start one.';
export const NO_PROJECT_OF_YOURS =
  'You are not on a migration project yet, so there is no questionnaire to fill in. Ask your project manager to add you to theirs; or, to start a project, add Gateway to your project team and type @Gateway set up project there.';

/**
 * Finds the project the way every route does (resolveProject), saying "no questionnaire" rather than "no project"
 * when there is none; with several, the person picks and the card's buttons carry on with `next`.
 */
export async function questionnaireTarget(deps: ProjectDeps, context: TurnContext, next: NextStep): Promise<QuestionnaireTarget> {
  const where = await resolveProject(deps, context, { next, noTeamProject: NO_TEAM_PROJECT, noProjectOfYours: NO_PROJECT_OF_YOURS });
  return where.ok ? { ok: true, actor: where.actor, projectId: where.found.project.projectId } : { ok: false, reply: where.reply };
}
