import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE, getStage } from '../../../bot/migration/gateways/catalogue';
import { STAGE_NUMBERS } from '../../../bot/migration/gateways/catalogueTypes';
import { assignRole } from '../../../bot/migration/projects/assignRole';
import { getStatus } from '../../../bot/migration/projects/getStatus';
import type { ProjectDeps } from '../../../bot/migration/projects/projectDeps';
import { ProjectAlreadySetUp } from '../../../bot/migration/projects/projectErrors';
import { recordGatewayDecision } from '../../../bot/migration/projects/recordGatewayDecision';
import { recordMilestone } from '../../../bot/migration/projects/recordMilestone';
import { setUpProject } from '../../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../../bot/migration/projects/updateChecklistItem';
import { StaleEdit } from '../../../bot/migration/shared/errors';
import { CosmosOperationCounter } from '../../../bot/storage/operationCounter';
import { createProjectRepositories } from '../../../bot/storage/projects';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';
import { priya, sam, TestClock, tom, VALID_FORM } from '../../unit/projects/projectFixtures';

const counter = new CosmosOperationCounter();
let fixture: CosmosFixture;
let deps: ProjectDeps;
let nextId = 0;

beforeAll(async () => {
  fixture = await startCosmosFixture('project-use-cases', counter);
  const repositories = createProjectRepositories(fixture.containers.projects);
  deps = {
    ...repositories,
    clock: new TestClock('2026-11-25T10:00:00.000Z'),
    ids: { newId: () => `cosmos-${(nextId += 1)}` },
    catalogue: DEFAULT_GATEWAY_CATALOGUE,
  };
});

afterAll(async () => {
  await fixture.close();
});

beforeEach(() => {
  counter.reset();
});

async function newProject(teamId?: string): Promise<string> {
  const { project } = await setUpProject(deps, { actor: priya, ...(teamId !== undefined ? { teamId } : {}), form: VALID_FORM });
  await assignRole(deps, { actor: priya, projectId: project.projectId, member: tom, role: 'team-member' });
  await assignRole(deps, { actor: priya, projectId: project.projectId, member: sam, role: 'sro' });
  return project.projectId;
}

