import { describe, expect, it } from 'vitest';
import { createExportLinks, EXPORT_LINK_LIFETIME_MS } from '../../../bot/http/exportLinks';

const SECRET = 'a-test-secret-that-is-long-enough-1234';

describe('signed export links', () => {
  let now = new Date('2026-11-25T14:05:00.000Z');
  const links = createExportLinks({ secret: SECRET, baseUrl: () => 'http://127.0.0.1:3978/', now: () => now });
  const tokenOf = (url: string): string => url.slice(url.lastIndexOf('/') + 1);

  it('when a link is issued, then it points at the bot, names the project and format, and checks out for 15 minutes', () => {
    now = new Date('2026-11-25T14:05:00.000Z');
    const issued = links.issue('prj-1', 'csv');
    expect(issued.url).toMatch(/^http:\/\/127\.0\.0\.1:3978\/api\/exports\/prj-1\.csv\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(issued.expiresAt.getTime() - now.getTime()).toBe(EXPORT_LINK_LIFETIME_MS);
    expect(links.check(tokenOf(issued.url))).toEqual({ ok: true, projectId: 'prj-1', format: 'csv' });
    now = new Date(now.getTime() + EXPORT_LINK_LIFETIME_MS - 1000);
    expect(links.check(tokenOf(issued.url)).ok).toBe(true);
    now = new Date(now.getTime() + 1000);
    expect(links.check(tokenOf(issued.url))).toEqual({ ok: false, reason: 'expired' });
  });

  it('when any part of a link is changed, then it is not a link the bot signed', () => {
    now = new Date('2026-11-25T14:05:00.000Z');
    const token = tokenOf(links.issue('prj-1', 'markdown').url);
    const [project, format, expiry, mac] = token.split('.') as [string, string, string, string];
    const tampered = [
      `prj-2.${format}.${expiry}.${mac}`,
      `${project}.html.${expiry}.${mac}`,
      `${project}.${format}.${Number(expiry) + 3600}.${mac}`,
      `${project}.${format}.${expiry}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      `${project}.${format}.${expiry}`,
      '',
      '../../etc/passwd',
    ];
    for (const t of tampered) expect(links.check(t), t).toEqual({ ok: false, reason: 'invalid' });
  });

  it('when another process (another key) checks a link, then it is refused; the same configured secret accepts it', () => {
    const token = tokenOf(links.issue('prj-1', 'html').url);
    expect(createExportLinks({ baseUrl: 'x', now: () => now }).check(token).ok).toBe(false);
    expect(createExportLinks({ secret: SECRET, baseUrl: 'x', now: () => now }).check(token).ok).toBe(true);
  });

  it('when the configured secret is too short to be safe, then it is refused at start', () => {
    expect(() => createExportLinks({ secret: 'short', baseUrl: 'x' })).toThrow(/at least 32/);
  });
});
