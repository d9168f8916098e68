import { describe, expect, it } from 'vitest';
import { linkInstalledMember, linkOnInstall, type InstallLinkDeps, type InstalledPerson } from '../../../bot/migration/answers/personal/installedPeople';
import { normaliseAddress } from '../../../bot/migration/answers/personal/identityMatch';
import type { StaffLink } from '../../../bot/migration/answers/personal/personalPorts';
import type { StaffMember } from '../../../bot/migration/staff/staffMember';
import { staffMember } from './personalFixtures';

const person = { tenantId: 't1', userId: '29:aisha', aadObjectId: 'aad-aisha' };

function fakes(members: StaffMember[]) {
  const links: StaffLink[] = [];
  const kept = new Map<string, InstalledPerson>();
  const key = (tenantId: string, address: string) => `${tenantId}|${address}`;
  const addressesOf = (p: InstalledPerson) => [p.identity.userPrincipalName, p.identity.email].map(normaliseAddress).filter((a): a is string => a !== undefined);
  const deps: InstallLinkDeps = {
    records: {
      directory: { findByAddresses: (_tenant, addresses) => Promise.resolve(members.filter((m) => addresses.includes(m.currentEmail ?? '') || addresses.includes(m.nhsmailAddress ?? ''))) },
      links: { save: (link) => (links.push(link), Promise.resolve()) },
      clock: { now: () => new Date('2027-02-01T10:00:00Z') },
    },
    installed: {
      keep: (p) => (addressesOf(p).forEach((a) => kept.set(key(p.tenantId, a), p)), Promise.resolve()),
      byAddress: (tenantId, address) => Promise.resolve(kept.get(key(tenantId, address))),
      forget: (p) => (addressesOf(p).forEach((a) => kept.delete(key(p.tenantId, a))), Promise.resolve()),
    },
  };
  return { deps, links, kept };
}

describe('matching people the app was installed for', () => {
  it('when the app is installed for someone on the list, then they are linked and nothing else is kept', async () => {
    const { deps, links, kept } = fakes([staffMember()]);
    const result = await linkOnInstall(deps, person, () => Promise.resolve({ userPrincipalName: 'Aisha.Khan@ysbyty.nhs.uk' }));
    expect(result).toEqual({ kind: 'linked', remember: { tenantId: 't1', projectId: 'p1', localId: 'E100' } });
    expect(links).toMatchObject([{ projectId: 'p1', localId: 'E100', userId: '29:aisha', aadObjectId: 'aad-aisha' }]);
    expect(kept.size).toBe(0);
  });

  it('when the roster cannot say who they are, then nothing is written', async () => {
    const { deps, links, kept } = fakes([staffMember()]);
    expect(await linkOnInstall(deps, person, () => Promise.resolve(undefined))).toEqual({ kind: 'no-identity' });
    expect(links).toEqual([]);
    expect(kept.size).toBe(0);
  });

  it('when they are on no list yet, then they are kept under their lower-cased addresses, and a later record of theirs finds them once', async () => {
    const { deps, links, kept } = fakes([]);
    expect(await linkOnInstall(deps, person, () => Promise.resolve({ userPrincipalName: 'Aisha.Khan@nhs.net', email: 'Aisha.Khan@ysbyty.nhs.uk' }))).toEqual({ kind: 'kept' });
    expect([...kept.keys()]).toEqual(['t1|aisha.khan@nhs.net', 't1|aisha.khan@ysbyty.nhs.uk']);

    const imported = staffMember({ nhsmailAddress: 'aisha.khan@nhs.net' });
    const { deps: later } = fakes([imported]);
    const laterDeps = { ...later, installed: deps.installed, records: { ...later.records, links: deps.records.links } };
    expect(await linkInstalledMember(laterDeps, 't1', imported)).toEqual({ userId: '29:aisha' });
    expect(links).toMatchObject([{ localId: 'E100', userId: '29:aisha' }]);
    expect(kept.size).toBe(0);
  });

  it('when the kept person matches another record better (their own mailbox, not a shared one), then the shared record is not theirs', async () => {
    const own = staffMember({ localId: 'E100', currentEmail: 'aisha.khan@ysbyty.nhs.uk' });
    const shared = staffMember({ localId: 'S1', accountType: 'shared', currentEmail: 'aisha.khan@ysbyty.nhs.uk' });
    const { deps, links } = fakes([own, shared]);
    await deps.installed.keep({ ...person, identity: { email: 'aisha.khan@ysbyty.nhs.uk' }, installedAt: '2027-01-01T09:00:00.000Z' });
    expect(await linkInstalledMember(deps, 't1', shared)).toBeUndefined();
    expect(links).toMatchObject([{ localId: 'E100' }]);
  });

  it('when two records fit equally, then neither is linked and the note is kept', async () => {
    const a = staffMember({ localId: 'E100' });
    const b = staffMember({ localId: 'E101' });
    const { deps, links, kept } = fakes([a, b]);
    await deps.installed.keep({ ...person, identity: { email: a.currentEmail ?? '' }, installedAt: '2027-01-01T09:00:00.000Z' });
    expect(await linkInstalledMember(deps, 't1', a)).toBeUndefined();
    expect(links).toEqual([]);
    expect(kept.size).toBe(1);
  });

  it('when someone installed in another tenant under the same address, then they are not found', async () => {
    const { deps } = fakes([staffMember()]);
    await deps.installed.keep({ ...person, tenantId: 't2', identity: { email: 'aisha.khan@ysbyty.nhs.uk' }, installedAt: '2027-01-01T09:00:00.000Z' });
    expect(await linkInstalledMember(deps, 't1', staffMember())).toBeUndefined();
  });
});
