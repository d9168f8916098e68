import { describe, expect, it } from 'vitest';
import { createExportLinks, EXPORT_LINK_LIFETIME_MS } from '../../../bot/http/exportLinks';

const SECRET = 'a-test-secret-that-is-long-enough-1234';

describe('signed links to the risks and issues log', () => {
  let now = new Date('2026-11-25T14:05:00.000Z');
  const links = createExportLinks({ secret: SECRET, baseUrl: 'http://127.0.0.1:3978', now: () => now });
  const partsOf = (url: string) => {
    const parsed = new URL(url);
    return { token: parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1), by: parsed.searchParams.get('by') ?? '' };
  };

  it('when a link is issued, then it names the project and the person, and checks out for 15 minutes only', () => {
    now = new Date('2026-11-25T14:05:00.000Z');
    const { token, by } = partsOf(links.issueRiskLog('prj-1', '29:1priya').url);
    expect(links.isRiskLogToken(token)).toBe(true);
    expect(token.length).toBeLessThanOrEqual(100);
    expect(links.checkRiskLog(token, by)).toEqual({ ok: true, projectId: 'prj-1', userId: '29:1priya' });
    now = new Date(now.getTime() + EXPORT_LINK_LIFETIME_MS);
    expect(links.checkRiskLog(token, by)).toEqual({ ok: false, reason: 'expired' });
  });

  it('when the project, the person or the expiry is changed, then it is not a link the bot signed; and it is never a questionnaire link', () => {
    now = new Date('2026-11-25T14:05:00.000Z');
    const { token, by } = partsOf(links.issueRiskLog('prj-1', '29:1priya').url);
    const [project, code, expiry, mac] = token.split('.') as [string, string, string, string];
    expect(links.checkRiskLog(`prj-2.${code}.${expiry}.${mac}`, by)).toEqual({ ok: false, reason: 'invalid' });
    expect(links.checkRiskLog(`${project}.${code}.${Number(expiry) + 3600}.${mac}`, by)).toEqual({ ok: false, reason: 'invalid' });
    expect(links.checkRiskLog(token, Buffer.from('29:1sue').toString('base64url'))).toEqual({ ok: false, reason: 'invalid' });
    expect(links.checkRiskLog(token, '')).toEqual({ ok: false, reason: 'invalid' });
    expect(links.check(token).ok).toBe(false);
    expect(links.isRiskLogToken(partsOf(links.issue('prj-1', 'csv').url).token)).toBe(false);
  });
});
