import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrentModification } from '../../../bot/migration/projects/conflictRetry';
import { NotFound } from '../../../bot/migration/shared/errors';
import type { StaffMember } from '../../../bot/migration/staff/staffMember';
import { CosmosOperationCounter } from '../../../bot/storage/operationCounter';
import { CosmosRolloutGroupRepository, CosmosStaffRepository } from '../../../bot/storage/staff';
import { staffDocumentId, type StaffDocument } from '../../../bot/storage/staff/staffDocuments';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';
import { aGroup, aStaffMember, statusLine } from './staffFixtures';

describe('the staff list on Cosmos', () => {
  let fixture: CosmosFixture;
  let staff: CosmosStaffRepository;
  let groups: CosmosRolloutGroupRepository;
  const counter = new CosmosOperationCounter();

  beforeAll(async () => {
    fixture = await startCosmosFixture('staff', counter);
    staff = new CosmosStaffRepository(fixture.containers.projects, { inlineHistoryLimit: 4, historyPageSize: 2 });
    groups = new CosmosRolloutGroupRepository(fixture.containers.projects);
  });

  afterAll(async () => {
    await fixture.close();
  });

  async function raw(member: StaffMember): Promise<StaffDocument> {
    const { resource } = await fixture.containers.projects.item(staffDocumentId(member.localId), member.projectId).read<StaffDocument>();
    if (!resource) throw new Error('staff document missing');
    return resource;
  }

  it('when a person is added, then they read back exactly, as their own document with a schema version', async () => {
    const member = aStaffMember({ ownerLocalId: 'E1', delegateLocalIds: ['E2', 'E3'], groupId: 'pilot', nhsmailAddress: 'amelia.jones@nhs.net' });
    expect(await staff.create(member, [])).toBe('created');
    expect(await staff.create(member, [])).toBe('exists');
    expect(await staff.get(member.projectId, member.localId)).toEqual(member);
    const document = await raw(member);
    expect(document).toMatchObject({ type: 'staff-member', schemaVersion: 1, projectId: member.projectId, groupId: 'pilot', nhsmailAddress: 'amelia.jones@nhs.net' });
    expect(await staff.get(member.projectId, 'nobody')).toBeUndefined();
    expect(await staff.get(`p-${randomUUID()}`, member.localId)).toBeUndefined();
  });

  it('when 230 people are listed in pages of 25, then each appears once, by last name, first name and local ID, at one query per page', async () => {
    const projectId = `p-${randomUUID()}`;
    const lastNames = ['Smith', 'smithson', 'Évans', 'de Souza', 'Adams', 'Okafor', 'Nguyen'];
    const people = Array.from({ length: 230 }, (_, i) =>
      aStaffMember({
        projectId,
        localId: `E${String(1000 + ((i * 37) % 230)).padStart(5, '0')}`,
        lastName: lastNames[i % lastNames.length] ?? 'Smith',
        firstName: ['Zoe', 'amir', 'Bea'][i % 3] ?? 'Bea',
        ...(i % 4 === 0 ? { groupId: 'pilot' } : {}),
        department: i % 2 === 0 ? 'Radiology' : 'Estates',
      }),
    );
    for (let i = 0; i < people.length; i += 25) await Promise.all(people.slice(i, i + 25).map((m) => staff.create(m, [])));
    // Someone else's project with the same local IDs must never show.
    await Promise.all(people.slice(0, 20).map((m) => staff.create({ ...m, projectId: `p-${randomUUID()}` }, [])));
    const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const expected = [...people]
      .sort((a, b) => fold(a.lastName).localeCompare(fold(b.lastName), 'en') || fold(a.firstName).localeCompare(fold(b.firstName), 'en') || (a.localId < b.localId ? -1 : 1))
      .map((m) => m.localId);

    counter.reset();
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await staff.list(projectId, { filter: {}, limit: 25, ...(after !== undefined ? { after } : {}) });
      seen.push(...page.members.map((m) => m.localId));
      after = page.next;
      pages += 1;
    } while (after !== undefined && pages < 20);
    expect(pages).toBe(10);
    expect(seen).toEqual(expected);
    expect(counter.snapshot().query).toBe(10);

    const pilot = await staff.list(projectId, { filter: { groupId: 'pilot' }, limit: 200 });
    expect(pilot.members.map((m) => m.localId)).toEqual(expected.filter((id) => people.find((m) => m.localId === id)?.groupId === 'pilot'));
    expect(await staff.count(projectId, {})).toBe(230);
    expect(await staff.count(projectId, { groupId: 'pilot' })).toBe(58);
    expect(await staff.count(projectId, { ungrouped: true })).toBe(172);
    expect(await staff.count(projectId, { department: '  radiology ' })).toBe(115);
    expect(await staff.count(projectId, { ungrouped: true, department: 'Estates' })).toBe(115);
    expect(await staff.count(projectId, { status: 'migrated' })).toBe(0);
    await expect(staff.list(projectId, { filter: {}, limit: 0 })).rejects.toThrow(RangeError);
  });

  it('when a record is updated, then the change and its history line are one write, and a stale save is refused', async () => {
    const member = aStaffMember();
    await staff.create(member, []);
    const moved = await staff.tryUpdate(member.projectId, member.localId, (m) => ({
      member: { ...m, status: 'account-requested', version: m.version + 1 },
      history: [statusLine('not-started', 'account-requested')],
    }));
    expect(moved.status).toBe('account-requested');
    expect(await staff.count(member.projectId, { status: 'account-requested' })).toBe(1);
    expect(await staff.history(member.projectId, member.localId)).toEqual([statusLine('not-started', 'account-requested')]);

    // Two instances save the same record at once: one lands, the other is told.
    const other = new CosmosStaffRepository(fixture.containers.projects);
    const a = staff.tryUpdate(member.projectId, member.localId, (m) => ({ member: { ...m, jobRole: 'A', version: m.version + 1 }, history: [] }));
    const b = other.tryUpdate(member.projectId, member.localId, (m) => ({ member: { ...m, jobRole: 'B', version: m.version + 1 }, history: [] }));
    const results = await Promise.allSettled([a, b]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(ConcurrentModification);

    await expect(staff.tryUpdate(member.projectId, 'nobody', (m) => ({ member: m, history: [] }))).rejects.toBeInstanceOf(NotFound);
    const before = await raw(member);
    expect(await staff.tryUpdate(member.projectId, member.localId, () => undefined)).toEqual(before.member);
    expect(((await raw(member)) as StaffDocument & { _etag: string })._etag).toBe((before as StaffDocument & { _etag: string })._etag);
  });

  it('when a record gathers a long history, then the oldest lines move to pages and the whole history still reads back in order', async () => {
    const member = aStaffMember();
    await staff.create(member, []);
    const lines = Array.from({ length: 11 }, (_, i) => statusLine(`s${i}`, `s${i + 1}`, i));
    for (const line of lines) {
      await staff.tryUpdate(member.projectId, member.localId, (m) => ({ member: { ...m, version: m.version + 1 }, history: [line] }));
    }
    const document = await raw(member);
    expect(document.history.length).toBeLessThanOrEqual(4);
    expect(document.historyArchived).toBe(true);
    expect(await staff.history(member.projectId, member.localId)).toEqual(lines);
  });

  it('when a person is removed on request, then their record and every history page are gone, and removing again says there was nobody', async () => {
    const member = aStaffMember();
    const neighbour = aStaffMember({ projectId: member.projectId });
    await staff.create(member, []);
    await staff.create(neighbour, []);
    for (let i = 0; i < 9; i += 1) {
      await staff.tryUpdate(member.projectId, member.localId, (m) => ({ member: { ...m, version: m.version + 1 }, history: [statusLine('a', 'b', i)] }));
    }
    expect(await staff.remove(member.projectId, member.localId)).toBe(true);
    expect(await staff.remove(member.projectId, member.localId)).toBe(false);
    const { resources } = await fixture.containers.projects.items
      .query<string>({ query: 'SELECT VALUE c.id FROM c WHERE c.projectId = @p', parameters: [{ name: '@p', value: member.projectId }] })
      .fetchAll();
    expect(resources).toEqual([staffDocumentId(neighbour.localId)]);
  });

  it('when every staff record of a project is removed, then the count says how many and other projects and documents are untouched', async () => {
    const projectId = `p-${randomUUID()}`;
    const people = Array.from({ length: 120 }, (_, i) => aStaffMember({ projectId, localId: `R${i}` }));
    for (const m of people) await staff.create(m, []);
    for (let i = 0; i < 6; i += 1) await staff.tryUpdate(projectId, 'R0', (m) => ({ member: { ...m, version: m.version + 1 }, history: [statusLine('a', 'b', i)] }));
    const elsewhere = aStaffMember({ localId: 'R0' });
    await staff.create(elsewhere, []);
    await groups.create(aGroup({ projectId }));
    expect(await staff.removeAll(projectId)).toBe(120);
    expect(await staff.count(projectId, {})).toBe(0);
    expect(await staff.history(projectId, 'R0')).toEqual([]);
    expect(await staff.get(elsewhere.projectId, 'R0')).toEqual(elsewhere);
    expect(await groups.all(projectId)).toHaveLength(1);
    expect(await staff.removeAll(projectId)).toBe(0);
  });
});

