import type { Container } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectAuditEntry } from '../../../bot/migration/projects/auditEntries';
import type { Project } from '../../../bot/migration/projects/project';
import { CosmosProjectRepository } from '../../../bot/storage/projects/cosmosProjectRepository';
import {
  PROJECT_DOCUMENT_ID,
  projectAuditPageId,
  type ProjectAuditPageDocument,
  type ProjectDocument,
} from '../../../bot/storage/projects/projectDocuments';
import { aProject } from '../../unit/projects/repositoryContract';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';

const AT = '2026-11-25T10:00:00.000Z';
const priyaRef = { id: '29:priya', name: 'Priya Shah' };

/** One audit entry per number, so order and completeness can be read off the member ids. */
function roleEntry(n: number): ProjectAuditEntry {
  return { kind: 'role-changed', at: AT, by: priyaRef, member: { id: `29:m${n}`, name: `Member ${n}` }, before: null, after: 'staff' };
}

/** A change that touches the project (so it is saved) and records the given entries. */
function change(entries: readonly ProjectAuditEntry[]): (current: Project) => { project: Project; audit: readonly ProjectAuditEntry[] } {
  return (current) => ({ project: { ...current, approximateUsers: current.approximateUsers + 1 }, audit: entries });
}

function memberIds(history: readonly ProjectAuditEntry[]): string[] {
  return history.map((e) => (e.kind === 'role-changed' ? e.member.id : e.kind));
}

function expectedIds(count: number): string[] {
  return ['project-set-up', ...Array.from({ length: count }, (_, n) => `29:m${n}`)];
}

/**
 * The real container, except that the replace right after an audit page is
 * written fails while `failTrims` is set: a crash between the page write and
 * the trim, as the outbox steps see it.
 */
function withFailingTrims(container: Container): { container: Container; failTrims: boolean; failed: number } {
  const control = { container, failTrims: false, failed: 0 };
  let pageJustWritten = false;
  const items = new Proxy(container.items, {
    get(target, key, receiver) {
      if (key !== 'create') return Reflect.get(target, key, receiver) as unknown;
      return async (body: { type?: string }) => {
        // Set before the write: a page already there (409) is followed by a trim all the same.
        if (body.type === 'project-audit-page') pageJustWritten = true;
        return target.create(body);
      };
    },
  });
  control.container = new Proxy(container, {
    get(target, key, receiver) {
      if (key === 'items') return items;
      if (key !== 'item') return Reflect.get(target, key, receiver) as unknown;
      return (id: string, partition: string) => {
        const item = target.item(id, partition);
        return new Proxy(item, {
          get(itemTarget, itemKey, itemReceiver) {
            if (itemKey !== 'replace') return Reflect.get(itemTarget, itemKey, itemReceiver) as unknown;
            return async (...args: Parameters<typeof item.replace>) => {
              if (pageJustWritten && control.failTrims) {
                pageJustWritten = false;
                control.failed += 1;
                throw Object.assign(new Error('service unavailable'), { code: 503 });
              }
              pageJustWritten = false;
              return itemTarget.replace(...args);
            };
          },
        });
      };
    },
  });
  return control;
}

