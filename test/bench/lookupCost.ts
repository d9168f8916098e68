import type { JSONObject, OperationInput } from '@azure/cosmos';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import type { StaffMember } from '../../bot/migration/staff/staffMember';
import type { RunningGateway } from '../../bot/runtime';
import type { CosmosOperationCounts } from '../../bot/storage/operationCounter';
import { runBulk, succeeded } from '../../bot/storage/staff/bulkWrites';
import { toStaffDocument } from '../../bot/storage/staff/staffDocuments';
import type { FakeConnector } from '../harness/fakeConnector';
import { messageActivity, TEST_TENANT } from '../harness/activities';
import { summarise, type LoadResult } from './load';

export interface LookupCost {
  readonly staff: number;
  /** The person's first question: the roster look-up and the address search across the tenant's lists. */
  readonly firstContactMs: number;
  readonly firstContact: CosmosOperationCounts;
  /** Every later question, per answer. */
  readonly perAnswer: Record<keyof CosmosOperationCounts, number>;
  readonly answers: LoadResult;
}

/**
 * `when do I migrate` on a list of `size` people: one person asks `turns` times in their personal chat, one after
 * another. The first question finds them by address (once per person); every later one should cost the same
 * whatever the list's size: the turn's state, then one point read each for their record, group and project.
 */
export async function measureLookupCost(gateway: RunningGateway, connector: FakeConnector, size: number, turns = 50): Promise<LookupCost> {
  const actor = { tenantId: TEST_TENANT, userId: `29:bench-pm-${size}`, name: 'Bench PM' };
  const { project } = await setUpProject(gateway.projects, {
    actor,
    teamId: `19:bench-lookup-${size}@thread.tacv2`,
    form: { organisationName: 'Bench NHS Trust', odsCode: 'RBX', migrationMethod: 'self-migration', approximateUsers: String(size), newAccounts: '100', phasing: 'phased', plannedStart: '2026-12-01', cutover: '2027-06-30' },
  });
  const projectId = project.projectId;
  await gateway.staff.groups.create({ projectId, groupId: 'pilot', name: 'Pilot', kind: 'pilot', order: 0, cutoverDate: '2027-03-02', updatedAt: '2026-12-01T09:00:00.000Z', version: 1 });
  const operations: OperationInput[] = [];
  for (let i = 0; i < size; i++) {
    const member: StaffMember = {
      projectId,
      localId: `B${size}-${i}`,
      firstName: `First${i}`,
      lastName: `Last${i}`,
      currentEmail: `person.${i}@bench-${size}.nhs.uk`,
      department: `Department ${i % 40}`,
      mailboxMb: (i * 37) % 6000,
      accountType: 'person',
      delegateLocalIds: [],
      groupId: 'pilot',
      status: 'not-started',
      updatedAt: '2026-12-01T09:00:00.000Z',
      version: 1,
    };
    operations.push({ operationType: 'Create', partitionKey: projectId, resourceBody: JSON.parse(JSON.stringify(toStaffDocument(member, [], 0, false))) as JSONObject });
  }
  const written = await runBulk(gateway.storage.containers.projects, operations);
  if (!written.every(succeeded)) throw new Error('bench staff list not written');

  const asker = Math.floor(size / 2);
  const userId = `29:bench-asker-${size}`;
  connector.addMember({ id: userId, name: 'Bench Asker', aadObjectId: `aad-${userId}`, userPrincipalName: `person.${asker}@bench-${size}.nhs.uk`, email: `person.${asker}@bench-${size}.nhs.uk` });
  const ask = async (): Promise<number> => {
    const body = JSON.stringify(messageActivity({ serviceUrl: connector.serviceUrl, text: 'when do I migrate', fromId: userId, fromName: 'Bench Asker', conversationId: `a:personal-bench-${size}` }));
    const started = performance.now();
    const response = await fetch(`${gateway.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`bench turn answered ${response.status}`);
    return performance.now() - started;
  };

  gateway.cosmosOperations.reset();
  const firstContactMs = await ask();
  const firstContact = gateway.cosmosOperations.snapshot();
  await ask(); // the reference capture's first look, so the counted turns are the steady ones
  gateway.cosmosOperations.reset();
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < turns; i++) latencies.push(await ask());
  const seconds = (performance.now() - started) / 1000;
  const counts = gateway.cosmosOperations.snapshot();
  const perAnswer = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / turns])) as Record<keyof CosmosOperationCounts, number>;
  return { staff: size, firstContactMs, firstContact, perAnswer, answers: summarise(latencies, 0, seconds) };
}

export function printLookupCost(results: readonly LookupCost[]): void {
  console.log('\n`when do I migrate` in a personal chat, one person asking in turn (after their first question), Cosmos operations per answer');
  console.log('| staff on the list | point reads | queries | writes | p50 ms | p99 ms | first question: ms, reads / queries / writes |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const writes = r.perAnswer.create + r.perAnswer.upsert + r.perAnswer.replace + r.perAnswer.delete;
    const firstWrites = r.firstContact.create + r.firstContact.upsert + r.firstContact.replace + r.firstContact.delete;
    console.log(
      `| ${r.staff.toLocaleString('en-GB')} | ${r.perAnswer.read.toFixed(2)} | ${r.perAnswer.query.toFixed(2)} | ${writes.toFixed(2)} | ${r.answers.p50Ms.toFixed(1)} | ${r.answers.p99Ms.toFixed(1)} | ${r.firstContactMs.toFixed(0)} ms, ${r.firstContact.read} / ${r.firstContact.query} / ${firstWrites} |`,
    );
  }
  console.log('(per answer: the turn\'s conversation and user state, then the person\'s record, their group and their project, each a point read)');
}
