import type { Application } from '@microsoft/teams-ai';
import { deleteProjectCardJson } from '../../cards/staffImportCard';
import { Verbs } from '../../cards/verbs';
import { deleteProject, projectToDelete, type DeleteProjectDeps } from '../migration/projects/deleteProject';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { onCardAction } from './cardAction';
import { commandIs } from './commandSelector';
import { answerForProject } from './projectContext';

/**
 * `delete project` (the project manager only): a card naming the project and what goes with it, then one press
 * deletes every record of it (the staff list and its people's data too). Nothing is deleted by typing alone.
 */
export function registerDeleteProject(app: Application<GatewayTurnState>, deps: { readonly projects: ProjectDeps; readonly eraser: DeleteProjectDeps['eraser'] }): void {
  const useCase: DeleteProjectDeps = { projects: deps.projects.projects, eraser: deps.eraser };
  app.message(commandIs('delete-project'), async (context) => {
    await answerForProject(deps.projects, context, async (actor, projectId) => deleteProjectCardJson(await projectToDelete(useCase, { actor, projectId })), {
      verb: Verbs.command,
      data: { command: 'delete project' },
      purpose: 'delete',
    });
  });

  onCardAction(app, Verbs.projectDelete, async (context, _state, data) => {
    const deleted = await deleteProject(useCase, { actor: actorFrom(context), projectId: data.projectId, odsCode: data.odsCode });
    return { message: `${deleted.name} was deleted: every record of it (${deleted.documents.toLocaleString('en-GB')} in all), the staff list included. Type set up project to start again.` };
  });
}
