import { describe, expect, it } from 'vitest';
import type { ObservedReference } from '../../../bot/teams/conversationReferences';
import { CONFIRMED_FOR_MS, RecentlyConfirmed } from '../../../bot/teams/recentlyConfirmed';

const team: ObservedReference = {
  key: { kind: 'team', teamId: '19:team' },
  tenantId: 'tenant-a',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  botId: '28:bot',
  conversationId: '19:team',
  conversationType: 'channel',
};

describe('recently confirmed references', () => {
  it('when a reference was confirmed a moment ago, then the same shape is known and nothing else is', () => {
    const recent = new RecentlyConfirmed();
    recent.confirm(team, 1_000);
    expect(recent.has(team, 2_000)).toBe(true);
    expect(recent.has({ ...team, serviceUrl: 'https://smba.trafficmanager.net/emea/' }, 2_000)).toBe(false);
    expect(recent.has({ ...team, tenantId: 'tenant-b' }, 2_000)).toBe(false);
    expect(recent.has({ ...team, key: { kind: 'team', teamId: '19:other' } }, 2_000)).toBe(false);
  });

  it('when the confirmation is older than its lifetime, then it is read again', () => {
    const recent = new RecentlyConfirmed();
    recent.confirm(team, 1_000);
    expect(recent.has(team, 1_000 + CONFIRMED_FOR_MS - 1)).toBe(true);
    expect(recent.has(team, 1_000 + CONFIRMED_FOR_MS)).toBe(false);
  });

  it('when the bot is removed, then the reference is forgotten at once', () => {
    const recent = new RecentlyConfirmed();
    recent.confirm(team, 1_000);
    recent.forget('tenant-a', team.key);
    expect(recent.has(team, 1_001)).toBe(false);
  });
});
