export { CosmosRiskRepository } from './cosmosRiskRepository';
export type { CosmosRiskRepositoryOptions } from './cosmosRiskRepository';
