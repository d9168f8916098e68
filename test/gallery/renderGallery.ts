import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cardProblems } from './cardRules';
import { chromiumMissing, launchChromium } from './chromium';
import { GALLERY } from './galleryCards';
import { toPalettePng } from './palettePng';
import { TEAMS_HOST_CONFIG } from './teamsHostConfig';

export interface GalleryRun {
  readonly failures: readonly string[];
  readonly images: number;
  readonly kilobytes: number;
}

/**
 * `npm run cards:render` (through vitest, as the card fixtures share helpers with the test suites): draws every gallery card (typical and worst case) with the official `adaptivecards`
 * renderer and a Teams-like host config in headless Chromium, into `cards/gallery/*.png`, and rewrites the gallery
 * list in README.md. Fails (exit 1) when a card breaks the rules in `cardRules.ts` (beyond its listed known problems)
 * or the renderer throws. Worst cases are cut at {@link MAX_HEIGHT} pixels to keep the images small.
 */
const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'cards', 'gallery');
const WIDTH = 460;
const MAX_HEIGHT = 1000;
/** What the page gets: one function that draws a card into #card with the official renderer ('' when it worked). */
interface PageGlobals {
  renderCard(json: unknown, hostConfig: unknown): string;
}
const RENDER_IN_PAGE = `
window.renderCard = function (json, hostConfig) {
  var target = document.getElementById('card');
  target.innerHTML = '';
  var card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  card.parse(json);
  var element = card.render();
  if (!element) return 'the renderer returned nothing';
  target.appendChild(element);
  return '';
};`;
const START = '<!-- gallery:start (npm run cards:render writes this list) -->';
const END = '<!-- gallery:end -->';

export async function renderGallery(): Promise<GalleryRun> {
  const missing = chromiumMissing();
  if (missing) return { failures: [missing], images: 0, kilobytes: 0 };
  const failures: string[] = [];
  const shots: { id: string; title: string; variant: string; file: string; height: number; cut: boolean }[] = [];
  const { browser, close } = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH + 40, height: 800 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'Europe/London' });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 20px; background: #f5f5f5; font-family: 'Segoe UI', sans-serif; }
      #card { width: ${WIDTH}px; background: #fff; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.14); overflow: hidden; }
      .ac-pushButton { border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; color: #242424; padding: 5px 12px; font-weight: 600; }
      .ac-input, .ac-multichoiceInput select { border: 1px solid #d1d1d1; border-radius: 4px; padding: 4px; }
    </style></head><body><div id="card"></div></body></html>`);
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    await page.addScriptTag({ content: RENDER_IN_PAGE });
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    for (const entry of GALLERY) {
      for (const [variant, draw] of [['typical', entry.typical], ['worst case', entry.worstCase]] as const) {
        const label = `${entry.id} (${variant})`;
        let card: unknown;
        try {
          card = draw();
        } catch (err) {
          failures.push(`${label}: could not be drawn: ${err instanceof Error ? err.message : String(err)}`);
          continue;
        }
        const known = new Set(entry.knownProblems ?? []);
        for (const problem of cardProblems(card)) if (!known.has(problem)) failures.push(`${label}: ${problem}`);
        const rendered = await page.evaluate(([json, hostConfig]) => (globalThis as unknown as PageGlobals).renderCard(json, hostConfig), [card, TEAMS_HOST_CONFIG] as const);
        if (rendered !== '') {
          failures.push(`${label}: ${rendered}`);
          continue;
        }
        const box = await page.locator('#card').boundingBox();
        if (!box) {
          failures.push(`${label}: nothing was drawn`);
          continue;
        }
        const height = Math.ceil(box.height);
        const file = `${entry.id}${variant === 'typical' ? '' : '-worst'}.png`;
        await page.setViewportSize({ width: WIDTH + 40, height: Math.min(height, MAX_HEIGHT) + 40 });
        const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: Math.min(height, MAX_HEIGHT) } });
        writeFileSync(path.join(OUT, file), toPalettePng(shot));
        shots.push({ id: entry.id, title: entry.title, variant, file, height, cut: height > MAX_HEIGHT });
      }
    }
  } finally {
    await close();
  }
  writeReadmeList(shots);
  const bytes = readdirSync(OUT).reduce((n, f) => n + readFileSync(path.join(OUT, f)).length, 0);
  return { failures, images: shots.length, kilobytes: Math.round(bytes / 1024) };
}

/** The README's gallery: one row per card, typical beside worst case. */
function writeReadmeList(shots: readonly { id: string; title: string; variant: string; file: string; height: number; cut: boolean }[]): void {
  const rows = GALLERY.map((entry) => {
    const cell = (variant: string): string => {
      const shot = shots.find((s) => s.id === entry.id && s.variant === variant);
      if (!shot) return '(not drawn)';
      const note = shot.cut ? ` (first ${MAX_HEIGHT} of ${shot.height} px)` : '';
      return `<img src="cards/gallery/${shot.file}" width="300" alt="${entry.title}, ${variant}">${note}`;
    };
    return `| ${entry.title} | ${cell('typical')} | ${cell('worst case')} |`;
  });
  const list = [START, '', '| card | typical | worst case |', '|---|---|---|', ...rows, '', END].join('\n');
  const readmePath = path.join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const at = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (at < 0 || end < 0) {
    throw new Error('README.md has no gallery markers: the list was not written');
  }
  writeFileSync(readmePath, `${readme.slice(0, at)}${list}${readme.slice(end + END.length)}`);
}

