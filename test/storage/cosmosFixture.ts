import type { CosmosClient } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { createCosmosClient } from '../../bot/storage/cosmosClient';
import type { GatewayContainers } from '../../bot/storage/database';
import { openGatewayDatabase } from '../../bot/storage/database';
import type { EmbeddedCosmos } from '../../bot/storage/embeddedCosmos';
import { startEmbeddedCosmos } from '../../bot/storage/embeddedCosmos';
import type { CosmosOperationCounter } from '../../bot/storage/operationCounter';

/** One embedded server, a client on it and Gateway's containers in a database no other file uses. */
export interface CosmosFixture {
  readonly cosmos: EmbeddedCosmos;
  readonly client: CosmosClient;
  readonly containers: GatewayContainers;
  close(): Promise<void>;
}

export async function startCosmosFixture(prefix: string, counter?: CosmosOperationCounter): Promise<CosmosFixture> {
  const cosmos = await startEmbeddedCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, counter });
  const containers = await openGatewayDatabase(client, `${prefix}-${randomUUID()}`);
  return {
    cosmos,
    client,
    containers,
    close: async () => {
      client.dispose();
      await cosmos.close();
    },
  };
}