describe('the roll-out groups on Cosmos', () => {
  let fixture: CosmosFixture;
  let groups: CosmosRolloutGroupRepository;

  beforeAll(async () => {
    fixture = await startCosmosFixture('groups');
    groups = new CosmosRolloutGroupRepository(fixture.containers.projects);
  });

  afterAll(async () => {
    await fixture.close();
  });

  it('when groups are created, then all of them read back in roll-out order, and a taken id says so', async () => {
    const projectId = `p-${randomUUID()}`;
    const phase2 = aGroup({ projectId, groupId: 'phase-2', name: 'Phase 2', kind: 'phase', order: 2, cutoverDate: '2027-03-01' });
    const pilot = aGroup({ projectId });
    const phase1 = aGroup({ projectId, groupId: 'phase-1', name: 'Phase 1', kind: 'phase', order: 1 });
    for (const g of [phase2, pilot, phase1]) expect(await groups.create(g)).toBe('created');
    expect(await groups.create({ ...pilot, name: 'Another' })).toBe('exists');
    expect(await groups.all(projectId)).toEqual([pilot, phase1, phase2]);
    expect(await groups.all(`p-${randomUUID()}`)).toEqual([]);
    expect(await groups.get(projectId, 'phase-1')).toEqual(phase1);
  });

  it('when a group is replaced from an out-of-date version, then it is refused and the stored group is kept', async () => {
    const group = aGroup();
    await groups.create(group);
    const dated = { ...group, cutoverDate: '2027-01-10', version: 2 };
    expect(await groups.replace(dated, 1)).toEqual(dated);
    await expect(groups.replace({ ...group, name: 'Stale', version: 2 }, 1)).rejects.toBeInstanceOf(ConcurrentModification);
    expect(await groups.get(group.projectId, group.groupId)).toEqual(dated);
    await expect(groups.replace({ ...aGroup(), version: 2 }, 1)).rejects.toBeInstanceOf(ConcurrentModification);
    expect(await groups.remove(group.projectId, group.groupId)).toBe(true);
    expect(await groups.remove(group.projectId, group.groupId)).toBe(false);
    expect(await groups.get(group.projectId, group.groupId)).toBeUndefined();
  });
});
