import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { createApp } from './app';
import type { GatewayConfig } from './config';
import { exportEndpoint } from './http/exportEndpoint';
import { createExportLinks } from './http/exportLinks';
import { healthEndpoint } from './http/healthEndpoint';
import { messagesEndpoint } from './http/messagesEndpoint';
import type { Logger } from './log';
import { DEFAULT_GATEWAY_CATALOGUE } from './migration/gateways/catalogue';
import type { ProjectDeps } from './migration/projects/projectDeps';
import { DEFAULT_QUESTION_SET } from './migration/questionnaire/questionSet';
import type { QuestionnaireRouteDeps } from './routes/questionnaire';
import { CosmosQuestionnaireRepository } from './storage/questionnaire/cosmosQuestionnaireRepository';
import { createProjectRepositories } from './storage/projects';
import { startHttpServer } from './server';
import { openStorage } from './storageRuntime';
import type { OpenedStorage } from './storageRuntime';
import { CosmosOperationCounter } from './storage/operationCounter';
import { createAdapter } from './teams/createAdapter';
import { createTurnPipeline } from './turnPipeline';
import { TurnQueue } from './turnQueue';

export interface RuntimeOptions {
  readonly logger: Logger;
  /** Lets tests sign outbound calls without reaching Entra; production uses the adapter's own factory. */
  readonly credentialsFactory?: ServiceClientCredentialsFactory;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly storage: OpenedStorage;
  /** Counts every Cosmos request, so the bench and tests can state the cost of a turn. */
  readonly cosmosOperations: CosmosOperationCounter;
  /** The project use cases' ports as the bot uses them, so tests and the bench can arrange data through them. */
  readonly projects: ProjectDeps;
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
    };
    // Export links name the bot's own address; with PORT=0 it is only known once the server listens.
    const listening: { url?: string } = {};
    const exportLinks = createExportLinks({
      ...(config.exportLinkSecret !== undefined ? { secret: config.exportLinkSecret } : {}),
      baseUrl: () => config.publicBaseUrl ?? listening.url ?? `http://127.0.0.1:${config.port}`,
    });
    const questionnaire: QuestionnaireRouteDeps = {
      ...projects,
      questionnaires: new CosmosQuestionnaireRepository(storage.containers.projects),
      questionSet: DEFAULT_QUESTION_SET,
      exportLinks,
    };
    const app = createApp({
      projects,
      questionnaire,
      adapter,
      storage: storage.stateStorage,
      botAppId: config.auth.kind === 'none' ? undefined : config.auth.appId,
      logger,
    });
    const logic = createTurnPipeline({ app, queue: new TurnQueue(), allowedTenantIds: config.allowedTenantIds, logger });
    const http = await startHttpServer({
      host: config.host,
      port: config.port,
      logger,
      routes: {
        messages: messagesEndpoint({ adapter, allowedServiceUrlHosts: config.allowedServiceUrlHosts, logger, logic }),
        health: healthEndpoint(storage.isReachable),
        exports: exportEndpoint({ links: exportLinks, deps: questionnaire, logger }),
      },
    });
    listening.url = http.url;
    let closing: Promise<void> | undefined;
    return {
      url: http.url,
      port: http.port,
      storage,
      cosmosOperations,
      projects,
      close: () => {
        closing ??= (async () => {
          await http.close();
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
