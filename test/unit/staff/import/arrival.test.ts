import { describe, expect, it } from 'vitest';
import { createExportLinks } from '../../../../bot/http/exportLinks';
import { readMultipartFile } from '../../../../bot/http/uploadMultipart';
import { createUploadLinks } from '../../../../bot/http/uploadLinks';
import { downloadTeamsFile, isAllowedDownloadUrl } from '../../../../bot/imports/teamsFileDownload';

const PROJECT = '3f2c8a9e-1b7d-4e5f-9a0b-123456789abc';

describe('how a staff file arrives', () => {
  it.each([
    ['https://contoso.sharepoint.com/personal/x/file.csv', false, true],
    ['https://contoso-my.sharepoint.com/personal/x/file.csv', false, true],
    ['https://sharepoint.com/file.csv', false, false],
    ['http://contoso.sharepoint.com/file.csv', false, false],
    ['https://contoso.sharepoint.com:8443/file.csv', false, false],
    ['https://contoso.sharepoint.com.evil.example/file.csv', false, false],
    ['https://user:pw@contoso.sharepoint.com/file.csv', false, false],
    ['http://127.0.0.1:5000/file.csv', false, false],
    ['http://127.0.0.1:5000/file.csv', true, true],
    ['http://10.0.0.5/file.csv', true, false],
    ['file:///etc/passwd', true, false],
    ['not a url', true, false],
  ])('when the download URL is %s (loopback allowed: %s), then allowed is %s', (url, loopback, allowed) => {
    expect(isAllowedDownloadUrl(url, loopback)).toBe(allowed);
  });

  it('when an allowed host redirects elsewhere, then the redirect is not followed', async () => {
    const asked: string[] = [];
    const fake = (url: string): Promise<Response> => {
      asked.push(url);
      return Promise.resolve(new Response(null, { status: 302, headers: { location: 'https://attacker.example/steal' } }));
    };
    const result = await downloadTeamsFile('https://contoso.sharepoint.com/a.csv', { maxBytes: 100, allowLoopback: false, fetch: fake });
    expect(result).toMatchObject({ ok: false, why: 'host-not-allowed' });
    expect(asked).toEqual(['https://contoso.sharepoint.com/a.csv']);
  });

  it('when a file says it is over the limit, then it is refused before its body is read', async () => {
    const fake = (): Promise<Response> => Promise.resolve(new Response('x'.repeat(10), { status: 200, headers: { 'content-length': '1000' } }));
    expect(await downloadTeamsFile('https://contoso.sharepoint.com/a.csv', { maxBytes: 100, allowLoopback: false, fetch: fake })).toMatchObject({ ok: false, why: 'too-big' });
  });

  it('when an upload link is past its 15 minutes, then it is expired; changed, it is invalid; as issued, it names the person and project', () => {
    let now = new Date('2026-03-02T10:00:00Z');
    const signer = createExportLinks({ secret: 'x'.repeat(32), baseUrl: 'https://gateway.example', now: () => now });
    const links = createUploadLinks(signer);
    const issued = new URL(links.issueUpload(PROJECT, '29:pat').url);
    const token = issued.pathname.split('/').pop() ?? '';
    expect(links.check('up', token, issued.searchParams)).toMatchObject({ ok: true, projectId: PROJECT, userId: '29:pat' });
    expect(links.check('rep', token, issued.searchParams)).toEqual({ ok: false, reason: 'invalid' });
    const other = new URLSearchParams({ by: Buffer.from('29:sue').toString('base64url') });
    expect(links.check('up', token, other)).toEqual({ ok: false, reason: 'invalid' });
    now = new Date('2026-03-02T10:15:01Z');
    expect(links.check('up', token, issued.searchParams)).toEqual({ ok: false, reason: 'expired' });
  });

  it('when the upload form posts a file, then its bytes and name are read; a body without a file gives nothing', () => {
    const body = Buffer.from('--b1\r\nContent-Disposition: form-data; name="file"; filename="C:\\\\staff.csv"\r\nContent-Type: text/csv\r\n\r\nLocal ID\r\nE1\r\n\r\n--b1--\r\n');
    const file = readMultipartFile(body, 'multipart/form-data; boundary=b1');
    expect(file?.name).toBe('staff.csv');
    expect(Buffer.from(file?.bytes ?? []).toString()).toBe('Local ID\r\nE1\r\n');
    expect(readMultipartFile(Buffer.from('--b1\r\nContent-Disposition: form-data; name="x"\r\n\r\nhi\r\n--b1--\r\n'), 'multipart/form-data; boundary=b1')).toBeUndefined();
    expect(readMultipartFile(body, 'text/plain')).toBeUndefined();
  });
});
