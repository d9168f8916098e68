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

/**
 * Project roles: who is on the project and as what. The project manager gives people in the team a role; the name
 * stored is the one Teams' roster gives for the chosen person, never the card's.
 */
export function registerRoles(app: Application<GatewayTurnState>, deps: ProjectDeps): void {
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
    return { card: await view(context, actor, project.projectId, roleChangedLine(person.name, before, role, saved)) };
  });
}

/**
 * What the project manager is told after a role change: the role by name, that the person has not been told (TODO:
 * tell them in their personal chat once the proactive sender keeps personal conversation references), and when the
 * change left the project without its senior responsible owner.
 */
function roleChangedLine(name: string, before: ProjectRole | undefined, after: ProjectRole | null, saved: Project): string {
  const changed = after === null ? `${name} is no longer on the project.` : `${name} is now ${ROLE_PHRASES[after]}.`;
  const untold = `I have not told ${name}: please let them know.`;
  const noSro = before === 'sro' && !saved.members.some((m) => m.role === 'sro') ? ' The project now has no senior responsible owner: give someone that role.' : '';
  return `${changed}${noSro} ${untold}`;
}
