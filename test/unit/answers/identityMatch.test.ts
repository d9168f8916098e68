import { describe, expect, it } from 'vitest';
import { addressesOf, matchIdentity, normaliseAddress } from '../../../bot/migration/answers/personal/identityMatch';
import { staffMember } from './personalFixtures';

describe('matching a Teams identity to the staff list', () => {
  it('when Teams gives a UPN and an email in mixed case, then both are looked for, lower-cased, once each', () => {
    expect(addressesOf({ userPrincipalName: ' Aisha.Khan@NHS.net ', email: 'aisha.khan@nhs.net' })).toEqual(['aisha.khan@nhs.net']);
    expect(addressesOf({ userPrincipalName: 'a.khan@ysbyty.onmicrosoft.com', email: 'Aisha.Khan@ysbyty.nhs.uk' })).toEqual(['a.khan@ysbyty.onmicrosoft.com', 'aisha.khan@ysbyty.nhs.uk']);
  });

  it('when the roster gives something that is not an address, then it is not looked for', () => {
    expect(normaliseAddress('Aisha Khan')).toBeUndefined();
    expect(addressesOf({})).toEqual([]);
  });

  it('when the person signs in to Teams with nhs.net but the list knows their local email, then the local email matches', () => {
    const member = staffMember({ currentEmail: 'aisha.khan@ysbyty.nhs.uk' });
    expect(matchIdentity(['aisha.khan@nhs.net', 'aisha.khan@ysbyty.nhs.uk'], [member])).toEqual({ kind: 'matched', member });
  });

  it('when the list holds their NHSmail address, then it matches on that', () => {
    const member = staffMember({ currentEmail: undefined, nhsmailAddress: 'aisha.khan@nhs.net' });
    expect(matchIdentity(['aisha.khan@nhs.net'], [member])).toEqual({ kind: 'matched', member });
  });

  it('when no candidate carries one of their addresses, then they are not on the list', () => {
    expect(matchIdentity(['someone.else@nhs.net'], [staffMember()])).toEqual({ kind: 'not-on-list' });
    expect(matchIdentity(['aisha.khan@nhs.net'], [])).toEqual({ kind: 'not-on-list' });
  });

  it('when a shared mailbox is listed under the same address as the person, then their own mailbox is theirs', () => {
    const own = staffMember({ localId: 'E100' });
    const shared = staffMember({ localId: 'S1', accountType: 'shared', firstName: 'Pharmacy', lastName: 'Office' });
    expect(matchIdentity(['aisha.khan@ysbyty.nhs.uk'], [shared, own])).toEqual({ kind: 'matched', member: own });
  });

  it('when one record matches by NHSmail address and another by current email, then the NHSmail one wins', () => {
    const byLocal = staffMember({ localId: 'E1', currentEmail: 'a.khan@nhs.net' });
    const byNhsmail = staffMember({ localId: 'E2', currentEmail: undefined, nhsmailAddress: 'a.khan@nhs.net' });
    expect(matchIdentity(['a.khan@nhs.net'], [byLocal, byNhsmail])).toEqual({ kind: 'matched', member: byNhsmail });
  });

  it('when two people records fit equally well, then neither is shown: it is ambiguous', () => {
    const one = staffMember({ localId: 'E1' });
    const two = staffMember({ localId: 'E2', projectId: 'p2' });
    expect(matchIdentity(['aisha.khan@ysbyty.nhs.uk'], [one, two])).toEqual({ kind: 'ambiguous', count: 2 });
  });
});