describe('project audit pages on Cosmos', () => {
  let fixture: CosmosFixture;

  beforeAll(async () => {
    fixture = await startCosmosFixture('project-audit-pages');
  });

  afterAll(async () => {
    await fixture.close();
  });

  async function rawProject(projectId: string): Promise<ProjectDocument> {
    const { resource } = await fixture.containers.projects.item(PROJECT_DOCUMENT_ID, projectId).read<ProjectDocument>();
    if (!resource) throw new Error('project document missing');
    return resource;
  }

  async function newProject(projects: CosmosProjectRepository): Promise<Project> {
    const project = aProject();
    await projects.create(project, [{ kind: 'project-set-up', at: AT, by: priyaRef }]);
    return project;
  }

  it('when a project gathers 1,000 audit entries, then its document stays under the inline limit and its history reads back complete, in order, once each', async () => {
    const projects = new CosmosProjectRepository(fixture.containers.projects);
    const { projectId } = await newProject(projects);
    // Submitted together, so group commit writes them in batches of up to 50 entries each.
    await Promise.all(Array.from({ length: 1000 }, (_, n) => projects.tryUpdate(projectId, change([roleEntry(n)]))));

    const document = await rawProject(projectId);
    expect(document.project.approximateUsers).toBe(5000 + 1000);
    expect(document.nextAuditSeq).toBe(1001);
    expect(document.audit.length).toBeLessThanOrEqual(200);
    expect(document.auditArchived).toBe(true);
    // 1,001 entries inline would be about 200 KB; bounded, the document stays under a fifth of that.
    expect(JSON.stringify(document).length).toBeLessThan(50_000);
    expect(memberIds(await projects.history(projectId))).toEqual(expectedIds(1000));
  });

  it('when one save adds several pages’ worth of entries, then they all move out in that save', async () => {
    const projects = new CosmosProjectRepository(fixture.containers.projects, { inlineAuditLimit: 4, auditPageSize: 2 });
    const { projectId } = await newProject(projects);
    await projects.tryUpdate(projectId, change(Array.from({ length: 12 }, (_, n) => roleEntry(n))));

    const document = await rawProject(projectId);
    expect(document.audit.length).toBeLessThanOrEqual(4);
    expect(memberIds(await projects.history(projectId))).toEqual(expectedIds(12));
  });

  it('when the trim fails after pages were written (a crash between the two), then reads merge the duplicates, never show a gap, and a later save finishes the job', async () => {
    const failing = withFailingTrims(fixture.containers.projects);
    const projects = new CosmosProjectRepository(failing.container, { inlineAuditLimit: 4, auditPageSize: 2 });
    const { projectId } = await newProject(projects);
    // The first page moves out cleanly (seq 0 and 1), so reads use pages from then on.
    for (let n = 0; n < 4; n += 1) await projects.tryUpdate(projectId, change([roleEntry(n)]));
    expect((await rawProject(projectId)).audit.map((e) => e.seq)).toEqual([2, 3, 4]);
    failing.failTrims = true;
    for (let n = 4; n < 8; n += 1) await projects.tryUpdate(projectId, change([roleEntry(n)]));

    expect(failing.failed).toBe(3);
    const stranded = await rawProject(projectId);
    // Seq 2 to 5 are now both on pages and inline.
    expect(stranded.audit.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const { resources: pages } = await fixture.containers.projects.items
      .query<ProjectAuditPageDocument>({ query: "SELECT * FROM c WHERE c.projectId = @p AND c.type = 'project-audit-page'", parameters: [{ name: '@p', value: projectId }] })
      .fetchAll();
    expect(pages.flatMap((p) => p.entries.map((e) => e.seq)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(memberIds(await projects.history(projectId))).toEqual(expectedIds(8));

    failing.failTrims = false;
    await projects.tryUpdate(projectId, change([roleEntry(8)]));
    const document = await rawProject(projectId);
    expect(document.audit.length).toBeLessThanOrEqual(4);
    expect(document.audit.map((e) => e.seq)).toEqual([6, 7, 8, 9]);
    expect(memberIds(await projects.history(projectId))).toEqual(expectedIds(9));
  });

  it('when pages exist and the document still holds some of their entries, then history shows each entry once', async () => {
    const projects = new CosmosProjectRepository(fixture.containers.projects, { inlineAuditLimit: 4, auditPageSize: 2 });
    const { projectId } = await newProject(projects);
    for (let n = 0; n < 3; n += 1) await projects.tryUpdate(projectId, change([roleEntry(n)]));
    const before = await rawProject(projectId);
    const page: ProjectAuditPageDocument = {
      id: projectAuditPageId(0),
      projectId,
      type: 'project-audit-page',
      schemaVersion: 1,
      entries: before.audit.slice(0, 2),
    };
    await fixture.containers.projects.items.create(page);
    await fixture.containers.projects.item(before.id, projectId).replace({ ...before, auditArchived: true });

    expect(memberIds(await projects.history(projectId))).toEqual(expectedIds(3));
  });

  it('when an earlier attempt left a smaller page under the same id, then only the entries it holds leave the document', async () => {
    const projects = new CosmosProjectRepository(fixture.containers.projects, { inlineAuditLimit: 4, auditPageSize: 2 });
    const { projectId } = await newProject(projects);
    for (let n = 0; n < 3; n += 1) await projects.tryUpdate(projectId, change([roleEntry(n)]));
    const before = await rawProject(projectId);
    // Say the page size was 1 when the page was written, and the trim never happened.
    await fixture.containers.projects.items.create({
      id: projectAuditPageId(0),
      projectId,
      type: 'project-audit-page',
      schemaVersion: 1,
      entries: before.audit.slice(0, 1),
    } satisfies ProjectAuditPageDocument);

    await projects.tryUpdate(projectId, change([roleEntry(3)]));
    expect((await rawProject(projectId)).audit.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(memberIds(await projects.history(projectId))).toEqual(expectedIds(4));
  });

  it('when a project document was saved before audit pages existed, then its history still reads', async () => {
    const projects = new CosmosProjectRepository(fixture.containers.projects);
    const { projectId } = await newProject(projects);
    const { auditArchived: _dropped, ...legacy } = await rawProject(projectId);
    await fixture.containers.projects.item(PROJECT_DOCUMENT_ID, projectId).replace(legacy);
    await projects.tryUpdate(projectId, change([roleEntry(0)]));
    expect(memberIds(await projects.history(projectId))).toEqual(expectedIds(1));
  });
});
