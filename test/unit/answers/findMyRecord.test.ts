import { describe, expect, it } from 'vitest';
import { findMyRecord, type MyRecordDeps } from '../../../bot/migration/answers/personal/findMyRecord';
import type { StaffLink } from '../../../bot/migration/answers/personal/personalPorts';
import type { StaffMember } from '../../../bot/migration/staff/staffMember';
import { staffMember } from './personalFixtures';

const actor = { tenantId: 't1', userId: '29:aisha', aadObjectId: 'aad-aisha', name: 'Aisha Khan' };

function fakes(members: StaffMember[]) {
  const calls = { get: 0, find: 0, identity: 0 };
  const links: StaffLink[] = [];
  const deps: MyRecordDeps = {
    staff: { get: (projectId, localId) => ((calls.get += 1), Promise.resolve(members.find((m) => m.projectId === projectId && m.localId === localId))) },
    directory: {
      findByAddresses: (_tenant, addresses) => ((calls.find += 1), Promise.resolve(members.filter((m) => addresses.includes(m.currentEmail ?? '') || addresses.includes(m.nhsmailAddress ?? '')))),
    },
    links: { save: (link) => (links.push(link), Promise.resolve()) },
    clock: { now: () => new Date('2027-02-01T10:00:00Z') },
  };
  const identity = () => ((calls.identity += 1), Promise.resolve({ userPrincipalName: 'Aisha.Khan@ysbyty.nhs.uk' }));
  return { deps, calls, links, identity };
}

describe('finding the person’s own record', () => {
  it('when they ask for the first time, then they are matched by address, linked for reminders, and the match is to be remembered', async () => {
    const { deps, calls, links, identity } = fakes([staffMember()]);
    const found = await findMyRecord(deps, { actor, identity });
    expect(found).toMatchObject({ kind: 'found', member: { localId: 'E100' }, remember: { tenantId: 't1', projectId: 'p1', localId: 'E100' } });
    expect(links).toEqual([{ projectId: 'p1', localId: 'E100', tenantId: 't1', userId: '29:aisha', aadObjectId: 'aad-aisha', linkedAt: '2027-02-01T10:00:00.000Z' }]);
    expect(calls).toEqual({ get: 0, find: 1, identity: 1 });
  });

  it('when the match is remembered, then it is one point read: no roster call, no search', async () => {
    const { deps, calls, identity } = fakes([staffMember()]);
    const found = await findMyRecord(deps, { actor, remembered: { tenantId: 't1', projectId: 'p1', localId: 'E100' }, identity });
    expect(found.kind).toBe('found');
    expect(found).not.toHaveProperty('remember');
    expect(calls).toEqual({ get: 1, find: 0, identity: 0 });
  });

  it('when the remembered record has gone, then they are matched again', async () => {
    const { deps, calls, identity } = fakes([staffMember({ localId: 'E200' })]);
    const found = await findMyRecord(deps, { actor, remembered: { tenantId: 't1', projectId: 'p1', localId: 'E100' }, identity });
    expect(found).toMatchObject({ kind: 'found', member: { localId: 'E200' } });
    expect(calls.find).toBe(1);
  });

  it('when a remembered match belongs to another tenant, then it is not used', async () => {
    const { deps, calls, identity } = fakes([staffMember()]);
    await findMyRecord(deps, { actor, remembered: { tenantId: 'other', projectId: 'p1', localId: 'E100' }, identity });
    expect(calls.get).toBe(0);
  });

  it('when nobody on the list has their address, then they are not on the list and nothing is linked', async () => {
    const { deps, links, identity } = fakes([staffMember({ currentEmail: 'someone@ysbyty.nhs.uk' })]);
    expect(await findMyRecord(deps, { actor, identity })).toEqual({ kind: 'not-on-list', addresses: ['aisha.khan@ysbyty.nhs.uk'] });
    expect(links).toEqual([]);
  });

  it('when Teams gives no address, then it says it could not tell who they are', async () => {
    const { deps } = fakes([staffMember()]);
    expect(await findMyRecord(deps, { actor, identity: () => Promise.resolve(undefined) })).toEqual({ kind: 'no-identity' });
  });
});
