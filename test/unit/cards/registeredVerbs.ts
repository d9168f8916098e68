import type { Application } from '@microsoft/teams-ai';
import { registerRoutes, type RouteDependencies } from '../../../bot/app';
import type { QuestionnaireRouteDeps } from '../../../bot/routes/questionnaire';
import type { RiskRouteDeps } from '../../../bot/routes/risks';
import type { ProjectDeps } from '../../../bot/migration/projects/projectDeps';
import type { GatewayTurnState } from '../../../bot/state';

export interface RegisteredVerbs {
  readonly execute: ReadonlySet<string>;
  readonly submit: ReadonlySet<string>;
}

/**
 * The verbs the bot's routes answer, as each registers them with the Application's public route API (nothing
 * runs: the handlers are only recorded). The same `registerRoutes` that `createApp` calls, so a verb a card sends
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
  registerRoutes(app, {
    projects: {} as ProjectDeps,
    questionnaire: {} as QuestionnaireRouteDeps,
    risks: {} as RiskRouteDeps,
    highlight: {} as NonNullable<RouteDependencies['highlight']>,
    answers: {} as NonNullable<RouteDependencies['answers']>,
    rollout: {} as NonNullable<RouteDependencies['rollout']>,
    staffImport: {} as NonNullable<RouteDependencies['staffImport']>,
    eraser: {} as NonNullable<RouteDependencies['eraser']>,
  });
  return { execute, submit };
}
