import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newClaim, advanceClaim } from '../../../bot/jobs/deliveryClaim';
import { CosmosOperationCounter } from '../../../bot/storage/operationCounter';
import { CosmosClaimStore } from '../../../bot/storage/jobs/cosmosClaimStore';
import { CosmosDueProjects } from '../../../bot/storage/jobs/cosmosDueProjects';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';

const counter = new CosmosOperationCounter();
let fixture: CosmosFixture;

beforeAll(async () => {
  fixture = await startCosmosFixture('job-stores', counter);
});

afterAll(async () => {
  await fixture.close();
});

function projectDocument(projectId: string, reportsConversationRef: string | undefined): Record<string, unknown> {
  return {
    id: 'project',
    projectId,
    type: 'project',
    schemaVersion: 1,
    project: { projectId, tenantId: 'tenant-a', teamId: `19:${projectId}@thread.tacv2`, ...(reportsConversationRef === undefined ? {} : { reportsConversationRef }) },
    audit: [],
    nextAuditSeq: 0,
  };
}

describe('CosmosDueProjects', () => {
  it('when 250 projects have a reports target and 5 do not, then pages of 100 list exactly the 250, one request a page', async () => {
    const projects = fixture.containers.projects;
    for (let i = 0; i < 250; i += 1) await projects.items.create(projectDocument(`due-${i}`, JSON.stringify({ serviceUrl: 'https://smba.trafficmanager.net/uk/', conversationId: `19:c${i}`, tenantId: 'tenant-a' })));
    for (let i = 0; i < 5; i += 1) await projects.items.create(projectDocument(`quiet-${i}`, undefined));
    // Documents that are not projects never show up, even with the same fields.
    await projects.items.create({ id: 'gateway-1', projectId: 'due-0', type: 'gateway', project: { reportsConversationRef: 'x' } });

    counter.reset();
    const pageSizes: number[] = [];
    const seen = new Set<string>();
    for await (const page of new CosmosDueProjects(projects).pages(100)) {
      pageSizes.push(page.length);
      for (const p of page) seen.add(p.projectId);
    }
    expect(seen.size).toBe(250);
    expect([...seen].every((id) => id.startsWith('due-'))).toBe(true);
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(100);
    expect(counter.snapshot().query).toBeLessThanOrEqual(4);
  });
});

describe('CosmosClaimStore', () => {
  it('when two runs create the same claim, then only the first succeeds, and a stale eTag cannot replace it', async () => {
    const store = new CosmosClaimStore(fixture.containers.projects);
    const claim = newClaim({ projectId: 'claims-1', kind: 'highlight', period: '2026-W19', runId: 'run-a', now: new Date('2026-05-04T08:00:00Z'), leaseMs: 60_000 });
    const first = await store.create(claim);
    const second = await store.create({ ...claim, runId: 'run-b' });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);

    const read = await store.read('claims-1', 'highlight:2026-W19');
    expect(read?.claim.runId).toBe('run-a');
    const sending = advanceClaim(read!.claim, { state: 'sending', attempts: 1 }, { at: new Date(), runId: 'run-a' });
    const moved = await store.replace(sending, read!.etag);
    expect(moved.replaced).toBe(true);
    const stale = await store.replace(advanceClaim(read!.claim, { state: 'claimed', runId: 'run-b' }, { at: new Date(), runId: 'run-b' }), read!.etag);
    expect(stale.replaced).toBe(false);
    expect((await store.read('claims-1', 'highlight:2026-W19'))?.claim.state).toBe('sending');
  });

  it('when a claim is missing, then read answers undefined', async () => {
    expect(await new CosmosClaimStore(fixture.containers.projects).read('nobody', 'highlight:2026-W01')).toBeUndefined();
  });
});
