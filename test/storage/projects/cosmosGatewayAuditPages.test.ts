import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withItem } from '../../../bot/migration/projects/gatewayRecord';
import { CosmosGatewayRepository } from '../../../bot/storage/projects/cosmosGatewayRepository';
import { gatewayAuditPageId, gatewayDocumentId, type GatewayAuditPageDocument, type GatewayDocument } from '../../../bot/storage/projects/projectDocuments';
import { doneItem, itemAudit } from '../../unit/projects/repositoryContract';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';

describe('gateway audit pages on Cosmos', () => {
  let fixture: CosmosFixture;
  let gateways: CosmosGatewayRepository;

  beforeAll(async () => {
    fixture = await startCosmosFixture('project-audit-pages');
    gateways = new CosmosGatewayRepository(fixture.containers.projects, { inlineAuditLimit: 4, auditPageSize: 2 });
  });

  afterAll(async () => {
    await fixture.close();
  });

  async function writeEntries(projectId: string, count: number): Promise<string[]> {
    const itemIds = Array.from({ length: count }, (_, i) => `g5-item-${i}`);
    for (const itemId of itemIds) {
      await gateways.tryUpdate(projectId, 5, (g) => ({ record: withItem(g, doneItem(itemId)), audit: [itemAudit(itemId)] }));
    }
    return itemIds;
  }

  async function rawGateway(projectId: string): Promise<GatewayDocument> {
    const { resource } = await fixture.containers.projects.item(gatewayDocumentId(5), projectId).read<GatewayDocument>();
    if (!resource) throw new Error('gateway document missing');
    return resource;
  }

  function historyIds(entries: Awaited<ReturnType<CosmosGatewayRepository['history']>>): string[] {
    return entries.map((e) => (e.kind === 'item-changed' ? e.itemId : e.kind));
  }

  it('when the log passes the inline limit, then old entries move to pages and the history is still complete and in order', async () => {
    const projectId = `p-${randomUUID()}`;
    const itemIds = await writeEntries(projectId, 11);
    const document = await rawGateway(projectId);
    expect(document.audit.length).toBeLessThanOrEqual(4);
    expect(document.auditArchived).toBe(true);
    expect(document.items).toHaveLength(11);
    expect(historyIds(await gateways.history(projectId, 5))).toEqual(itemIds);
  });

  it('when a page was written but the trim never happened (a crash), then history shows each entry once and the next save finishes the job', async () => {
    const projectId = `p-${randomUUID()}`;
    await writeEntries(projectId, 4);
    const before = await rawGateway(projectId);
    const stranded = before.audit.slice(0, 2);
    const page: GatewayAuditPageDocument = {
      id: gatewayAuditPageId(5, stranded[0]?.seq ?? 0),
      projectId,
      type: 'gateway-audit-page',
      schemaVersion: 1,
      stage: 5,
      entries: stranded,
    };
    await fixture.containers.projects.items.create(page);
    await fixture.containers.projects.item(before.id, projectId).replace({ ...before, auditArchived: true });

    expect(historyIds(await gateways.history(projectId, 5))).toEqual(['g5-item-0', 'g5-item-1', 'g5-item-2', 'g5-item-3']);
    await gateways.tryUpdate(projectId, 5, (g) => ({ record: withItem(g, doneItem('g5-item-4')), audit: [itemAudit('g5-item-4')] }));
    expect((await rawGateway(projectId)).audit.map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(historyIds(await gateways.history(projectId, 5))).toEqual(['g5-item-0', 'g5-item-1', 'g5-item-2', 'g5-item-3', 'g5-item-4']);
  });

  it('when the status lists gateways, then the audit log is not part of what is read', async () => {
    const projectId = `p-${randomUUID()}`;
    await writeEntries(projectId, 3);
    const [record] = await gateways.list(projectId);
    expect(Object.keys(record ?? {}).sort()).toEqual(['items', 'projectId', 'stage', 'state']);
  });
});
