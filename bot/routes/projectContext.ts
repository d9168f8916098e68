import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Actor } from '../migration/projects/actor';
import { findMyProjects, findTeamProject } from '../migration/projects/findProjects';
import type { FoundProject } from '../migration/projects/findProjects';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { actorFrom, teamIdOf } from '../teams/actorFrom';
import { isRefusal, orFriendlyError } from './replies';

/** Which project a turn is about, or why none could be chosen (said back to the person as is). */
export type ProjectContext =
  | { readonly ok: true; readonly actor: Actor; readonly found: FoundProject }
  | { readonly ok: false; readonly actor: Actor; readonly reply: string };

export const NO_PROJECT_IN_TEAM = 'This team has no migration project yet. Type @Gateway set up project to start one.';
export const NO_PROJECT_FOR_YOU =
  'You are not on a migration project yet. Ask your project manager to add you, or type set up project to start one.';

/**
 * In a team the team's own project, whoever asks (the team is the boundary). In a personal or group chat, the
 * projects the person is a member of: one is used; several are listed, and the team's channel is the place to pick.
 */
export async function resolveProject(deps: ProjectDeps, context: TurnContext): Promise<ProjectContext> {
  const actor = actorFrom(context);
  const teamId = teamIdOf(context);
  if (teamId !== undefined) {
    const found = await findTeamProject(deps, { actor, teamId });
    return found ? { ok: true, actor, found } : { ok: false, actor, reply: NO_PROJECT_IN_TEAM };
  }
  const mine = await findMyProjects(deps, { actor });
  const [only] = mine;
  if (only === undefined) return { ok: false, actor, reply: NO_PROJECT_FOR_YOU };
  if (mine.length === 1) return { ok: true, actor, found: only };
  const names = mine.map((m) => `${m.project.organisationName} (${m.project.odsCode})`).join(', ');
  return { ok: false, actor, reply: `You are on ${mine.length} migration projects: ${names}. Ask me in that project's team channel so I know which one you mean.` };
}

/**
 * The shape of every typed project command: find the project, build one card for it, reply. No project, or a
 * refusal from the domain, is answered with its friendly line instead.
 */
export async function answerForProject(
  deps: ProjectDeps,
  context: TurnContext,
  build: (actor: Actor, projectId: string) => Promise<Record<string, unknown> | string>,
): Promise<void> {
  const result = await orFriendlyError(async () => {
    const where = await resolveProject(deps, context);
    return where.ok ? build(where.actor, where.found.project.projectId) : where.reply;
  });
  await sendCardOrText(context, isRefusal(result) ? result.refused : result);
}

/** Replies with a card (JSON) or a line of text. */
export async function sendCardOrText(context: TurnContext, reply: Record<string, unknown> | string): Promise<void> {
  await context.sendActivity(typeof reply === 'string' ? reply : MessageFactory.attachment(CardFactory.adaptiveCard(reply)));
}
