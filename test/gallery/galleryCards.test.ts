import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardProblems } from './cardRules';
import { GALLERY } from './galleryCards';

const TEMPLATES = path.join(__dirname, '../../cards/templates');

describe('the card gallery', () => {
  it('when a template exists, then the gallery draws it (a new card is one line in galleryCards.ts)', () => {
    const templates = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect([...new Set(GALLERY.map((c) => c.template))].sort()).toEqual(templates.sort());
    expect(new Set(GALLERY.map((c) => c.id)).size).toBe(GALLERY.length);
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
