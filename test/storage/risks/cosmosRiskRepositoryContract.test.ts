import { afterAll, beforeAll } from 'vitest';
import { CosmosRiskRepository } from '../../../bot/storage/risks/cosmosRiskRepository';
import { describeRiskRepositoryContract } from '../../unit/risks/riskRepositoryContract';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';

let fixture: CosmosFixture;
let repository: CosmosRiskRepository;

beforeAll(async () => {
  fixture = await startCosmosFixture('risk-contract');
  repository = new CosmosRiskRepository(fixture.containers.projects);
});

afterAll(async () => {
  await fixture.close();
});

describeRiskRepositoryContract('Cosmos', () => repository);
