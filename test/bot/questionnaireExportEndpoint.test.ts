import restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEndpoint } from '../../bot/http/exportEndpoint';
import { createExportLinks, EXPORT_LINK_LIFETIME_MS, type ExportLinks } from '../../bot/http/exportLinks';
import { createLogger } from '../../bot/log';
import { exportQuestionnaire } from '../../bot/migration/questionnaire/questionnaireExport';
import { tom } from '../unit/projects/projectFixtures';
import { fillSection, questionnaireWorld, type QuestionnaireWorld } from '../unit/questionnaire/questionnaireWorld';

/** The export download on a real restify server, as server.ts will mount it. */
describe('GET /api/exports/:token', () => {
  let world: QuestionnaireWorld;
  let server: restify.Server;
  let base = '';
  let links: ExportLinks;
  let now = new Date('2026-11-25T10:00:00.000Z');

  beforeAll(async () => {
    world = await questionnaireWorld();
    await fillSection(world, tom, 'mobile-devices', { 'mobile-users': '300', 'mobile-platforms': 'ios' });
    links = createExportLinks({ baseUrl: () => base, now: () => now });
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.get('/api/exports/:token', exportEndpoint({ links, deps: world.deps, logger: createLogger('silent') }));
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${server.address().port}`;
  });
  afterAll(async () => {
    server.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
    });
  });

  it('when a fresh link is opened, then the document downloads as an attachment with its type, exactly as exported', async () => {
    now = new Date('2026-11-25T10:00:00.000Z');
    const response = await fetch(links.issue(world.project.projectId, 'html').url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="discovery-questionnaire-RH8-2026-11-25.html"');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const expected = await exportQuestionnaire(world.deps, { projectId: world.project.projectId, format: 'html' });
    expect(await response.text()).toBe(expected?.body);
  });

  it('when the CSV link is opened, then the bytes start with the byte order mark Excel needs', async () => {
    const response = await fetch(links.issue(world.project.projectId, 'csv').url);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('mobile-users');
  });

  it('when a link is more than 15 minutes old, then it answers 410 Gone and says how to get a new one', async () => {
    now = new Date('2026-11-25T10:00:00.000Z');
    const url = links.issue(world.project.projectId, 'markdown').url;
    now = new Date(now.getTime() + EXPORT_LINK_LIFETIME_MS + 1);
    const response = await fetch(url);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('type export questionnaire');
    now = new Date('2026-11-25T10:00:00.000Z');
  });

  it('when the link was not signed by the bot, names no token, or names a project that is gone, then the answer is 404 and says nothing about the data', async () => {
    const real = links.issue(world.project.projectId, 'markdown').url;
    for (const url of [real.replace(world.project.projectId, 'prj-999'), `${base}/api/exports/anything`, `${base}/api/exports/`]) {
      const response = await fetch(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('mobile');
    }
    const gone = links.issue('prj-does-not-exist', 'markdown').url;
    expect((await fetch(gone)).status).toBe(404);
  });
});
