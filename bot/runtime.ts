import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { createApp } from './app';
import type { GatewayConfig } from './config';
import { exportEndpoint } from './http/exportEndpoint';
import { createExportLinks } from './http/exportLinks';
import { healthEndpoint } from './http/healthEndpoint';
import { entraJobTokenValidator } from './http/entraJobToken';
import { jobsEndpoint } from './http/jobsEndpoint';
import { highlightComposer } from './jobs/highlightPost';
import type { HighlightDeps } from './migration/reports/readHighlight';
import { CosmosHighlightSource } from './storage/reports/cosmosHighlightSource';
import { CosmosRiskRepository } from './storage/risks';
import { CATCH_UP, JobRunner, type RunRequest } from './jobs/jobRunner';
import { cronSchedule, defaultSlotHasCome, type ScheduledJob } from './jobs/scheduler';
import { SlotTicker, startTicking } from './jobs/slotTicker';
import { deliverHighlightNow, dueByNow, runWeeklyHighlights, type ComposeHighlight, type JobTuning, type RunScope, type RunSummary } from './jobs/weeklyHighlightJob';
import { CosmosRolloutGroupRepository, CosmosStaffRepository } from './storage/staff';
import { CosmosStaffDirectory } from './storage/staff/cosmosStaffDirectory';
import { CosmosStaffLinks } from './storage/staff/cosmosStaffLinks';
import type { StaffAnswerRouteDeps } from './routes/whenDoIMigrate';
import { privateCardSender } from './teams/privateCard';
import { projectOfMatchedPerson } from './migration/answers/personal/projectOfPerson';
import type { Actor } from './migration/projects/actor';
import { runCutoverReminders, type CutoverReminderRunSummary } from './jobs/cutoverReminderJob';
import { CosmosScheduledGroups } from './storage/staff/cosmosScheduledGroups';
import { CosmosRegistrationCounts, CosmosRolloutPlanRepository } from './storage/staff/cosmosRolloutPlan';
import type { RolloutRouteDeps } from './routes/rollout';
import { registrationFigures } from './migration/staff/rollout/registrationsUseCases';
import { REGISTRATIONS_REMINDER_CRON, runRegistrationsReminders, type ReminderRunSummary } from './jobs/registrationsReminder';
import { messagesEndpoint } from './http/messagesEndpoint';
import type { Logger } from './log';
import { DEFAULT_GATEWAY_CATALOGUE } from './migration/gateways/catalogue';
import type { ProjectDeps } from './migration/projects/projectDeps';
import { DEFAULT_QUESTION_SET } from './migration/questionnaire/questionSet';
import type { QuestionnaireRouteDeps } from './routes/questionnaire';
import type { RiskRouteDeps } from './routes/risks';
import { escalationNotifier } from './teams/escalationNotifier';
import { personalNotices } from './teams/personalNotices';
import { undeliveredNotifier } from './teams/undeliveredNotifier';
import { overdueReviewNotifier } from './teams/overdueReviewNotifier';
import { CosmosQuestionnaireRepository } from './storage/questionnaire/cosmosQuestionnaireRepository';
import { createProjectRepositories } from './storage/projects';
import { startHttpServer } from './server';
import { openStorage } from './storageRuntime';
import type { OpenedStorage } from './storageRuntime';
import { CosmosOperationCounter } from './storage/operationCounter';
import { CosmosReferenceStore } from './storage/conversations/cosmosReferenceStore';
import { CosmosClaimStore } from './storage/jobs/cosmosClaimStore';
import { CosmosDueProjects } from './storage/jobs/cosmosDueProjects';
import { CosmosChecklistLogSources } from './storage/jobs/cosmosChecklistLogSources';
import { createAdapter } from './teams/createAdapter';
import type { ReferenceStore } from './teams/conversationReferences';
import { abortableSleep, cloudAdapterPoster, ProactiveSender, type ProactiveSenderDeps } from './teams/proactiveSender';
import { referenceCapture } from './teams/referenceCapture';
import type { InstallLinkDeps } from './migration/answers/personal/installedPeople';
import { CosmosInstalledPeople } from './storage/staff/cosmosInstalledPeople';
import { createTurnPipeline } from './turnPipeline';
import { sharedOfflineNlu } from './recognition/nlu/offlineNlu';
import { understandWith } from './recognition/understanding';
import { azureOpenAiRecogniser, type AzureOpenAiRecogniserDeps } from './recognition/model/azureOpenAiRecogniser';
import { DEFAULT_FAQ_SETTINGS } from './migration/answers/faq/faqSettings';
import { CosmosAskTeamRepository } from './storage/answers/cosmosAskTeamRepository';
import { projectChannelPoster } from './teams/askTeamChannel';
import type { AnswerDependencies } from './app';
import { CosmosStaffImportStore } from './storage/staff/cosmosStaffImportStore';
import { CosmosProjectEraser } from './storage/projects/cosmosProjectEraser';
import { StaffImportJobs } from './jobs/staffImportJobs';
import { csvParseReader } from './imports/csvParseReader';
import { cardsInPlace } from './teams/cardInPlace';
import { createUploadLinks } from './http/uploadLinks';
import { uploadEndpoint } from './http/uploadEndpoint';
import type { StaffImportDeps } from './migration/staff/import/importStaffList';
import { TurnQueue } from './turnQueue';

