import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE, getStage } from '../../../bot/migration/gateways/catalogue';
import { assignRole } from '../../../bot/migration/projects/assignRole';
import type { ProjectDeps } from '../../../bot/migration/projects/projectDeps';
import { setUpProject } from '../../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../../bot/migration/projects/updateChecklistItem';
import { getHighlight, readHighlightInput, repositoryHighlightSource, type HighlightDeps } from '../../../bot/migration/reports/readHighlight';
import { isDomainError } from '../../../bot/migration/shared/errors';
import { CosmosOperationCounter } from '../../../bot/storage/operationCounter';
import { CosmosGatewayRepository, CosmosProjectRepository } from '../../../bot/storage/projects';
import { CosmosHighlightSource } from '../../../bot/storage/reports/cosmosHighlightSource';
import { CosmosRiskRepository } from '../../../bot/storage/risks';
import { aRisk, added } from '../../unit/risks/riskRepositoryContract';
import { intruder, priya, sue, TestClock, tom, VALID_FORM } from '../../unit/projects/projectFixtures';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';

const counter = new CosmosOperationCounter();
let fixture: CosmosFixture;
let deps: ProjectDeps;
let highlight: HighlightDeps;
let risks: CosmosRiskRepository;
let nextId = 0;

beforeAll(async () => {
  fixture = await startCosmosFixture('highlight-source', counter);
  const container = fixture.containers.projects;
  // A tiny inline audit, so most of each gateway's history sits in archived pages the reader must gather.
  deps = {
    projects: new CosmosProjectRepository(container),
    gateways: new CosmosGatewayRepository(container, { inlineAuditLimit: 3, auditPageSize: 2 }),
    clock: new TestClock('2026-11-25T10:00:00.000Z'),
    ids: { newId: () => `highlight-${(nextId += 1)}` },
    catalogue: DEFAULT_GATEWAY_CATALOGUE,
  };
  risks = new CosmosRiskRepository(container);
  highlight = { source: new CosmosHighlightSource(container), risks, clock: deps.clock, catalogue: DEFAULT_GATEWAY_CATALOGUE };
});

afterAll(async () => {
  await fixture.close();
});

async function busyProject(): Promise<string> {
  const { project } = await setUpProject(deps, { actor: priya, form: VALID_FORM });
  await assignRole(deps, { actor: priya, projectId: project.projectId, member: tom, role: 'team-member' });
  await assignRole(deps, { actor: priya, projectId: project.projectId, member: sue, role: 'staff' });
  for (const stage of [2, 3] as const) {
    for (const item of getStage(DEFAULT_GATEWAY_CATALOGUE, stage).items.slice(0, 6)) {
      await updateChecklistItem(deps, { actor: tom, projectId: project.projectId, itemId: item.id, expectedVersion: 0, change: { field: 'status', status: 'done' } });
    }
  }
  for (let i = 0; i < 3; i += 1) {
    const entry = aRisk({ projectId: project.projectId, riskId: `risk-${i}`, title: `Risk ${i}` });
    await risks.create(entry, [added(entry)]);
  }
  return project.projectId;
}

describe('reading a highlight from Cosmos', () => {
  it('when a project has archived audit pages, then one query and one risks read give the same input as the repositories gateway by gateway', async () => {
    const projectId = await busyProject();
    counter.reset();
    const fromCosmos = await readHighlightInput(highlight, projectId);
    const operations = counter.snapshot();
    const fromRepositories = await readHighlightInput({ ...highlight, source: repositoryHighlightSource(deps) }, projectId);

    // Two queries (the SDK adds a query-plan request to each, counted as 'other'); no point reads, none per gateway.
    expect(operations.query).toBe(2);
    expect(operations.read).toBe(0);
    expect(Object.values(operations).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4);
    expect(fromCosmos?.risks).toHaveLength(3);
    const audits = (input: typeof fromCosmos) => [...(input?.gateways ?? [])].sort((a, b) => a.record.stage - b.record.stage).map((g) => [g.record.stage, g.audit]);
    expect(audits(fromCosmos)).toEqual(audits(fromRepositories));
    expect(fromCosmos?.gateways.flatMap((g) => g.audit).filter((e) => e.kind === 'item-changed')).toHaveLength(12);
    expect(fromCosmos?.project).toEqual(fromRepositories?.project);
  });

  it('when the project does not exist, then there is nothing to compose', async () => {
    expect(await readHighlightInput(highlight, 'no-such-project')).toBeUndefined();
  });

  it('when staff or someone from another tenant asks for the draft, then staff are refused and the outsider is told it cannot be found', async () => {
    const projectId = await busyProject();
    const report = await getHighlight(highlight, { actor: tom, projectId });
    expect(report.gateways.find((g) => g.stage === 2)?.requiredFinished).toBeGreaterThan(0);
    const refusal = async (actor: typeof sue) => getHighlight(highlight, { actor, projectId }).then(() => 'shown', (err: unknown) => (isDomainError(err) ? err.code : 'error'));
    expect(await refusal(sue)).toBe('permission-denied');
    expect(await refusal(intruder)).toBe('not-found');
  });
});
