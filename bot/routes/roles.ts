import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { REMOVE_FROM_PROJECT, ROLES_INPUTS, rolesCardJson } from '../../cards/rolesCard';
import { Verbs } from '../../cards/verbs';
import { ROLE_PHRASES } from '../../cards/labels';
import { can, isProjectRole, type ProjectRole } from '../migration/gateways/roles';
import type { Project } from '../migration/projects/project';
import type { Actor } from '../migration/projects/actor';
import { findMember } from '../migration/projects/actor';
import { assignRole } from '../migration/projects/assignRole';
import { loadProjectFor } from '../migration/projects/projectAccess';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { rosterOf, rosterPerson } from '../teams/roster';
import { onCardAction } from './cardAction';
import { textInput } from '../../cards/cardData';
import { commandIs } from './commandSelector';
import { answerForProject } from './projectContext';
import { refusalOf } from '../migration/shared/errors';
import type { PersonalNotices } from '../teams/personalNotices';

/**
 * Project roles: who is on the project and as what. The project manager gives people in the team a role; the name
 * stored is the one Teams' roster gives for the chosen person, never the card's.
 */
export function registerRoles(app: Application<GatewayTurnState>, deps: ProjectDeps, notices?: PersonalNotices): void {
  const view = async (context: TurnContext, actor: Actor, projectId: unknown, message?: string) => {
    const { project, role } = await loadProjectFor(deps, actor, projectId);
    const roster = await rosterOf(context);
    const candidates = roster.filter((p) => findMember(project, p) === undefined).map((p) => ({ title: p.name, value: p.userId }));
    return rolesCardJson(project, { candidates, canAssign: can(role, 'assign-role'), ...(message === undefined ? {} : { message }) });
  };

  app.message(commandIs('roles'), async (context) => {
    await answerForProject(deps, context, (actor, projectId) => view(context, actor, projectId), { verb: Verbs.rolesShow, purpose: 'see the roles' });
  });

  onCardAction(app, Verbs.rolesShow, async (context, _state, data) => ({ card: await view(context, actorFrom(context), data.projectId) }));

  onCardAction(app, Verbs.roleAssign, async (context, _state, data) => {
    const actor = actorFrom(context);
    const { project } = await loadProjectFor(deps, actor, data.projectId);
    const userId = textInput(data, ROLES_INPUTS.person);
    const chosenRole = data[ROLES_INPUTS.role];
    const role = chosenRole === REMOVE_FROM_PROJECT ? null : isProjectRole(chosenRole) ? chosenRole : undefined;
    if (role === undefined || userId === '') return { card: await view(context, actor, project.projectId, 'Please choose a person and a role.') };
    const person = findMember(project, { userId }) ?? (await rosterPerson(context, userId));
    if (person === undefined) return { card: await view(context, actor, project.projectId, 'That person is not in this team any more.') };
    const member = { userId: person.userId, name: person.name, ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}) };
    const before = findMember(project, person)?.role;
    let saved: Project | undefined;
    const refused = await refusalOf(async () => {
      saved = await assignRole(deps, { actor, projectId: project.projectId, member, role });
    });
    if (refused !== undefined || saved === undefined) return { card: await view(context, actor, project.projectId, refused) };
    const told = person.userId === actor.userId ? 'self' : await tellThem(notices, actor, saved, person, role);
    return { card: await view(context, actor, project.projectId, roleChangedLine(person.name, before, role, saved, told)) };
  });
}

/** The person hears of their new role from Gateway itself, in their personal chat, when the bot can reach them there. */
async function tellThem(notices: PersonalNotices | undefined, actor: Actor, project: Project, person: { readonly userId: string; readonly name: string }, role: ProjectRole | null): Promise<boolean> {
  if (notices === undefined) return false;
  const text =
    role === null
      ? `${actor.name} has taken you off the ${project.organisationName} NHSmail migration project.`
      : `${actor.name} has made you ${ROLE_PHRASES[role]} on the ${project.organisationName} NHSmail migration project. Type help in the project team to see what you can do.`;
  const outcome = await notices(project.tenantId, [{ userId: person.userId, label: person.name }], text, { projectId: project.projectId });
  return outcome.told.length > 0;
}

/**
 * What the project manager is told after a role change: the role by name, whether Gateway told the person in their
 * personal chat (it can only when they have opened one with it), and when the change left the project without its
 * senior responsible owner.
 */
function roleChangedLine(name: string, before: ProjectRole | undefined, after: ProjectRole | null, saved: Project, told: boolean | 'self'): string {
  const changed = after === null ? `${name} is no longer on the project.` : `${name} is now ${ROLE_PHRASES[after]}.`;
  const untold =
    told === 'self' ? '' : told ? `I have told ${name} in their personal chat with me.` : `I could not tell ${name} (they have not opened a personal chat with me): please let them know.`;
  const noSro = before === 'sro' && !saved.members.some((m) => m.role === 'sro') ? ' The project now has no senior responsible owner: give someone that role.' : '';
  return `${changed}${noSro}${untold === "" ? "" : ` ${untold}`}`;
}
