import type { Attachment, TurnContext } from 'botbuilder';
import { questionnaireProjectChoiceCard } from '../../cards/questionnaireProjectChoiceCard';
import type { Verb } from '../../cards/verbs';
import type { Actor } from '../migration/projects/actor';
import { findMyProjects, findTeamProject } from '../migration/projects/findProjects';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { actorFrom, teamIdOf } from '../teams/actorFrom';

/** The project a typed questionnaire command is about, or what to answer instead (a hint or a "which one?" card). */
export type QuestionnaireTarget =
  | { readonly ok: true; readonly actor: Actor; readonly projectId: string }
  | { readonly ok: false; readonly reply: string | Attachment };

export const NO_TEAM_PROJECT = 'This team has no migration project yet, so there is no questionnaire to fill in. Type @Gateway set up project to start one.';
export const NO_PROJECT_OF_YOURS =
  'You are not on a migration project yet, so there is no questionnaire to fill in. To start a project, type set up project; or ask your project manager to add you to theirs.';

/**
 * Finds the project the way every route does: in a channel the team's own
 * project, whoever asks (staff included, who may read progress); in a
 * personal or group chat the projects the person is a member of. One is
 * used; with several, the person picks, and the card's buttons carry on with
 * what they asked for (`verb`, `data`).
 */
export async function questionnaireTarget(
  deps: Pick<ProjectDeps, 'projects'>,
  context: TurnContext,
  next: { readonly verb: Verb; readonly data?: Readonly<Record<string, string>>; readonly purpose: string },
): Promise<QuestionnaireTarget> {
  const actor = actorFrom(context);
  const teamId = teamIdOf(context);
  if (teamId !== undefined) {
    const found = await findTeamProject(deps, { actor, teamId });
    return found ? { ok: true, actor, projectId: found.project.projectId } : { ok: false, reply: NO_TEAM_PROJECT };
  }
  const mine = await findMyProjects(deps, { actor });
  const [only] = mine;
  if (only === undefined) return { ok: false, reply: NO_PROJECT_OF_YOURS };
  if (mine.length === 1) return { ok: true, actor, projectId: only.project.projectId };
  return {
    ok: false,
    reply: questionnaireProjectChoiceCard({ projects: mine.map((m) => m.project), verb: next.verb, purpose: next.purpose, ...(next.data ? { data: next.data } : {}) }),
  };
}
