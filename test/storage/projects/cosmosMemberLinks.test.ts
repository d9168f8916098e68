import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PROJECT_MEMBERS, type Project, type ProjectMember } from '../../../bot/migration/projects/project';
import { CosmosOperationCounter } from '../../../bot/storage/operationCounter';
import { CosmosProjectRepository } from '../../../bot/storage/projects/cosmosProjectRepository';
import { memberLinkId, tenantPartition } from '../../../bot/storage/projects/projectDocuments';
import { aProject } from '../../unit/projects/repositoryContract';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';

const counter = new CosmosOperationCounter();

function members(count: number): ProjectMember[] {
  return [
    { userId: '29:priya', name: 'Priya Shah', role: 'project-manager' },
    ...Array.from({ length: count - 1 }, (_, i): ProjectMember => ({ userId: `29:m${i}`, name: `Member ${i}`, role: 'staff' })),
  ];
}

function withMembers(list: readonly ProjectMember[]): (current: Project) => { project: Project; audit: [] } {
  return (current) => ({ project: { ...current, members: list }, audit: [] });
}

describe('member links on Cosmos', () => {
  let fixture: CosmosFixture;
  let projects: CosmosProjectRepository;

  beforeAll(async () => {
    fixture = await startCosmosFixture('member-links', counter);
    projects = new CosmosProjectRepository(fixture.containers.projects);
  });

  afterAll(async () => {
    await fixture.close();
  });

  it('when one person joins a full-sized project, then only their link is written, not one per member', async () => {
    const project = aProject();
    await projects.create(project, []);
    await projects.tryUpdate(project.projectId, withMembers(members(MAX_PROJECT_MEMBERS - 1)));

    counter.reset();
    const all = members(MAX_PROJECT_MEMBERS - 1);
    await projects.tryUpdate(project.projectId, withMembers([...all, { userId: '29:nia', name: 'Nia Newcomer', role: 'team-member' }]));
    const counts = counter.snapshot();
    expect(counts.upsert).toBe(1);
    expect(counts.delete).toBe(0);
    expect((await projects.findByMember(project.tenantId, '29:nia')).map((p) => p.projectId)).toEqual([project.projectId]);
    expect((await projects.findByMember(project.tenantId, '29:m250')).map((p) => p.projectId)).toEqual([project.projectId]);
  });

  it('when a link was lost (a crash after the save), then the next change of members puts it back', async () => {
    const project = aProject();
    await projects.create(project, []);
    await projects.tryUpdate(project.projectId, withMembers(members(5)));
    await fixture.containers.projects.item(memberLinkId('29:m1', project.projectId), tenantPartition(project.tenantId)).delete();
    expect(await projects.findByMember(project.tenantId, '29:m1')).toEqual([]);

    await projects.tryUpdate(project.projectId, withMembers(members(4)));
    expect((await projects.findByMember(project.tenantId, '29:m1')).map((p) => p.projectId)).toEqual([project.projectId]);
    expect(await projects.findByMember(project.tenantId, '29:m3')).toEqual([]);
  });
});
