import { randomUUID } from 'node:crypto';
import { Application } from '@microsoft/teams-ai';
import type { Storage } from 'botbuilder';
import { TurnState } from '@microsoft/teams-ai';
import { errorSummary } from './log';
import type { Logger } from './log';
import type { ProjectDeps } from './migration/projects/projectDeps';
import type { RolloutGroupRepository, StaffRepository } from './migration/staff/staffRepository';
import { registerRecognition } from './routes/commandSelector';
import { registerFallback } from './routes/fallback';
import { registerQuestionnaire, type QuestionnaireRouteDeps } from './routes/questionnaire';
import { registerGateways } from './routes/gateways';
import { registerHighlight, type HighlightRouteDeps } from './routes/highlight';
import { registerMilestones } from './routes/milestones';
import { registerRoles } from './routes/roles';
import { registerSetUp } from './routes/setUp';
import { registerProjectDetails } from './routes/projectDetails';
import { registerRisks, type RiskRouteDeps } from './routes/risks';
import { registerRollout, type RolloutRouteDeps } from './routes/rollout';
import { registerRegistrations } from './routes/registrations';
import { registerSignOff } from './routes/signOff';
import { registerStatus } from './routes/status';
import { registerWalkthrough } from './routes/walkthrough';
import { registerWhenDoIMigrate, type StaffAnswerRouteDeps } from './routes/whenDoIMigrate';
import { registerHelp } from './routes/help';
import { registerInstall } from './routes/install';
import type { InstallLinkRouteDeps } from './routes/installLink';
import { registerFaq, type FaqRouteDeps } from './routes/faq';
import { registerAskTeam, type AskTeamRouteDeps } from './routes/askTeam';
import { registerStaffImport, type StaffImportRouteDeps } from './routes/staffImport';
import { registerDeleteProject } from './routes/deleteProject';
import type { ProjectEraser } from './migration/projects/deleteProject';
import type { Understanding } from './recognition/understanding';
import type { GatewayTurnState } from './state';
import type { GatewayAdapter } from './teams/gatewayAdapter';
import type { PersonalNotices } from './teams/personalNotices';

/** The staff list and its roll-out groups (#9): the import, the roll-out and staff answers all build on them. */
export interface StaffStores {
  readonly members: StaffRepository;
  readonly groups: RolloutGroupRepository;
}

export interface AppDependencies {
  readonly adapter: GatewayAdapter;
  /** The migration project use cases' ports (Cosmos repositories, clock, ids, the gateway catalogue). */
  readonly projects: ProjectDeps;
  /** The questionnaire's ports on top of the project ones: answers store, question set, export link signer. */
  readonly questionnaire: QuestionnaireRouteDeps;
  /** The risks and issues log's ports on top of the project ones: its store, escalation notices, export links. */
  readonly risks: RiskRouteDeps;
  /** The staff list's stores; the staff routes register only when given. */
  readonly staff?: StaffStores;
  /** A member of staff's own answer and the team's colleague look-up (#10); registered only when given. */
  readonly staffAnswers?: StaffAnswerRouteDeps;
  /** The roll-out (groups, co-existence, checklists, registrations, Portal files); its routes register only when given. */
  readonly rollout?: RolloutRouteDeps;
  /** Messages to people in their personal chats (a role given to them); without it, the reply says they were not told. */
  readonly notices?: PersonalNotices;
  readonly storage: Storage;
  readonly botAppId: string | undefined;
  readonly logger: Logger;
  /** The highlight report's reader and the week's claims; without them `highlight` is not answered. */
  readonly highlight?: Omit<HighlightRouteDeps, 'projects'>;
  /** Staff questions: the understanding (offline NLU, optional language model), the frequent answers and "ask the team"; without them only commands are understood. */
  readonly answers?: AnswerDependencies;
  /** The staff import (file attachments, upload links, the report's buttons, remove staff); registered only when given. */
  readonly staffImport?: Omit<StaffImportRouteDeps, 'projects'>;
  /** `delete project`; registered only when given. */
  readonly eraser?: ProjectEraser;
  /** Matching a person to their staff record when the app is installed for them; without it, only the welcome. */
  readonly installLink?: InstallLinkRouteDeps;
}

export interface AnswerDependencies {
  readonly understanding: Understanding;
  readonly faq: FaqRouteDeps;
  readonly askTeam: AskTeamRouteDeps;
}

/**
 * The teams-ai Application with every route. Routes are tried in the order registered, so the fallback goes last.
 * The typing timer is off: teams-ai shares one timer per Application, so overlapping turns stop each other's, and
 * every typing activity counts against Teams' rate limit.
 */
export function createApp(deps: AppDependencies): Application<GatewayTurnState> {
  const log = deps.logger.child({ module: 'app' });
  const app = new Application<GatewayTurnState>({
    adapter: deps.adapter,
    botAppId: deps.botAppId,
    storage: deps.storage,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    turnStateFactory: () => new TurnState(),
  });

  registerRoutes(app, deps);

  app.error(async (context, error) => {
    const correlationId = randomUUID();
    log.error({ err: errorSummary(error), correlationId, activityType: context.activity.type }, 'turn failed');
    await context.sendActivity(
      `Sorry, something went wrong on our side and I could not finish that. Please try again in a moment. ` +
        `If it keeps happening, give your project team this reference: ${correlationId.slice(0, 8)}`,
    );
  });

  return app;
}

/** What the routes need: the parts of `AppDependencies` that are not the Application's own. */
export type RouteDependencies = Pick<AppDependencies, 'projects' | 'questionnaire' | 'risks' | 'notices' | 'highlight' | 'staff' | 'staffAnswers' | 'answers' | 'rollout' | 'staffImport' | 'eraser' | 'installLink'>;

/**
 * Every route, in the order tried (the fallback last). One list for the app and for the test that checks every card
 * button has a route, so a capability added here cannot be missed there.
 */
export function registerRoutes(app: Application<GatewayTurnState>, deps: RouteDependencies): void {
  registerRecognition(app, deps.answers?.understanding);
  registerInstall(app, deps.installLink);
  // Before the text routes: a file sent with a few words is still the file.
  if (deps.staffImport) registerStaffImport(app, { ...deps.staffImport, projects: deps.projects });
  registerHelp(app);
  registerWalkthrough(app, deps.projects);
  registerSetUp(app, deps.projects);
  registerGateways(app, deps.projects);
  registerStatus(app, deps.projects);
  registerSignOff(app, deps.projects);
  registerRoles(app, deps.projects, deps.notices);
  registerMilestones(app, deps.projects);
  registerProjectDetails(app, deps.projects);
  registerQuestionnaire(app, deps.questionnaire);
  registerRisks(app, deps.risks);
  if (deps.rollout) {
    registerRollout(app, deps.rollout);
    registerRegistrations(app, deps.rollout);
  }
  if (deps.highlight) registerHighlight(app, { ...deps.highlight, projects: deps.projects });
  if (deps.staffAnswers) registerWhenDoIMigrate(app, deps.staffAnswers);
  if (deps.answers) {
    registerFaq(app, deps.answers.faq);
    registerAskTeam(app, deps.answers.askTeam);
  }
  if (deps.eraser) registerDeleteProject(app, { projects: deps.projects, eraser: deps.eraser });
  registerFallback(app);
}
