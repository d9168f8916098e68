import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardProblems } from './cardRules';
import { GALLERY } from './galleryCards';

const CARDS = path.join(__dirname, '../../cards');
const TEMPLATES = path.join(CARDS, 'templates');

/** Exported functions in `cards/` that return a card but are not one the bot sends on its own, with why. */
const NOT_CARDS: Readonly<Record<string, string>> = {
  rolloutCard: 'the frame every roll-out card is built in (cards/rolloutCardParts.ts); drawn through each of them',
  renderCardJson: 'expands a template (cards/render.ts); every template has its own entry',
};

/** The exported functions declared to return `AdaptiveCardJson` in one source file. */
function buildersIn(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^export function (\w+)(?:<[^>]*>)?\(/gm)) {
    // The parameters may hold brackets of their own (an options object): find the matching close.
    let depth = 1;
    let at = (m.index ?? 0) + m[0].length;
    while (at < source.length && depth > 0) {
      const c = source[at];
      if (c === '(') depth += 1;
      else if (c === ')') depth -= 1;
      at += 1;
    }
    if (/^: AdaptiveCardJson \{/.test(source.slice(at))) found.push(m[1] ?? '');
  }
  return found;
}

/** Every card builder in `cards/`: found in the source, so one built in TypeScript without a template is found too. */
function cardBuilders(): { name: string; file: string }[] {
  return readdirSync(CARDS)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) => buildersIn(readFileSync(path.join(CARDS, file), 'utf8')).map((name) => ({ name, file })));
}

describe('the card gallery', () => {
  it('when a template exists, then the gallery draws it (a new card is one line in galleryCards.ts)', () => {
    const templates = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect([...new Set(GALLERY.flatMap((c) => (c.template === undefined ? [] : [c.template])))].sort()).toEqual(templates.sort());
    expect(new Set(GALLERY.map((c) => c.id)).size).toBe(GALLERY.length);
  });

  it('when cards/ exports a function that returns a card, template or not, then the gallery draws it', () => {
    const builders = cardBuilders();
    expect(builders.length).toBeGreaterThan(30);
    const drawn = new Set(GALLERY.map((c) => c.builder));
    const missing = builders.filter((b) => !drawn.has(b.name) && NOT_CARDS[b.name] === undefined).map((b) => `${b.name} (${b.file})`);
    expect(missing, 'add an entry to test/gallery/galleryCards.ts with typical and worst-case data').toEqual([]);
    // And every entry names a real builder, so the list cannot drift into naming what is gone.
    const names = new Set(builders.map((b) => b.name));
    for (const entry of GALLERY) expect(names.has(entry.builder), `${entry.id}: ${entry.builder}`).toBe(true);
    for (const name of Object.keys(NOT_CARDS)) expect(names.has(name), name).toBe(true);
  });

  it('when the builder scan reads a card file, then it finds functions returning AdaptiveCardJson over several lines, and only those', () => {
    const source = [
      'export function oneLine(a: string): AdaptiveCardJson {',
      'export function spread(',
      '  a: string,',
      '  b: { readonly c: number },',
      '): AdaptiveCardJson {',
      'export function notACard(a: string): string {',
      'function privateCard(): AdaptiveCardJson {',
    ].join('\n');
    expect(buildersIn(source)).toEqual(['oneLine', 'spread']);
  });

  it.each(GALLERY.flatMap((c) => [[`${c.id} (typical)`, c.typical, c.knownProblems] as const, [`${c.id} (worst case)`, c.worstCase, c.knownProblems] as const]))(
    'when %s is drawn, then it parses in the official renderer, uses nothing newer than 1.5, and stays within its size budget',
    (_name, draw, known) => {
      expect(cardProblems(draw())).toEqual(known ?? []);
    },
  );

  it('when a card breaks a rule, then the rules say which', () => {
    const base = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'hello' }] };
    expect(cardProblems(base)).toEqual([]);
    expect(cardProblems({ ...base, version: '1.6' }).join()).toMatch(/newer than Teams/);
    expect(cardProblems({ ...base, body: [{ type: 'Carousel', pages: [] }] }).join()).toMatch(/Carousel is not an Adaptive Cards 1.5 element/);
    expect(cardProblems({ ...base, body: [{ type: 'Chart.Line', data: [] }] }).join()).toMatch(/Chart.Line has no fallback/);
    expect(cardProblems({ ...base, body: [{ type: 'Chart.Line', data: [], fallback: { type: 'TextBlock', text: 'table' } }] })).toEqual([]);
    expect(cardProblems({ ...base, body: [{ type: 'TextBlock', text: 'x'.repeat(45_000) }] }).join()).toMatch(/over the 80.0 KB budget/);
    expect(cardProblems({ ...base, body: [{ type: 'TextBlock', text: '${name}' }] }).join()).toMatch(/unbound/);
    expect(cardProblems({ ...base, body: [{ type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }] }).join()).toMatch(/DuplicateId/);
  });
});
