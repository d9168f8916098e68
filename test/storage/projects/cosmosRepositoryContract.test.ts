import { afterAll, beforeAll } from 'vitest';
import { CosmosGatewayRepository } from '../../../bot/storage/projects/cosmosGatewayRepository';
import { CosmosProjectRepository } from '../../../bot/storage/projects/cosmosProjectRepository';
import { describeRepositoryContract, type Repositories } from '../../unit/projects/repositoryContract';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';

let fixture: CosmosFixture;
let repositories: Repositories;

beforeAll(async () => {
  fixture = await startCosmosFixture('project-contract');
  repositories = {
    projects: new CosmosProjectRepository(fixture.containers.projects),
    gateways: new CosmosGatewayRepository(fixture.containers.projects),
  };
});

afterAll(async () => {
  await fixture.close();
});

describeRepositoryContract('Cosmos', () => repositories);
