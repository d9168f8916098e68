import { validateProjectSetup, type ProjectSetupInput, type SetupHint } from '../gateways/projectSetup';
import { ValidationFailed } from '../shared/errors';
import { todayInLondon } from '../shared/ukDates';
import { assertActor, personOf, type Actor } from './actor';
import { isProjectId, projectDetailsOf, type Project } from './project';
import type { ProjectDeps } from './projectDeps';
import { ProjectAlreadySetUp } from './projectErrors';

export interface SetUpProjectCommand {
  readonly actor: Actor;
  /** The team the set-up card was sent from; absent in a personal chat. */
  readonly teamId?: string;
  /** Where reports should go (the channel's conversation reference id); opaque here. */
  readonly reportsConversationRef?: string;
  /** The set-up card's inputs, untrusted. */
  readonly form: ProjectSetupInput;
}

export interface SetUpProjectResult {
  readonly project: Project;
  /** Worth a second look, never blocking (an unusual ODS code, many new accounts). */
  readonly hints: readonly SetupHint[];
}

/**
 * Sets up a migration project with its creator as project manager.
 * Throws ValidationFailed (every bad answer at once) or ProjectAlreadySetUp.
 */
export async function setUpProject(deps: ProjectDeps, command: SetUpProjectCommand): Promise<SetUpProjectResult> {
  assertActor(command.actor);
  const teamId = optionalText(command.teamId);
  const setup = validateProjectSetup(command.form, deps.approvalSettings, todayInLondon(deps.clock.now()));
  if (!setup.ok) throw new ValidationFailed(setup.errors);

  // A friendly early answer; the store's team claim is what really guarantees one project per team.
  if (teamId !== undefined) {
    const existing = await deps.projects.findByTeam(command.actor.tenantId, teamId);
    if (existing) throw new ProjectAlreadySetUp(existing.projectId, existing.organisationName);
  }

  const projectId = deps.ids.newId();
  if (!isProjectId(projectId)) throw new Error('The id generator gave an id that cannot name a project');
  const creator = personOf(command.actor);
  const at = deps.clock.now().toISOString();
  const reportsConversationRef = optionalText(command.reportsConversationRef);
  const { value } = setup;
  const project: Project = {
    projectId,
    tenantId: command.actor.tenantId,
    ...(teamId !== undefined ? { teamId } : {}),
    ...(reportsConversationRef !== undefined ? { reportsConversationRef } : {}),
    ...projectDetailsOf(value),
    odsCode: value.odsCode,
    createdBy: creator,
    createdAt: at,
    members: [
      {
        userId: command.actor.userId,
        ...(command.actor.aadObjectId !== undefined ? { aadObjectId: command.actor.aadObjectId } : {}),
        name: creator.name,
        role: 'project-manager',
      },
    ],
    milestones: [],
  };

  const created = await deps.projects.create(project, [{ kind: 'project-set-up', at, by: creator }]);
  switch (created.outcome) {
    case 'created':
      return { project, hints: setup.hints };
    case 'team-taken': {
      const existing = await deps.projects.get(created.existingProjectId);
      throw new ProjectAlreadySetUp(created.existingProjectId, existing?.organisationName);
    }
    case 'id-taken':
      throw new Error('The id generator repeated a project id');
  }
}

function optionalText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
