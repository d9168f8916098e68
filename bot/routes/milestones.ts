import type { Application } from '@microsoft/teams-ai';
import { milestoneCardJson } from '../../cards/milestoneCard';
import { Verbs } from '../../cards/verbs';
import { MILESTONE_KINDS } from '../migration/gateways/gatewayState';
import type { MilestoneKind } from '../migration/gateways/gatewayState';
import type { Actor } from '../migration/projects/actor';
import { loadProjectFor } from '../migration/projects/projectAccess';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { recordMilestone } from '../migration/projects/recordMilestone';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { onCardAction } from './cardAction';
import { textInput } from '../../cards/cardData';
import { commandIs } from './commandSelector';
import { answerForProject } from './projectContext';
import { refusalOf } from '../migration/shared/errors';

/** `milestones`: record NHS Digital's dated decisions (pipeline slot, pilot go / no-go, extra accounts approved). */
export function registerMilestones(app: Application<GatewayTurnState>, deps: ProjectDeps): void {
  const view = async (actor: Actor, projectId: unknown, extra: { message?: string; values?: { kind?: string; date?: string; note?: string } } = {}) => {
    const { project } = await loadProjectFor(deps, actor, projectId);
    return milestoneCardJson({ projectId: project.projectId, milestones: project.milestones, ...extra });
  };

  app.message(commandIs('milestones'), async (context) => {
    await answerForProject(deps, context, (actor, projectId) => view(actor, projectId), { verb: Verbs.milestonesShow, purpose: 'record a milestone' });
  });

  onCardAction(app, Verbs.milestonesShow, async (context, _state, data) => ({ card: await view(actorFrom(context), data.projectId) }));

  onCardAction(app, Verbs.milestoneRecord, async (context, _state, data) => {
    const actor = actorFrom(context);
    const values = { kind: textInput(data, 'kind'), date: textInput(data, 'date'), note: textInput(data, 'note') };
    const kind = values.kind;
    if (!isKind(kind)) return { card: await view(actor, data.projectId, { message: 'Please choose what happened.', values }) };
    const refused = await refusalOf(() =>
      recordMilestone(deps, { actor, projectId: String(data.projectId), kind, date: values.date, ...(values.note === '' ? {} : { note: values.note }) }),
    );
    if (refused !== undefined) return { card: await view(actor, data.projectId, { message: refused, values }) };
    return { card: await view(actor, data.projectId, { message: 'Milestone recorded.' }) };
  });
}

function isKind(value: string): value is MilestoneKind {
  return (MILESTONE_KINDS as readonly string[]).includes(value);
}
