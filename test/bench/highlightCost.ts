import { performance } from 'node:perf_hooks';
import { highlightActivity } from '../../bot/jobs/highlightPost';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';
import type { Actor } from '../../bot/migration/projects/actor';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../bot/migration/projects/updateChecklistItem';
import { composeHighlightFor, type HighlightDeps } from '../../bot/migration/reports/readHighlight';
import type { RiskEntry } from '../../bot/migration/risks/riskEntry';
import type { RunningGateway } from '../../bot/runtime';
import type { CosmosOperationCounts } from '../../bot/storage/operationCounter';
import { CosmosHighlightSource } from '../../bot/storage/reports/cosmosHighlightSource';
import { CosmosRiskRepository } from '../../bot/storage/risks';
import { TEST_TENANT } from '../harness/activities';

export interface HighlightCost {
  readonly reports: number;
  readonly p50Ms: number;
  readonly maxMs: number;
  /** Per report. */
  readonly operations: CosmosOperationCounts;
  readonly bytes: number;
}

/**
 * What one weekly report costs for the heaviest project: 300 risks and all 99 items touched (each done, so every
 * audit line is replayed), read from Cosmos, composed and drawn as both cards.
 */
export async function measureHighlightCost(gateway: RunningGateway, reports = 10): Promise<HighlightCost> {
  const actor: Actor = { tenantId: TEST_TENANT, userId: '29:bench-highlight', name: 'Bench PM' };
  const { project } = await setUpProject(gateway.projects, {
    actor,
    teamId: '19:bench-highlight@thread.tacv2',
    form: { organisationName: 'Bench Highlight NHS Trust', odsCode: 'RBH', migrationMethod: 'self-migration', approximateUsers: '5000', newAccounts: '100', phasing: 'phased', plannedStart: '2026-06-01', cutover: '2027-06-30' },
  });
  for (const stage of DEFAULT_GATEWAY_CATALOGUE.stages) {
    for (const item of stage.items) {
      await updateChecklistItem(gateway.projects, { actor, projectId: project.projectId, itemId: item.id, expectedVersion: 0, change: { field: 'status', status: 'done' } });
    }
  }
  const container = gateway.storage.containers.projects;
  const risks = new CosmosRiskRepository(container);
  const now = new Date().toISOString();
  const by = { id: actor.userId, name: actor.name };
  for (let i = 0; i < 300; i++) {
    const entry: RiskEntry = {
      projectId: project.projectId,
      riskId: `bench-risk-${i}`,
      type: i % 4 === 0 ? 'issue' : 'risk',
      title: `Risk ${i}: ${'shared mailbox permissions '.repeat(6).slice(0, 180)}`,
      description: 'd'.repeat(500),
      category: 'technical',
      likelihood: 1 + (i % 5),
      impact: 1 + ((i * 3) % 5),
      owner: by,
      mitigation: 'm'.repeat(500),
      actions: '',
      reviewDate: '2027-01-15',
      status: 'open',
      escalation: { escalated: i % 25 === 0, setBy: 'score', by, at: now },
      createdBy: by,
      createdAt: now,
      updatedBy: by,
      updatedAt: now,
      version: 1,
    };
    await risks.create(entry, [{ at: now, by, change: 'added', field: 'entry', before: null, after: entry.title }]);
  }
  const deps: HighlightDeps = { source: new CosmosHighlightSource(container), risks, clock: { now: () => new Date() }, catalogue: DEFAULT_GATEWAY_CATALOGUE };

  await composeHighlightFor(deps, project.projectId); // warm-up
  const times: number[] = [];
  let bytes = 0;
  gateway.cosmosOperations.reset();
  for (let i = 0; i < reports; i++) {
    const started = performance.now();
    const report = await composeHighlightFor(deps, project.projectId);
    if (!report) throw new Error('the bench project has gone');
    bytes = JSON.stringify(highlightActivity(report)).length;
    times.push(performance.now() - started);
  }
  const total = gateway.cosmosOperations.snapshot();
  const operations = Object.fromEntries(Object.entries(total).map(([k, v]) => [k, v / reports])) as unknown as CosmosOperationCounts;
  times.sort((a, b) => a - b);
  return { reports, p50Ms: times[Math.floor(times.length / 2)] ?? 0, maxMs: times.at(-1) ?? 0, operations, bytes };
}

export function printHighlightCost(cost: HighlightCost): void {
  const o = cost.operations;
  console.log(
    `\none weekly highlight for a project with 300 risks and all 99 items done (read from Cosmos, composed, both cards drawn), ${cost.reports} times: ` +
      `p50 ${cost.p50Ms.toFixed(1)} ms, max ${cost.maxMs.toFixed(1)} ms; per report ${o.read} point reads, ${o.query} queries (+${o.other} query plan), ${o.create + o.replace + o.upsert} writes; message ${(cost.bytes / 1024).toFixed(1)} KB`,
  );
}
