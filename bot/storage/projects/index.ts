import type { Container } from '@azure/cosmos';
import type { Logger } from 'pino';
import { CosmosGatewayRepository, type CosmosGatewayRepositoryOptions } from './cosmosGatewayRepository';
import { CosmosProjectRepository } from './cosmosProjectRepository';

export { CosmosGatewayRepository } from './cosmosGatewayRepository';
export type { CosmosGatewayRepositoryOptions } from './cosmosGatewayRepository';
export { CosmosProjectRepository } from './cosmosProjectRepository';
export type { CosmosProjectRepositoryOptions } from './cosmosProjectRepository';

/** Both project repositories on the `projects` container, as the composition root wires them. */
export function createProjectRepositories(
  projects: Container,
  options: { readonly logger?: Logger; readonly gateways?: Omit<CosmosGatewayRepositoryOptions, 'logger'> } = {},
): { readonly projects: CosmosProjectRepository; readonly gateways: CosmosGatewayRepository } {
  const logger = options.logger;
  return {
    projects: new CosmosProjectRepository(projects, logger ? { logger } : {}),
    gateways: new CosmosGatewayRepository(projects, { ...options.gateways, ...(logger ? { logger } : {}) }),
  };
}
