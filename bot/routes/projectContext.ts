import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import { projectChoiceCard } from '../../cards/projectChoiceCard';
import type { Verb } from '../../cards/verbs';
import type { Actor } from '../migration/projects/actor';
import { findMyProjects, findTeamProject } from '../migration/projects/findProjects';
import type { FoundProject } from '../migration/projects/findProjects';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { actorFrom, teamIdOf } from '../teams/actorFrom';
import { sendCard } from '../teams/cardMessage';
import { isRefusal, orFriendlyError } from './replies';

/** What a reply can be: a line of text or a card. */
export type Reply = string | AdaptiveCardJson;

/** Which project a turn is about, or what to say instead (a hint, or a "which project?" card). */
export type ProjectContext =
  | { readonly ok: true; readonly actor: Actor; readonly found: FoundProject }
  | { readonly ok: false; readonly actor: Actor; readonly reply: Reply };

/** With several projects, what the person asked for, so the "which project?" buttons can carry on with it. */
export interface NextStep {
  readonly verb: Verb;
  readonly data?: Readonly<Record<string, string>>;
  /** "see the status": finishes "Which one do you want to … for?" */
  readonly purpose: string;
}

export interface ResolveOptions {
  readonly next?: NextStep;
  /** Replaces the default lines, e.g. to say there is no questionnaire rather than no project. */
  readonly noTeamProject?: string;
  readonly noProjectOfYours?: string;
}

export const NO_PROJECT_IN_TEAM = 'This team has no migration project yet. Type @Gateway set up project to start one.';
export const NO_PROJECT_FOR_YOU =
  'You are not on a migration project yet. Ask your project manager to add you; or, to start one, add Gateway to your project team and type @Gateway set up project there.';

/**
 * In a team the team's own project, whoever asks (the team is the boundary). In a personal or group chat, the
 * projects the person is a member of: one is used; with several, the person picks one on a card whose buttons carry
 * on with what they asked for (or, with nothing to carry on with, is told to ask in that project's team).
 */
export async function resolveProject(deps: ProjectDeps, context: TurnContext, options: ResolveOptions = {}): Promise<ProjectContext> {
  const actor = actorFrom(context);
  const teamId = teamIdOf(context);
  if (teamId !== undefined) {
    const found = await findTeamProject(deps, { actor, teamId });
    return found ? { ok: true, actor, found } : { ok: false, actor, reply: options.noTeamProject ?? NO_PROJECT_IN_TEAM };
  }
  const mine = await findMyProjects(deps, { actor });
  const [only] = mine;
  if (only === undefined) return { ok: false, actor, reply: options.noProjectOfYours ?? NO_PROJECT_FOR_YOU };
  if (mine.length === 1) return { ok: true, actor, found: only };
  const { next } = options;
  if (next !== undefined) {
    return { ok: false, actor, reply: projectChoiceCard({ projects: mine.map((m) => m.project), verb: next.verb, purpose: next.purpose, ...(next.data ? { data: next.data } : {}) }) };
  }
  const names = mine.map((m) => `${m.project.organisationName} (${m.project.odsCode})`).join(', ');
  return { ok: false, actor, reply: `You are on ${mine.length} migration projects: ${names}. Ask me in that project's team channel so I know which one you mean.` };
}

/**
 * The shape of every typed project command: find the project, build one card for it, reply. No project, several
 * projects, or a refusal from the domain is answered with its friendly line or card instead.
 */
export async function answerForProject(
  deps: ProjectDeps,
  context: TurnContext,
  build: (actor: Actor, projectId: string) => Promise<Reply>,
  next?: NextStep,
): Promise<void> {
  const result = await orFriendlyError(async () => {
    const where = await resolveProject(deps, context, next === undefined ? {} : { next });
    return where.ok ? build(where.actor, where.found.project.projectId) : where.reply;
  });
  await sendReply(context, isRefusal(result) ? result.refused : result);
}

/** Replies with a line of text or a card. */
export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  if (typeof reply === 'string') await context.sendActivity(reply);
  else await sendCard(context, reply);
}
