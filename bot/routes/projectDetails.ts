import type { Application } from '@microsoft/teams-ai';
import { versionInput } from '../../cards/cardData';
import { PROJECT_SETUP_FIELDS, projectSetupCard } from '../../cards/projectSetupCard';
import { cutoverLine } from '../../cards/statusCard';
import { Verbs } from '../../cards/verbs';
import type { ProjectSetupInput } from '../migration/gateways/projectSetup';
import type { Actor } from '../migration/projects/actor';
import { editProjectDetails, projectDetailsForm } from '../migration/projects/editProjectDetails';
import { getStatus } from '../migration/projects/getStatus';
import { loadProjectFor } from '../migration/projects/projectAccess';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { assertCan } from '../migration/gateways/roles';
import type { FieldError } from '../migration/shared/errors';
import { ValidationFailed } from '../migration/shared/errors';
import { formatUkDate } from '../migration/shared/ukDates';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { onCardAction } from './cardAction';
import { commandIs } from './commandSelector';
import { answerForProject } from './projectContext';
import { isRefusal, orFriendlyError } from './replies';

/** How each field is named in "Saved: the cutover date and the new accounts." */
const FIELD_NAMES: Readonly<Record<keyof ProjectSetupInput, string>> = {
  organisationName: 'the organisation name',
  odsCode: 'the ODS code',
  migrationMethod: 'the migration method',
  approximateUsers: 'the number of people moving',
  newAccounts: 'the new accounts',
  phasing: 'the phasing',
  plannedStart: 'the planned start',
  cutover: 'the cutover date',
};

/**
 * `project details` (or `edit project`): set-up's form again, filled in with the project as it is, for the project
 * manager or SRO to change what has moved on (the cutover, the numbers, the method). A refused answer comes back
 * under its field with everything else as typed; a form older than someone else's change is refused and shows the
 * details as they now are.
 */
export function registerProjectDetails(app: Application<GatewayTurnState>, deps: ProjectDeps): void {
  const view = async (actor: Actor, projectId: unknown, shown: { values?: ProjectSetupInput; errors?: readonly FieldError[]; message?: string } = {}) => {
    const { project, role } = await loadProjectFor(deps, actor, projectId);
    assertCan(role, 'edit-project');
    return projectSetupCard({
      values: shown.values ?? projectDetailsForm(project),
      editing: { projectId: project.projectId, detailsVersion: project.detailsVersion ?? 0, odsCode: project.odsCode },
      ...(shown.errors === undefined ? {} : { errors: shown.errors }),
      ...(shown.message === undefined ? {} : { message: shown.message }),
    });
  };

  app.message(commandIs('project-details'), async (context) => {
    await answerForProject(deps, context, (actor, projectId) => view(actor, projectId), { verb: Verbs.projectDetailsShow, purpose: 'change the project details' });
  });

  onCardAction(app, Verbs.projectDetailsShow, async (context, _state, data) => ({ card: await view(actorFrom(context), data.projectId) }));

  onCardAction(app, Verbs.projectDetailsSave, async (context, _state, data) => {
    const actor = actorFrom(context);
    const form: ProjectSetupInput = Object.fromEntries(PROJECT_SETUP_FIELDS.filter((f) => f !== 'odsCode').map((f) => [f, data[f]]));
    const saved = await orFriendlyError(() => editProjectDetails(deps, { actor, projectId: String(data.projectId), expectedVersion: versionInput(data), form }));
    if (isRefusal(saved)) {
      if (saved.error instanceof ValidationFailed) return { card: await view(actor, data.projectId, { values: form, errors: saved.error.fieldErrors }) };
      // Someone else's change (or a role lost meanwhile): the details as they now are, with why.
      return { card: await view(actor, data.projectId, { message: saved.refused }) };
    }
    const { changedFields, hints, project } = saved;
    if (changedFields.length === 0) return { card: await view(actor, project.projectId, { message: 'Nothing had changed, so nothing was saved.' }) };
    const { daysToCutover } = await getStatus(deps, { actor, projectId: project.projectId });
    const message = [
      `Saved: ${listOf(changedFields.map((f) => FIELD_NAMES[f]))}.`,
      `${cutoverLine(daysToCutover, formatUkDate(project.plannedCutover))}.`,
      ...hints.filter((h) => changedFields.includes(h.field)).map((h) => h.message),
    ].join(' ');
    return { card: await view(actor, project.projectId, { message }) };
  });
}

function listOf(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} and ${values.at(-1) ?? ''}`;
}
