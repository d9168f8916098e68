import { InMemoryRiskStore } from './inMemoryRiskStore';
import { describeRiskRepositoryContract } from './riskRepositoryContract';

describeRiskRepositoryContract('in-memory store', () => new InMemoryRiskStore().risks);
