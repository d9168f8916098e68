import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/log';
import { startHttpServer, type HttpServer } from '../../bot/server';

/** The pages the Teams manifest links to must answer on the bot's own address, wherever it is deployed. */
describe('the privacy and terms pages', () => {
  let server: HttpServer;
  const unused = (): Promise<void> => Promise.reject(new Error('not called'));

  beforeAll(async () => {
    server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: { messages: unused, health: unused }, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['/privacy', 'Gateway: privacy notice', 'data protection officer'],
    ['/terms', 'Gateway: terms of use', 'patient information'],
  ])('when %s is opened, then a plain HTML page answers with its title and no scripts', async (route, title, phrase) => {
    const response = await fetch(`${server.url}${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain(`<title>${title}</title>`);
    expect(html).toContain(phrase);
    expect(html).toContain('lang="en-GB"');
    expect(html).not.toMatch(/<script/i);
  });

  it('when a page that does not exist is opened, then it is not found (only the two pages are served)', async () => {
    const response = await fetch(`${server.url}/privacy-old`);
    expect(response.status).toBe(404);
  });
});
