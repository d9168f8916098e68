import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { recogniseCommand } from '../../../bot/recognition/commandRecogniser';
import { buildTeamsPackage, fillManifest, iconProblems, manifestProblems, packageSettingsFrom, TEAMS_PACKAGE_DIR, validateTeamsPackage, type PackageSettings } from '../../../infra/teams/teamsPackage';
import { readZip, writeZip } from '../../../infra/teams/zip';

const SETTINGS: PackageSettings = {
  botId: '2f1c0b9e-8d7a-4c3b-9a1e-0f2d3c4b5a69',
  botDomain: 'gateway-rh8-web.azurewebsites.net',
  teamsAppId: '2f1c0b9e-8d7a-4c3b-9a1e-0f2d3c4b5a69',
  appVersion: '0.1.0',
};
const TEMPLATE = readFileSync(path.join(TEAMS_PACKAGE_DIR, 'manifest.json'), 'utf8');

interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}
interface Manifest {
  manifestVersion: string;
  description: { short: string; full: string };
  developer: { privacyUrl: string; termsOfUseUrl: string };
  validDomains: string[];
  bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: CommandList[] }[];
}
const filled = (): Manifest => JSON.parse(fillManifest(TEMPLATE, SETTINGS)) as Manifest;

/** A PNG of `size`×`size` RGBA pixels all equal to `pixel` except where `at` says otherwise. */
function png(size: number, pixel: readonly number[], at: (x: number, y: number) => readonly number[] | undefined = () => undefined): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) row.set(at(x, y) ?? pixel, 1 + x * 4);
    rows.push(row);
  }
  const chunk = (type: string, body: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

describe('the Teams app package', () => {
  it('when it is built from settings, then the zip holds the manifest and both icons and validates against the bundled schema', async () => {
    const zip = buildTeamsPackage(SETTINGS);
    expect(readZip(zip).map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(await validateTeamsPackage(zip)).toEqual([]);
  });

  it('when the manifest breaks the schema, then validation names the problem', async () => {
    const broken = { ...filled(), accentColor: 'blue', bots: [{ ...filled().bots[0], scopes: ['everywhere'] }] };
    const problems = await manifestProblems(JSON.stringify({ ...broken, $schema: (JSON.parse(TEMPLATE) as { $schema: string }).$schema }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/accentColor|scopes/);
  });

  it('when a placeholder has no setting, then filling refuses rather than leaving it in', () => {
    expect(() => fillManifest('{"id":"${{NOT_A_SETTING}}"}', SETTINGS)).toThrow(/NOT_A_SETTING/);
    expect(fillManifest(TEMPLATE, SETTINGS)).not.toContain('${{');
  });

  it('when the settings are read, then the domain comes from PUBLIC_BASE_URL and bad values are all named', () => {
    const ok = packageSettingsFrom({ BOT_ID: SETTINGS.botId, PUBLIC_BASE_URL: 'https://gateway.example.nhs.uk/' });
    expect(ok.settings?.botDomain).toBe('gateway.example.nhs.uk');
    expect(ok.settings?.teamsAppId).toBe(SETTINGS.botId);
    const bad = packageSettingsFrom({ BOT_ID: 'not-a-guid', PUBLIC_BASE_URL: 'http://gateway.example.nhs.uk', TEAMS_APP_ID: 'x' });
    expect(bad.settings).toBeUndefined();
    expect(bad.problems.map((p) => p.split(':')[0])).toEqual(['BOT_ID', 'TEAMS_APP_ID', 'PUBLIC_BASE_URL']);
  });

  it('when the manifest is read, then the bot works in personal, team and group chats, takes files, and its links are on its own domain', () => {
    const manifest = filled();
    const [bot] = manifest.bots;
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot?.supportsFiles).toBe(true);
    expect(bot?.botId).toBe(SETTINGS.botId);
    expect(manifest.validDomains).toEqual([SETTINGS.botDomain]);
    expect(manifest.developer.privacyUrl).toBe(`https://${SETTINGS.botDomain}/privacy`);
    expect(manifest.developer.termsOfUseUrl).toBe(`https://${SETTINGS.botDomain}/terms`);
  });

  it('when every listed command is typed, then Gateway answers it as that command (no list promises what the bot does not do)', () => {
    for (const list of filled().bots[0]?.commandLists ?? []) {
      for (const command of list.commands) {
        const recognised = recogniseCommand(command.title);
        expect(recognised, `"${command.title}" in ${list.scopes.join(', ')}`).toBeDefined();
        expect(recognised?.intent, command.title).not.toBe('out-of-range');
      }
    }
  });

  it('when the command lists are read, then each scope offers help, and the everyday commands are offered in a personal chat', () => {
    const lists = filled().bots[0]?.commandLists ?? [];
    const titlesIn = (scope: string): string[] => lists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
    for (const scope of ['personal', 'team', 'groupChat']) expect(titlesIn(scope), scope).toContain('help');
    const personal = titlesIn('personal').map((t) => recogniseCommand(t)?.intent);
    for (const intent of ['status', 'gateway', 'my-actions', 'questionnaire', 'risks', 'highlight', 'when-do-i-migrate']) expect(personal, intent).toContain(intent);
    // The roll-out is run by the project team, so its commands are offered where the team works.
    const team = titlesIn('team').map((t) => recogniseCommand(t)?.intent);
    for (const intent of ['groups', 'registrations']) expect(team, intent).toContain(intent);
    // Teams shows at most ten a scope; help lists the rest, and the README says so.
    for (const scope of ['personal', 'team', 'groupChat']) expect(titlesIn(scope).length, scope).toBeLessThanOrEqual(10);
    // Set-up works only in the project team's channel, so it is offered there alone.
    expect(titlesIn('team')).toContain('set up project');
    expect(titlesIn('personal')).not.toContain('set up project');
  });

  it('when the descriptions are read, then they tell of the roll-out and the staff answers, and promise nothing Gateway has not built yet', () => {
    const { description } = filled();
    expect(description.short.length).toBeLessThanOrEqual(80);
    const text = `${description.short} ${description.full}`.toLowerCase();
    for (const built of ['roll-out', 'when do i migrate', 'registrations', 'co-existence', 'cutover', 'project team']) expect(text, built).toContain(built);
    // Loading the staff list from Teams is not routed yet, and the optional language model is not a promise to make.
    for (const unbuilt of ['upload the staff list', 'send the staff list', 'import', 'ai ', 'artificial intelligence', 'chatbot']) expect(text, unbuilt).not.toContain(unbuilt);
  });
});

describe('the icons', () => {
  it('when the checked-in icons are read, then the colour one is 192×192 and the outline 32×32 white on transparent', () => {
    for (const name of ['color.png', 'outline.png']) expect(iconProblems(name, readFileSync(path.join(TEAMS_PACKAGE_DIR, name))), name).toEqual([]);
  });

  it('when an outline icon has a coloured pixel or no transparency, then it is refused', () => {
    const clear = [0, 0, 0, 0];
    const white = [255, 255, 255, 255];
    expect(iconProblems('outline.png', png(32, clear, (x) => (x < 8 ? white : undefined)))).toEqual([]);
    expect(iconProblems('outline.png', png(32, clear, (x, y) => (x === 3 && y === 3 ? [0, 94, 184, 255] : x < 8 ? white : undefined))).join()).toMatch(/not white/);
    expect(iconProblems('outline.png', png(32, white)).join()).toMatch(/no transparent/);
    expect(iconProblems('outline.png', png(48, clear, (x) => (x < 8 ? white : undefined))).join()).toMatch(/must be 32×32/);
  });

  it('when a colour icon is the wrong size, then it is refused', () => {
    expect(iconProblems('color.png', png(96, [0, 94, 184, 255])).join()).toMatch(/must be 192×192/);
  });

  it('when a package lacks an icon, then validation says what Teams expects', async () => {
    const zip = writeZip(readZip(buildTeamsPackage(SETTINGS)).filter((e) => e.name !== 'outline.png'));
    expect((await validateTeamsPackage(zip)).join()).toMatch(/Teams expects manifest.json, color.png, outline.png/);
  });
});
