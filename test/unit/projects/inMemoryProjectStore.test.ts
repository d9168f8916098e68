import { describeRepositoryContract } from './repositoryContract';
import { InMemoryProjectStore } from './inMemoryProjectStore';

describeRepositoryContract('in-memory store', () => {
  const store = new InMemoryProjectStore();
  return { projects: store.projects, gateways: store.gateways };
});
