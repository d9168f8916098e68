import type { Container } from '@azure/cosmos';
import type { Logger } from 'pino';
import { CosmosGatewayRepository, type CosmosGatewayRepositoryOptions } from './cosmosGatewayRepository';
import { CosmosProjectRepository } from './cosmosProjectRepository';
import { WriteLanes } from '../writeLanes';

export { CosmosGatewayRepository } from './cosmosGatewayRepository';
export type { CosmosGatewayRepositoryOptions } from './cosmosGatewayRepository';
export { CosmosProjectRepository } from './cosmosProjectRepository';
export type { CosmosProjectRepositoryOptions } from './cosmosProjectRepository';

/**
 * Both project repositories on the `projects` container, as the composition root wires them, sharing one set of
 * write lanes (pass `writeLanes` to share it with the questionnaire repository too).
 */
export function createProjectRepositories(
  projects: Container,
  options: { readonly logger?: Logger; readonly gateways?: Omit<CosmosGatewayRepositoryOptions, 'logger' | 'writeLanes'>; readonly writeLanes?: WriteLanes } = {},
): { readonly projects: CosmosProjectRepository; readonly gateways: CosmosGatewayRepository } {
  const logger = options.logger;
  const writeLanes = options.writeLanes ?? new WriteLanes();
  return {
    projects: new CosmosProjectRepository(projects, { writeLanes, ...(logger ? { logger } : {}) }),
    gateways: new CosmosGatewayRepository(projects, { ...options.gateways, writeLanes, ...(logger ? { logger } : {}) }),
  };
}
