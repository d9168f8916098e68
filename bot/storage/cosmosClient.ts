import { CosmosClient } from '@azure/cosmos';
import type { CosmosClientOptions, PluginConfig } from '@azure/cosmos';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import * as https from 'node:https';
import type { CosmosOperationCounter } from './operationCounter';

export interface CosmosClientSettings {
  endpoint: string;
  /** Account key (or the emulator key). Leave unset in Azure to use Entra ID instead. */
  key?: string;
  /** Client id of a user-assigned managed identity; ignored when a key is given. */
  managedIdentityClientId?: string;
  counter?: CosmosOperationCounter;
}

/**
 * `plugins` works in @azure/cosmos 4.9 (ClientContext reads it) but is marked hidden and
 * missing from the public options type, so it is added here rather than cast away.
 */
type CosmosClientOptionsWithPlugins = CosmosClientOptions & { plugins?: PluginConfig[] };

/**
 * Shared so every client reuses warm TLS connections. Only for https: the SDK's own
 * default for http is already a keep-alive agent, and handing it a custom agent for an
 * http endpoint makes it refuse the request ("allowInsecureConnection is false").
 */
const keepAliveHttpsAgent = new https.Agent({ keepAlive: true, minVersion: 'TLSv1.2' });

/** A user-assigned identity must be named explicitly; otherwise let the default chain (CLI, env, MSI) decide. */
export function createCosmosCredential(managedIdentityClientId?: string): TokenCredential {
  return managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: managedIdentityClientId })
    : new DefaultAzureCredential();
}

/**
 * One place that knows how Gateway talks to Cosmos, for Azure and the embedded server alike.
 * Endpoint discovery is off: the embedded server advertises https:// locations it does not
 * serve, and in Azure a single-region account gains nothing from discovery but a request.
 */
export function createCosmosClient(settings: CosmosClientSettings): CosmosClient {
  const url = new URL(settings.endpoint);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Cosmos endpoint must be http:// or https://, got ${url.protocol}`);
  }
  if (settings.key === '') {
    throw new Error('Cosmos key is empty: unset it to use Entra ID, or give the account key');
  }
  const useKey = settings.key !== undefined;
  if (!useKey && url.protocol === 'http:') {
    // The SDK's bearer-token policy refuses plain HTTP anyway; fail here with a clearer reason.
    throw new Error('Entra ID tokens are never sent over plain HTTP: give a key for an http:// Cosmos endpoint');
  }

  const options: CosmosClientOptionsWithPlugins = {
    endpoint: settings.endpoint,
    ...(useKey ? { key: settings.key } : { aadCredentials: createCosmosCredential(settings.managedIdentityClientId) }),
    connectionPolicy: { enableEndpointDiscovery: false },
    ...(url.protocol === 'https:' ? { agent: keepAliveHttpsAgent } : {}),
    ...(settings.counter ? { plugins: [settings.counter.plugin] } : {}),
    userAgentSuffix: 'gateway-bot',
  };
  return new CosmosClient(options);
}
