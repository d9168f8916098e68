export { CosmosStaffRepository } from './cosmosStaffRepository';
export type { CosmosStaffRepositoryOptions } from './cosmosStaffRepository';
export { CosmosRolloutGroupRepository } from './cosmosRolloutGroupRepository';
