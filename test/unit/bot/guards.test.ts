import { describe, expect, it } from 'vitest';
import { checkActivityShape } from '../../../bot/http/activityShape';
import { isAllowedServiceUrl } from '../../../bot/security/serviceUrlGuard';
import { isAllowedTenant, tenantOf } from '../../../bot/security/tenantGuard';

const teams = ['smba.trafficmanager.net'];

describe('isAllowedServiceUrl', () => {
  it.each([
    ['https://smba.trafficmanager.net/uk/', teams, true],
    ['https://smba.trafficmanager.net.evil.com/', teams, false],
    ['https://evil.com/?smba.trafficmanager.net', teams, false],
    ['http://smba.trafficmanager.net/uk/', teams, false],
    ['http://127.0.0.1:5000/', [...teams, '127.0.0.1'], true],
    ['http://127.0.0.1:5000/', teams, false],
    ['not a url', teams, false],
    ['ftp://smba.trafficmanager.net/', teams, false],
  ])('when the service URL is %s, then allowed is %s', (url, hosts, expected) => {
    expect(isAllowedServiceUrl(url, hosts)).toBe(expected);
  });
});

describe('tenant allow-list', () => {
  it('when the tenant is only in channelData, then it is still found', () => {
    expect(tenantOf({ channelData: { tenant: { id: 't1' } } })).toBe('t1');
  });

  it('when the allow-list is empty, then everyone is allowed (local mode)', () => {
    expect(isAllowedTenant({}, [])).toBe(true);
  });

  it('when an activity names no tenant and there is an allow-list, then it is refused', () => {
    expect(isAllowedTenant({}, ['t1'])).toBe(false);
  });

  it('when the tenant is listed, then it is allowed; otherwise refused', () => {
    expect(isAllowedTenant({ conversation: { id: 'c', tenantId: 't1', isGroup: false, name: '', conversationType: 'personal' } }, ['t1'])).toBe(true);
    expect(isAllowedTenant({ channelData: { tenant: { id: 't2' } } }, ['t1'])).toBe(false);
  });
});

describe('checkActivityShape', () => {
  it('when the body is not an object, then it says so', () => {
    expect(checkActivityShape('hello')).toEqual({ ok: false, problems: ['body: Expected object, received string'] });
  });

  it('when the essentials are present, then it passes and returns the service URL', () => {
    const body = { type: 'message', channelId: 'msteams', serviceUrl: 'https://x/', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } };
    expect(checkActivityShape(body)).toEqual({ ok: true, serviceUrl: 'https://x/' });
  });
});