export interface RuntimeOptions {
  readonly logger: Logger;
  /** Lets tests sign outbound calls without reaching Entra; production uses the adapter's own factory. */
  readonly credentialsFactory?: ServiceClientCredentialsFactory;
  /** What the weekly run posts; the interim status composer when absent. */
  readonly composeHighlight?: ComposeHighlight;
  /** Tests: a fake clock and sleep for the sender and the run, tighter limits, shorter leases. */
  readonly proactive?: Pick<ProactiveSenderDeps, 'now' | 'sleep' | 'random' | 'limits' | 'retry'> & {
    readonly tuning?: Partial<JobTuning>;
    /** How often the in-process scheduler looks for projects' own slots come due (a minute when absent). */
    readonly slotTickMs?: number;
  };
  /** Tests: how often a staff import's card is updated at most (3 s when absent). */
  readonly staffImportProgressMs?: number;
  /** Tests: how the optional Azure OpenAI model reaches a fake endpoint (its certificate) and its breaker's clock. */
  readonly languageModel?: Pick<AzureOpenAiRecogniserDeps, 'httpAgent' | 'circuit'>;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly storage: OpenedStorage;
  /** Counts every Cosmos request, so the bench and tests can state the cost of a turn. */
  readonly cosmosOperations: CosmosOperationCounter;
  /** The project use cases' ports as the bot uses them, so tests and the bench can arrange data through them. */
  readonly projects: ProjectDeps;
  /** Runs the month-end registrations reminder now (as the daily timer does), as if at `at` when given (tests). */
  readonly runRegistrationsReminders: (at?: Date) => Promise<ReminderRunSummary>;
  /** The staff list and roll-out groups on Cosmos, for tests and the bench to arrange and check data. */
  readonly staff: { readonly members: CosmosStaffRepository; readonly groups: CosmosRolloutGroupRepository };
  /** Staff imports running in the background (tests wait for them with `idle()`). */
  readonly staffImports: StaffImportJobs;
  /** The stored conversation references, for tests and later jobs (e.g. telling a PM something). */
  readonly references: ReferenceStore;
  /** Runs the weekly highlight now and waits for it (tests, the bench); the timer and endpoint use the runner. */
  readonly runWeeklyHighlights: (options?: { readonly week?: string; readonly runId?: string; readonly signal?: AbortSignal; readonly scope?: RunScope }) => Promise<RunSummary>;
  readonly jobRunner: JobRunner;
  /** Runs the cutover reminders now (tests, the bench); `today` stands in for the London date. The timer uses `reminderRunner`. */
  readonly runCutoverReminders: (options?: { readonly today?: string; readonly runId?: string }) => Promise<CutoverReminderRunSummary>;
  readonly reminderRunner: JobRunner<CutoverReminderRunSummary>;
  /** Finishes turns in flight, then saves and closes storage. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The whole bot from a config: storage, adapter, app, HTTP. `index.ts`, the tests and the bench all start the bot
 * through here, so what is tested is what runs.
 */
export async function startGateway(config: GatewayConfig, options: RuntimeOptions): Promise<RunningGateway> {
  const { logger } = options;
  const cosmosOperations = new CosmosOperationCounter();
  const storage = await openStorage(config.storage, { logger, counter: cosmosOperations });
  try {
    const adapter = createAdapter(config.auth, options.credentialsFactory, logger);
    const repositories = createProjectRepositories(storage.containers.projects, { logger: logger.child({ module: 'projects' }) });
    const projects: ProjectDeps = {
      projects: repositories.projects,
      gateways: repositories.gateways,
      clock: { now: () => new Date() },
      conflictBackoff: { pause: (ms) => sleep(ms), random: () => Math.random() },
      ids: { newId: () => randomUUID() },
      catalogue: DEFAULT_GATEWAY_CATALOGUE,
      checklistLogs: new CosmosChecklistLogSources(storage.containers.projects),
    };
    // Export links name the bot's own address; with PORT=0 it is only known once the server listens.
    const listening: { url?: string } = {};
    const exportLinks = createExportLinks({
      ...(config.exportLinkSecret !== undefined ? { secret: config.exportLinkSecret } : {}),
      baseUrl: () => config.publicBaseUrl ?? listening.url ?? `http://127.0.0.1:${config.port}`,
    });
    const riskRepository = new CosmosRiskRepository(storage.containers.projects);
    const staff = {
      members: new CosmosStaffRepository(storage.containers.projects, { logger: logger.child({ module: 'staff' }) }),
      groups: new CosmosRolloutGroupRepository(storage.containers.projects),
    };
    const questionnaire: QuestionnaireRouteDeps = {
      ...projects,
      risks: riskRepository,
      questionnaires: new CosmosQuestionnaireRepository(storage.containers.projects),
      questionSet: DEFAULT_QUESTION_SET,
      exportLinks,
      riskSettings: config.risks,
    };
    const rollout: RolloutRouteDeps = {
      ...projects,
      staff: staff.members,
      groups: staff.groups,
      plans: new CosmosRolloutPlanRepository(storage.containers.projects),
      registrations: new CosmosRegistrationCounts(storage.containers.projects),
      questionnaire: questionnaire.questionnaires,
      backoff: projects.conflictBackoff,
      accountFileLink: (projectId, userId, file) => exportLinks.issueAccountFile(projectId, userId, file),
      // The same roll-out settings for the routes, the Portal files' download, the highlight's rule and the reminder.
      settings: config.rollout,
    };
    const proactive = options.proactive ?? {};
    const jobClock = { now: () => new Date((proactive.now ?? Date.now)()) };
    const claims = new CosmosClaimStore(storage.containers.projects);
    const highlight: HighlightDeps = {
      source: new CosmosHighlightSource(storage.containers.projects),
      risks: riskRepository,
      clock: jobClock,
      catalogue: DEFAULT_GATEWAY_CATALOGUE,
      riskSettings: config.risks,
      registrationsBehind: async (projectId) => (await registrationFigures({ ...rollout, clock: jobClock }, projectId)).behind,
    };
    const botAppId = config.auth.kind === 'none' ? '' : config.auth.appId;
    const sender = new ProactiveSender({
      poster: cloudAdapterPoster(adapter, botAppId),
      allowedServiceUrlHosts: config.allowedServiceUrlHosts,
      logger,
      ...proactive,
    });
    const references = new CosmosReferenceStore(storage.containers.projects);
    const notices = personalNotices({ references, sender, logger });
    const risks: RiskRouteDeps = {
      ...projects,
      risks: riskRepository,
      riskSettings: config.risks,
      notifyEscalation: escalationNotifier({ projects: projects.projects, notices }),
      riskExportLink: (projectId, userId) => exportLinks.issueRiskLog(projectId, userId),
    };
    const staffDirectory = new CosmosStaffDirectory(storage.containers.projects, async (projectId) => (await projects.projects.get(projectId))?.tenantId);
    const staffLinks = new CosmosStaffLinks(storage.containers.projects);
    // People the app was installed for (an administrator's install for everyone), matched as first contact is.
    const installed: InstallLinkDeps = { records: { directory: staffDirectory, links: staffLinks, clock: projects.clock }, installed: new CosmosInstalledPeople(storage.containers.projects) };
    const staffAnswers: StaffAnswerRouteDeps = {
      projects,
      answers: { staff: staff.members, groups: staff.groups, projects: projects.projects, directory: staffDirectory, links: staffLinks, settings: DEFAULT_FAQ_SETTINGS },
      groups: staff.groups,
      directory: staffDirectory,
      sendPrivately: privateCardSender({ references, sender, logger }),
    };
    // "Ask the team" and the frequent answers place a member of staff in their project by the link kept when they were matched.
    const projectOfPerson = (actor: Actor): Promise<string | undefined> => projectOfMatchedPerson({ links: staffLinks, staff: staff.members }, actor);
    // Trained once per process, before the first turn: a few hundred lines take well under a second.
    const offline = await sharedOfflineNlu();
    // Only when configured: by default no message text leaves the tenant.
    const model = config.languageModel === undefined ? undefined : azureOpenAiRecogniser(config.languageModel, { ...options.languageModel, logger: logger.child({ module: 'language-model' }) });
    if (config.languageModel !== undefined) logger.info({ host: new URL(config.languageModel.endpoint).host, deployment: config.languageModel.deployment, auth: config.languageModel.apiKey === undefined ? 'entra-id' : 'key' }, 'staff questions are classified by Azure OpenAI first, offline when it cannot answer');
    const answers: AnswerDependencies = {
      understanding: understandWith({ offline: (text) => offline.recognise(text), ...(model === undefined ? {} : { model }) }),
      faq: { projects: projects.projects, faqSettings: DEFAULT_FAQ_SETTINGS, projectOfPerson },
      askTeam: {
        questions: new CosmosAskTeamRepository(storage.containers.projects),
        projects: projects.projects,
        projectOfPerson,
        clock: projects.clock,
        ids: projects.ids,
        postToChannel: projectChannelPoster({ references, sender, fallbackBotId: botAppId === '' ? undefined : `28:${botAppId}`, logger }),
        notices,
      },
    };
    // The staff import (#9): files from Teams or the upload page, imported in the background, the report in place.
    const staffImportStore = new CosmosStaffImportStore(storage.containers.projects);
    const importDeps: StaffImportDeps = { projects: projects.projects, store: staffImportStore, groups: staff.groups, clock: projects.clock, settings: config.staffImport };
    const uploadLinks = createUploadLinks(exportLinks);
    const cards = cardsInPlace({ adapter, botAppId, allowedServiceUrlHosts: config.allowedServiceUrlHosts, references, sender, logger });
    const staffImports = new StaffImportJobs({
      imports: importDeps,
      reader: csvParseReader,
      cards,
      reportLink: (projectId, userId, importId) => uploadLinks.issueReport(projectId, userId, importId),
      newId: () => projects.ids.newId(),
      logger,
      ...(options.staffImportProgressMs === undefined ? {} : { progressEveryMs: options.staffImportProgressMs }),
    });
    const app = createApp({
      staffImport: {
        jobs: staffImports,
        removal: { projects: projects.projects, staff: staff.members, links: staffLinks, imports: staffImportStore, clock: projects.clock },
        uploadLink: (projectId, userId) => uploadLinks.issueUpload(projectId, userId),
        sendPrivately: privateCardSender({ references, sender, logger }),
        download: { allowLoopback: config.auth.kind === 'none' },
        maxFileBytes: config.staffImport.maxFileBytes,
      },
      eraser: new CosmosProjectEraser(storage.containers.projects),
      installLink: { links: installed, logger },
      staffAnswers,
      answers,
      rollout,
      projects,
      highlight: { report: highlight, claims, postNow: (project, week) => deliverHighlightNow(weeklyDeps, project, week), usualSchedule: config.jobs.weeklyHighlightCron },
      questionnaire,
      risks,
      staff,
      notices,
      adapter,
      storage: storage.stateStorage,
      botAppId: config.auth.kind === 'none' ? undefined : config.auth.appId,
      logger,
    });
    const logic = createTurnPipeline({
      app,
      queue: new TurnQueue(),
      allowedTenantIds: config.allowedTenantIds,
      logger,
      observe: referenceCapture(references, logger),
    });

    const weeklyDeps = {
      due: new CosmosDueProjects(storage.containers.projects),
      claims,
      references,
      sender,
      compose: options.composeHighlight ?? highlightComposer(highlight),
      now: jobClock.now,
      sleep: proactive.sleep ?? abortableSleep,
      logger,
      onUndelivered: undeliveredNotifier({ projects: projects.projects, notices }),
      afterPosted: overdueReviewNotifier({ projects: projects.projects, risks: riskRepository, notices, now: jobClock.now }),
      ...(botAppId === '' ? {} : { fallbackBotId: `28:${botAppId}` }),
      ...(proactive.tuning ? { tuning: proactive.tuning } : {}),
    };
    const runWeekly = (runOptions: { readonly week?: string; readonly runId?: string; readonly signal?: AbortSignal; readonly scope?: RunScope } = {}): Promise<RunSummary> =>
      runWeeklyHighlights(weeklyDeps, runOptions);
    // A catch-up (at start, on the default cron, from the job endpoint) posts every project whose slot has come this
    // week and is not finished, skipping finished ones by one query; the tick, only the slots that came since the last.
    let ticker: SlotTicker | undefined;
    const runRequest = async ({ runId, signal, request }: { readonly runId: string; readonly signal: AbortSignal; readonly request: RunRequest }): Promise<void> => {
      if (request.kind === 'catch-up') {
        const at = jobClock.now();
        ticker?.coveredUpTo(at);
        await runWeekly({ runId, signal, scope: { filter: dueByNow(at, defaultSlotHasCome(config.jobs.weeklyHighlightCron, at)), at, skipFinished: true } });
        return;
      }
      for (const window of request.windows) {
        if (signal.aborted) return;
        await runWeekly({ runId, signal, scope: { filter: { includeDefault: false, slotMinutes: { after: window.after, upTo: window.upTo } }, at: window.at } });
      }
    };
    const jobRunner = new JobRunner(runRequest, randomUUID, logger);
    const reminderDeps = {
      groups: new CosmosScheduledGroups(storage.containers.projects),
      staff: staff.members,
      links: staffLinks,
      installed,
      projects: projects.projects,
      claims,
      references,
      sender,
      notices,
      settings: DEFAULT_FAQ_SETTINGS,
      reminderDays: config.jobs.cutoverReminderDays,
      now: jobClock.now,
      logger,
      ...(proactive.tuning?.leaseMs === undefined ? {} : { leaseMs: proactive.tuning.leaseMs }),
    };
    const runReminders = (runOptions: { readonly today?: string; readonly runId?: string; readonly signal?: AbortSignal } = {}): Promise<CutoverReminderRunSummary> =>
      runCutoverReminders(reminderDeps, runOptions);
    const reminderRunner = new JobRunner<CutoverReminderRunSummary>(({ runId, signal }) => runReminders({ runId, signal }), randomUUID, logger, 'cutover reminder');
    const http = await startHttpServer({
      host: config.host,
      port: config.port,
      logger,
      routes: {
        messages: messagesEndpoint({ adapter, allowedServiceUrlHosts: config.allowedServiceUrlHosts, logger, logic }),
        health: healthEndpoint(storage.isReachable),
        exports: exportEndpoint({ links: exportLinks, deps: questionnaire, risks, rollout, logger }),
        uploads: uploadEndpoint({ links: uploadLinks, imports: importDeps, jobs: staffImports, cards, logger }),
        ...(config.jobs.apiKey === undefined && config.jobs.entraToken === undefined
          ? {}
          : {
              weeklyHighlights: jobsEndpoint({
                ...(config.jobs.apiKey === undefined ? {} : { key: config.jobs.apiKey }),
                ...(config.jobs.entraToken === undefined ? {} : { token: entraJobTokenValidator(config.jobs.entraToken) }),
                runner: jobRunner,
                logger,
              }),
            }),
      },
    });
    listening.url = http.url;
    // Imports a restart stopped: rolled back before their commit, forward after it; each person is told.
    staffImports.resume();
    const schedule: ScheduledJob | undefined = config.jobs.scheduler ? cronSchedule(config.jobs.weeklyHighlightCron, () => jobRunner.runNow(CATCH_UP)) : undefined;
    let ticking: { stop(): void } | undefined;
    if (schedule) {
      ticker = new SlotTicker(jobRunner, jobClock.now, jobClock.now());
      ticking = startTicking(ticker, proactive.slotTickMs ?? 60_000);
      // What was due while the bot was down (a missed Monday, a project's slot) goes out now; finished weeks are skipped.
      jobRunner.start(CATCH_UP);
      logger.info({ nextRun: schedule.nextRun()?.toISOString() }, 'weekly highlight scheduled in this process');
    }
    const reminderSchedule: ScheduledJob | undefined = config.jobs.scheduler ? cronSchedule(config.jobs.cutoverReminderCron, () => reminderRunner.runNow()) : undefined;
    const runRegistrationReminders = (at?: Date): Promise<ReminderRunSummary> =>
      runRegistrationsReminders({ due: weeklyDeps.due, claims, projects: projects.projects, rollout, notices, now: at === undefined ? jobClock.now : () => at, logger });
    // Daily, so the reminder goes on its day however the month falls; the claim makes it once a month.
    const registrationsReminderSchedule: ScheduledJob | undefined = config.jobs.scheduler
      ? cronSchedule(REGISTRATIONS_REMINDER_CRON, async () => {
          await runRegistrationReminders().catch((err: unknown) => logger.warn({ err: err instanceof Error ? err.name : 'unknown' }, 'registrations reminders failed'));
        })
      : undefined;
    let closing: Promise<void> | undefined;
    return {
      url: http.url,
      port: http.port,
      storage,
      cosmosOperations,
      projects,
      staff,
      references,
      staffImports,
      runWeeklyHighlights: runWeekly,
      runRegistrationsReminders: runRegistrationReminders,
      jobRunner,
      runCutoverReminders: runReminders,
      reminderRunner,
      close: () => {
        closing ??= (async () => {
          schedule?.stop();
          ticking?.stop();
          reminderSchedule?.stop();
          await reminderRunner.stop();
          registrationsReminderSchedule?.stop();
          await jobRunner.stop();
          await http.close();
          // An import cut off here is finished (or rolled back) by the next start; a short wait lets small ones end.
          await Promise.race([staffImports.idle(), sleep(5_000, undefined, { ref: false })]);
          await storage.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await storage.close();
    throw err;
  }
}
