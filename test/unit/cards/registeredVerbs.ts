import type { Application } from '@microsoft/teams-ai';
import { registerGateways } from '../../../bot/routes/gateways';
import { registerHelp } from '../../../bot/routes/help';
import { registerHighlight, type HighlightRouteDeps } from '../../../bot/routes/highlight';
import { registerMilestones } from '../../../bot/routes/milestones';
import { registerQuestionnaire, type QuestionnaireRouteDeps } from '../../../bot/routes/questionnaire';
import { registerRoles } from '../../../bot/routes/roles';
import { registerSetUp } from '../../../bot/routes/setUp';
import { registerSignOff } from '../../../bot/routes/signOff';
import { registerStatus } from '../../../bot/routes/status';
import { registerWalkthrough } from '../../../bot/routes/walkthrough';
import { registerProjectDetails } from '../../../bot/routes/projectDetails';
import { registerRisks, type RiskRouteDeps } from '../../../bot/routes/risks';
import type { ProjectDeps } from '../../../bot/migration/projects/projectDeps';
import type { GatewayTurnState } from '../../../bot/state';

export interface RegisteredVerbs {
  readonly execute: ReadonlySet<string>;
  readonly submit: ReadonlySet<string>;
}

/**
 * The verbs the bot's routes answer, as each registers them with the Application's public route API (nothing
 * runs: the handlers are only recorded). The same register functions `createApp` calls, so a verb a card sends
 * but no route registers is found here rather than by a person pressing a dead button.
 */
export function registeredVerbs(): RegisteredVerbs {
  const execute = new Set<string>();
  const submit = new Set<string>();
  const ignore = (): void => undefined;
  const recorder = {
    message: ignore,
    activity: ignore,
    conversationUpdate: ignore,
    turn: ignore,
    adaptiveCards: {
      actionExecute: (verb: string) => void execute.add(verb),
      actionSubmit: (verb: string) => void submit.add(verb),
    },
  };
  // Only registration runs, which reads neither dependency.
  const app = recorder as unknown as Application<GatewayTurnState>;
  const deps = {} as ProjectDeps;
  registerHelp(app);
  registerWalkthrough(app, deps);
  registerSetUp(app, deps);
  registerProjectDetails(app, deps);
  registerGateways(app, deps);
  registerStatus(app, deps);
  registerSignOff(app, deps);
  registerRoles(app, deps);
  registerMilestones(app, deps);
  registerQuestionnaire(app, deps as QuestionnaireRouteDeps);
  registerRisks(app, deps as RiskRouteDeps);
  registerHighlight(app, {} as HighlightRouteDeps);
  return { execute, submit };
}