describe('project use cases on Cosmos', () => {
  it('when two people tick different items of the same gateway at once in one process, then both land first time: their saves are grouped, so no 412', async () => {
    const projectId = await newProject();
    await updateChecklistItem(deps, { actor: tom, projectId, itemId: 'g2-assign-pm', expectedVersion: 0, change: { field: 'status', status: 'done' } });
    counter.reset();
    await Promise.all([
      updateChecklistItem(deps, { actor: tom, projectId, itemId: 'g2-pid', expectedVersion: 0, change: { field: 'status', status: 'done' } }),
      updateChecklistItem(deps, { actor: sam, projectId, itemId: 'g2-risk-log', expectedVersion: 0, change: { field: 'status', status: 'done' } }),
    ]);
    const gateway = await deps.gateways.get(projectId, 2);
    expect(gateway.items.map((i) => [i.itemId, i.status, i.version]).sort()).toEqual([
      ['g2-assign-pm', 'done', 1],
      ['g2-pid', 'done', 1],
      ['g2-risk-log', 'done', 1],
    ]);
    expect((await deps.gateways.history(projectId, 2)).length).toBe(3);
    // One replace each at most (or one for both): none was refused and retried.
    expect(counter.snapshot().replace).toBeLessThanOrEqual(2);
  });

  it('when two instances of the bot save ten items each of one gateway at once, then all twenty land, their collisions retried with backoff', async () => {
    const projectId = await newProject();
    await updateChecklistItem(deps, { actor: tom, projectId, itemId: 'g4-coexistence', expectedVersion: 0, change: { field: 'status', status: 'done' } });
    // Another instance: its own repositories, so its own group commits, over the same container.
    const other: ProjectDeps = { ...deps, ...createProjectRepositories(fixture.containers.projects) };
    let retries = 0;
    const backoff = { pause: (ms: number) => ((retries += 1), sleep(ms)), random: () => Math.random() };
    const itemIds = getStage(deps.catalogue, 4).items.map((i) => i.id).filter((id) => id !== 'g4-coexistence').slice(0, 20);
    counter.reset();
    await Promise.all(
      itemIds.map((itemId, i) =>
        updateChecklistItem({ ...(i % 2 === 0 ? deps : other), conflictBackoff: backoff }, { actor: tom, projectId, itemId, expectedVersion: 0, change: { field: 'status', status: 'done' } }),
      ),
    );
    const done = (await deps.gateways.get(projectId, 4)).items.filter((i) => itemIds.includes(i.itemId) && i.status === 'done' && i.version === 1);
    expect(done).toHaveLength(20);
    expect(await deps.gateways.history(projectId, 4)).toHaveLength(21);
    // The instances did collide (a retry waits first), and every collision was retried until it landed.
    expect(retries).toBeGreaterThan(0);
  });

  it('when four people tick four items of a gateway nobody has touched, then all four land', async () => {
    const projectId = await newProject();
    const itemIds = ['g3-comms-plan', 'g3-firewall-rules', 'g3-map-addresses', 'g3-service-packs'];
    await Promise.all(itemIds.map((itemId) => updateChecklistItem(deps, { actor: tom, projectId, itemId, expectedVersion: 0, change: { field: 'status', status: 'done' } })));
    expect((await deps.gateways.get(projectId, 3)).items.map((i) => i.itemId).sort()).toEqual([...itemIds].sort());
    expect(await deps.gateways.history(projectId, 3)).toHaveLength(4);
  });

  it('when two people change the same item from the same card at once, then exactly one wins and the other gets StaleEdit', async () => {
    const projectId = await newProject();
    const results = await Promise.allSettled([
      updateChecklistItem(deps, { actor: tom, projectId, itemId: 'g1-ods-code', expectedVersion: 0, change: { field: 'status', status: 'done' } }),
      updateChecklistItem(deps, { actor: sam, projectId, itemId: 'g1-ods-code', expectedVersion: 0, change: { field: 'due', due: '2026-12-01' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toBeInstanceOf(StaleEdit);
    const item = (await deps.gateways.get(projectId, 1)).items[0];
    expect(item?.version).toBe(1);
    expect(await deps.gateways.history(projectId, 1)).toHaveLength(1);
  });

  it('when two set-ups race for one team, then one project exists and the loser left no document behind', async () => {
    const teamId = '19:race@thread.tacv2';
    const results = await Promise.allSettled([
      setUpProject(deps, { actor: priya, teamId, form: VALID_FORM }),
      setUpProject(deps, { actor: tom, teamId, form: VALID_FORM }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toBeInstanceOf(ProjectAlreadySetUp);
    const { resources } = await fixture.containers.projects.items
      .query<{ projectId: string }>({
        query: "SELECT c.projectId FROM c WHERE c.type = 'project' AND c.project.teamId = @teamId",
        parameters: [{ name: '@teamId', value: teamId }],
      })
      .fetchAll();
    expect(resources).toHaveLength(1);
  });

  it("when two projects exist, then a query for one project's documents never returns the other's", async () => {
    const a = await newProject('19:team-a@thread.tacv2');
    const b = await newProject('19:team-b@thread.tacv2');
    for (const projectId of [a, b]) {
      await updateChecklistItem(deps, { actor: tom, projectId, itemId: 'g1-ods-code', expectedVersion: 0, change: { field: 'status', status: 'done' } });
    }
    const lists = await deps.gateways.list(a);
    expect(lists.map((g) => g.projectId)).toEqual([a]);
    const { resources } = await fixture.containers.projects.items
      .query<{ projectId: string; type: string }>({ query: 'SELECT c.projectId, c.type FROM c WHERE c.projectId = @p', parameters: [{ name: '@p', value: a }] }, { partitionKey: a })
      .fetchAll();
    expect(resources.map((r) => r.type).sort()).toEqual(['gateway', 'project']);
    expect(resources.every((r) => r.projectId === a)).toBe(true);
  });

  it('when all six gateways are populated, then the status costs a handful of Cosmos operations', async () => {
    const projectId = await newProject('19:counted@thread.tacv2');
    for (const stage of STAGE_NUMBERS) {
      for (const item of getStage(deps.catalogue, stage).items.slice(0, 3)) {
        await updateChecklistItem(deps, { actor: tom, projectId, itemId: item.id, expectedVersion: 0, change: { field: 'due', due: '2026-11-01' } });
        await updateChecklistItem(deps, { actor: tom, projectId, itemId: item.id, expectedVersion: 1, change: { field: 'note', text: `Working on ${item.id}` } });
      }
    }
    await recordGatewayDecision(deps, { actor: sam, projectId, stage: 3, outcome: 'no-go', comment: 'Firewall rules pending' });
    await recordMilestone(deps, { actor: sam, projectId, kind: 'pipeline-slot', date: '2027-01-10' });
    await getStatus(deps, { actor: priya, projectId });

    counter.reset();
    const status = await getStatus(deps, { actor: priya, projectId });
    const operations = counter.snapshot();

    expect(status.gateways.map((g) => g.progress.total - g.progress.open)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(status.overdue).toHaveLength(18);
    expect(status.upcomingMilestones).toHaveLength(1);
    console.log(`getStatus on six populated gateways: ${JSON.stringify(operations)}, total ${counter.total}`);
    expect(operations).toMatchObject({ read: 1, query: 1, create: 0, replace: 0, upsert: 0, delete: 0 });
    expect(counter.total).toBeLessThanOrEqual(8);
  });
});
