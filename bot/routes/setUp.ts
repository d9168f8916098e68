import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import { PROJECT_SETUP_FIELDS, projectSetupCard } from '../../cards/projectSetupCard';
import { projectSetUpDoneCard } from '../../cards/projectSetUpDoneCard';
import { statusCardJson } from '../../cards/statusCard';
import { Verbs } from '../../cards/verbs';
import type { ProjectSetupInput } from '../migration/gateways/projectSetup';
import { validateProjectSetup } from '../migration/gateways/projectSetup';
import { findTeamProject } from '../migration/projects/findProjects';
import { getStatus } from '../migration/projects/getStatus';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { setUpProject } from '../migration/projects/setUpProject';
import { ValidationFailed } from '../migration/shared/errors';
import { todayInLondon } from '../migration/shared/ukDates';
import type { GatewayTurnState } from '../state';
import { actorFrom, teamIdOf } from '../teams/actorFrom';
import { sendCard, updateCard } from '../teams/cardMessage';
import { reportsTargetOf } from '../teams/conversationRef';
import { summariseProject } from '../migration/projects/project';
import { commandIs } from './commandSelector';
import { isRefusal, orFriendlyError } from './replies';

/**
 * Setting up a project: `set up project` shows the form; "Check and continue" checks every answer at once and shows
 * the form again with each problem under its field, or, when an answer is unusual but allowed (an ODS code that
 * matches no known pattern, a site code, over 500 new accounts), asks to confirm; "Create the project" saves it. The form carries
 * its own answers, so nothing is held between presses and a half-filled form is never saved.
 *
 * Only in a team: a project lives in its team, whose roster is where roles are given from, so a project set up in a
 * personal or group chat could never have a team. There the person is told how to start it in the team instead.
 */
export function registerSetUp(app: Application<GatewayTurnState>, deps: ProjectDeps): void {
  app.message(commandIs('set-up'), async (context) => {
    const teamId = teamIdOf(context);
    if (teamId === undefined) return void (await context.sendActivity(SET_UP_IN_THE_TEAM));
    const existing = await findTeamProject(deps, { actor: actorFrom(context), teamId });
    if (existing) {
      await context.sendActivity(
        `This team already has a migration project: ${existing.project.organisationName} (${existing.project.odsCode}). Type @Gateway status to see it.`,
      );
      return;
    }
    await sendCard(context, projectSetupCard());
  });

  app.adaptiveCards.actionSubmit<Record<string, unknown>>(Verbs.projectSetupSubmit, async (context, _state, data) => {
    if (teamIdOf(context) === undefined) return void (await context.sendActivity(SET_UP_IN_THE_TEAM));
    const form = formFrom(data);
    const checked = validateProjectSetup(form, deps.approvalSettings, todayInLondon(deps.clock.now()));
    if (!checked.ok) return replaceCard(context, projectSetupCard({ values: form, errors: checked.errors }));
    const worthStopping = checked.hints.filter((h) => h.confirm);
    if (worthStopping.length > 0) return replaceCard(context, projectSetupCard({ values: form, hints: worthStopping }));
    await create(context, deps, form);
  });

  app.adaptiveCards.actionSubmit<Record<string, unknown>>(Verbs.projectSetupConfirm, async (context, _state, data) => {
    if (teamIdOf(context) === undefined) return void (await context.sendActivity(SET_UP_IN_THE_TEAM));
    await create(context, deps, formFrom(data));
  });

  app.adaptiveCards.actionSubmit(Verbs.projectSetupCancel, async (context) => {
    await context.sendActivity('Set-up cancelled. Nothing was saved. Type set up project whenever you are ready.');
  });
}

/** Said in a personal or group chat, where a project could never be given a team. */
export const SET_UP_IN_THE_TEAM =
  'A migration project lives in its project team, so that everyone on it can be given a role from the team. ' +
  'Add Gateway to your project team in Teams, then type @Gateway set up project in one of its channels. Nothing was set up here.';

async function create(context: TurnContext, deps: ProjectDeps, form: ProjectSetupInput): Promise<void> {
  const actor = actorFrom(context);
  const teamId = teamIdOf(context);
  const result = await orFriendlyError(() =>
    setUpProject(deps, { actor, form, reportsConversationRef: reportsTargetOf(context), ...(teamId === undefined ? {} : { teamId }) }),
  );
  if (isRefusal(result)) {
    if (result.error instanceof ValidationFailed) return replaceCard(context, projectSetupCard({ values: form, errors: result.error.fieldErrors }));
    await context.sendActivity(result.refused);
    return;
  }
  const { project } = result;
  // The form gives way to the confirmation, so its buttons cannot be pressed again and no old error stays on show.
  await replaceCard(context, projectSetUpDoneCard(summariseProject(project)));
  await sendCard(context, statusCardJson(await getStatus(deps, { actor, projectId: project.projectId })));
}

/** The form's answers, exactly as submitted: validation is the domain's job. */
function formFrom(data: Record<string, unknown>): ProjectSetupInput {
  return Object.fromEntries(PROJECT_SETUP_FIELDS.map((field) => [field, data[field]]));
}

/** Shows the form again in place of the one just submitted, so the chat does not fill up with copies. */
async function replaceCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const replyToId = context.activity.replyToId;
  if (replyToId !== undefined) {
    try {
      await updateCard(context, replyToId, card);
      return;
    } catch {
      // Some clients cannot update that message; a fresh copy still gets the person on.
    }
  }
  await sendCard(context, card);
}
