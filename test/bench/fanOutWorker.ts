import type { Activity } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';

import { runWeeklyHighlights } from '../../bot/jobs/weeklyHighlightJob';
import { createLogger } from '../../bot/log';
import { createCosmosClient } from '../../bot/storage/cosmosClient';
import { CosmosReferenceStore } from '../../bot/storage/conversations/cosmosReferenceStore';
import { openGatewayDatabase } from '../../bot/storage/database';
import { CosmosClaimStore } from '../../bot/storage/jobs/cosmosClaimStore';
import { CosmosDueProjects } from '../../bot/storage/jobs/cosmosDueProjects';
import { CosmosOperationCounter } from '../../bot/storage/operationCounter';
import { createProjectRepositories } from '../../bot/storage/projects';
import { highlightComposer } from '../../bot/jobs/highlightPost';
import { CosmosHighlightSource } from '../../bot/storage/reports/cosmosHighlightSource';
import { CosmosRiskRepository } from '../../bot/storage/risks';
import { GatewayAdapter } from '../../bot/teams/gatewayAdapter';
import { abortableSleep, cloudAdapterPoster, ProactiveSender } from '../../bot/teams/proactiveSender';

/**
 * The sending process of the fan-out bench: the weekly run exactly as the bot wires it (the highlight composer included),
 * against the parent's embedded Cosmos and fake connector. It prints its Cosmos operation count every 200 ms, so the
 * parent still knows the count of a run it killed.
 */
/**
 * A card of a weekly post's size made without reading anything, so the figures are the delivery machinery's own.
 * (The embedded server answers queries by scanning every document, which at 1,000 projects would make the interim
 * composer's gateway query, not the sending, the bottleneck; Azure Cosmos indexes it.)
 */
const fixedComposer = (projectId: string, week: string): Promise<Partial<Activity>> =>
  Promise.resolve(
    MessageFactory.attachment(
      CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          { type: 'TextBlock', text: `Weekly highlight for ${projectId}, ${week}`, weight: 'Bolder', wrap: true },
          ...Array.from({ length: 6 }, (_, i) => ({ type: 'TextBlock', text: `Gateway ${i + 1}: 12 of 20 items done (60%), 3 required items open`, wrap: true })),
        ],
      }),
    ),
  );

async function main(): Promise<void> {
  const env = process.env;
  const counter = new CosmosOperationCounter();
  const client = createCosmosClient({ endpoint: env.FANOUT_COSMOS_ENDPOINT ?? '', key: env.FANOUT_COSMOS_KEY ?? '', counter });
  const containers = await openGatewayDatabase(client, env.FANOUT_DATABASE ?? '');
  counter.reset();
  const logger = createLogger('silent');
  const repositories = createProjectRepositories(containers.projects);
  const projects = { ...repositories, clock: { now: () => new Date() }, ids: { newId: () => 'unused' }, catalogue: DEFAULT_GATEWAY_CATALOGUE };
  const sender = new ProactiveSender({ poster: cloudAdapterPoster(new GatewayAdapter({}), ''), allowedServiceUrlHosts: ['127.0.0.1'], logger });
  const timer = setInterval(() => process.stdout.write(`ops ${counter.total}\n`), 200);
  const summary = await runWeeklyHighlights(
    {
      due: new CosmosDueProjects(containers.projects),
      claims: new CosmosClaimStore(containers.projects),
      references: new CosmosReferenceStore(containers.projects),
      sender,
      compose: env.FANOUT_COMPOSER === 'interim' ? highlightComposer({ source: new CosmosHighlightSource(containers.projects), risks: new CosmosRiskRepository(containers.projects), clock: projects.clock, catalogue: projects.catalogue }) : fixedComposer,
      now: () => new Date(),
      sleep: abortableSleep,
      logger,
      tuning: { leaseMs: Number(env.FANOUT_LEASE_MS ?? 10_000) },
    },
    { week: env.FANOUT_WEEK ?? '2031-W01' },
  );
  clearInterval(timer);
  process.stdout.write(`ops ${counter.total}\n`);
  process.stdout.write(`summary ${JSON.stringify(summary)}\n`);
  client.dispose();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
