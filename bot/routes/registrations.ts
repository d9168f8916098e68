import type { Application } from '@microsoft/teams-ai';
import { ROLLOUT_INPUTS } from '../../cards/rolloutCardData';
import { registrationsCardJson } from '../../cards/registrationsCard';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../migration/projects/actor';
import { getRegistrations, setPlannedFigures } from '../migration/staff/rollout/registrationsUseCases';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { onCardAction } from './cardAction';
import { commandIs } from './commandSelector';
import { answerForProject } from './projectContext';
import type { RolloutRouteDeps } from './rollout';

/** `registrations`: planned against registered per month, and the planned figures' form (PM and LAs). */
export function registerRegistrations(app: Application<GatewayTurnState>, deps: RolloutRouteDeps): void {
  const registrations = async (actor: Actor, projectId: unknown, message = '') => registrationsCardJson(String(projectId), await getRegistrations(deps, { actor, projectId }), message);

  app.message(commandIs('registrations'), async (context) => {
    await answerForProject(deps, context, (actor, projectId) => registrations(actor, projectId), {
      verb: Verbs.registrationsShow,
      purpose: 'see registrations against plan',
    });
  });

  onCardAction(app, Verbs.registrationsShow, async (context, _state, data) => ({ card: await registrations(actorFrom(context), data.projectId) }));

  onCardAction(
    app,
    Verbs.registrationsPlan,
    async (context, _state, data) => {
      const view = await setPlannedFigures(deps, { actor: actorFrom(context), projectId: data.projectId, text: data[ROLLOUT_INPUTS.planned] ?? '' });
      return { card: registrationsCardJson(data.projectId, view, 'Planned figures saved.') };
    },
    (context, data, message) => registrations(actorFrom(context), data.projectId, message),
  );
}
