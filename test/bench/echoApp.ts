import { Application, TurnState } from '@microsoft/teams-ai';
import type { Storage } from 'botbuilder';
import { messagesEndpoint } from '../../bot/http/messagesEndpoint';
import { healthEndpoint } from '../../bot/http/healthEndpoint';
import type { Logger } from '../../bot/log';
import { startHttpServer } from '../../bot/server';
import type { HttpServer } from '../../bot/server';
import { GatewayAdapter } from '../../bot/teams/gatewayAdapter';

type EchoState = TurnState<{ echoes?: number }>;

/**
 * The baseline: a bare teams-ai app that echoes text and counts its turns, on the same restify server, adapter and
 * Cosmos storage as Gateway, so the ratio measures what Gateway's own code costs and nothing else.
 */
export async function startEchoApp(storage: Storage, allowedServiceUrlHosts: readonly string[], logger: Logger): Promise<HttpServer> {
  const adapter = new GatewayAdapter({});
  const app = new Application<EchoState>({ adapter, storage, startTypingTimer: false, turnStateFactory: () => new TurnState<{ echoes?: number }>() });
  app.activity('message', async (context, state) => {
    // Like Gateway's measured turn, each echo changes conversation state, so both pay one Cosmos write.
    state.conversation.echoes = (state.conversation.echoes ?? 0) + 1;
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  });
  return startHttpServer({
    host: '127.0.0.1',
    port: 0,
    logger,
    routes: {
      messages: messagesEndpoint({ adapter, allowedServiceUrlHosts, logger, logic: async (context) => void (await app.run(context)) }),
      health: healthEndpoint(() => Promise.resolve(true)),
    },
  });
}
