import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosStaffRepository } from '../../../bot/storage/staff';
import { CosmosStaffDirectory } from '../../../bot/storage/staff/cosmosStaffDirectory';
import { CosmosStaffLinks } from '../../../bot/storage/staff/cosmosStaffLinks';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';
import { aStaffMember } from './staffFixtures';

describe('finding people on the staff lists, on Cosmos', () => {
  let fixture: CosmosFixture;
  let staff: CosmosStaffRepository;
  let directory: CosmosStaffDirectory;
  let links: CosmosStaffLinks;
  const tenants = new Map([
    ['p-ours', 'tenant-a'],
    ['p-other-tenant', 'tenant-b'],
  ]);

  beforeAll(async () => {
    fixture = await startCosmosFixture('staff-directory');
    staff = new CosmosStaffRepository(fixture.containers.projects);
    directory = new CosmosStaffDirectory(fixture.containers.projects, (projectId) => Promise.resolve(tenants.get(projectId)));
    links = new CosmosStaffLinks(fixture.containers.projects);
    await staff.create(aStaffMember({ projectId: 'p-ours', localId: 'E1', firstName: 'Amelia', lastName: 'Jones', currentEmail: 'amelia.jones@trust.nhs.uk', nhsmailAddress: 'amelia.jones2@nhs.net' }), []);
    await staff.create(aStaffMember({ projectId: 'p-ours', localId: 'E2', firstName: 'Tom', lastName: 'Jones', currentEmail: 'tom.jones@trust.nhs.uk' }), []);
    // The same address on another tenant's list must never answer for tenant A.
    await staff.create(aStaffMember({ projectId: 'p-other-tenant', localId: 'X1', currentEmail: 'amelia.jones@trust.nhs.uk' }), []);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('when an address is on lists in two tenants, then only the asker’s tenant’s record is found', async () => {
    const found = await directory.findByAddresses('tenant-a', ['Amelia.Jones@trust.nhs.uk']);
    expect(found.map((m) => `${m.projectId}/${m.localId}`)).toEqual(['p-ours/E1']);
    expect((await directory.findByAddresses('tenant-b', ['amelia.jones@trust.nhs.uk'])).map((m) => m.localId)).toEqual(['X1']);
  });

  it('when the NHSmail address is given, then it finds the record by that column too', async () => {
    expect((await directory.findByAddresses('tenant-a', ['amelia.jones2@nhs.net'])).map((m) => m.localId)).toEqual(['E1']);
  });

  it('when the team searches by name, then every word must match, in list order, within the one project', async () => {
    expect((await directory.search('p-ours', 'jones', 5)).map((m) => m.localId)).toEqual(['E1', 'E2']);
    expect((await directory.search('p-ours', 'Tom Jones', 5)).map((m) => m.localId)).toEqual(['E2']);
    expect((await directory.search('p-ours', 'tom.jones@trust.nhs.uk', 5)).map((m) => m.localId)).toEqual(['E2']);
    expect(await directory.search('p-other-tenant', 'tom', 5)).toEqual([]);
  });

  it('when a person is linked, then the link reads both ways, and removing it forgets both', async () => {
    await links.save({ projectId: 'p-ours', localId: 'E1', tenantId: 'tenant-a', userId: '29:amelia', aadObjectId: 'aad-amelia', linkedAt: '2026-12-01T10:00:00.000Z' });
    expect(await links.get('p-ours', 'E1')).toMatchObject({ userId: '29:amelia', aadObjectId: 'aad-amelia' });
    expect(await links.recordOf('tenant-a', '29:amelia')).toEqual({ projectId: 'p-ours', localId: 'E1' });
    expect(await links.recordOf('tenant-b', '29:amelia')).toBeUndefined();
    expect(await links.remove('p-ours', 'E1')).toBe(true);
    expect(await links.get('p-ours', 'E1')).toBeUndefined();
    expect(await links.recordOf('tenant-a', '29:amelia')).toBeUndefined();
  });
});
