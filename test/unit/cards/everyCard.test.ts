import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES } from '../../../cards/render';
import { isVerb, Verbs } from '../../../cards/verbs';
import { byteSize, collectActions, executeWithoutSubmitFallback, refreshAction, verbsOf } from './cardWalk';
import { sampleCards } from './sampleCards';

const TEMPLATES = join(__dirname, '../../../cards/templates');
const cards = sampleCards();

describe('every gateway card', () => {
  it.each(cards)('when the %s card is rendered, then it is a fully bound Adaptive Card 1.5 under 80 KB', (_name, card) => {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).not.toContain('${');
    expect(byteSize(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it.each(cards)('when the %s card has buttons, then every one routes by a verb in Verbs', (_name, card) => {
    for (const action of collectActions(card)) {
      if (action.type === 'Action.ShowCard' || action.type === 'Action.OpenUrl' || action.type === 'Action.ToggleVisibility') continue;
      expect(isVerb(action.data?.verb), `${action.type} "${action.title ?? ''}"`).toBe(true);
    }
    for (const verb of verbsOf(card)) expect(Object.values(Verbs)).toContain(verb);
  });

  it.each(cards)('when the %s card uses Action.Execute, then each has an Action.Submit fallback with the same verb and data', (_name, card) => {
    expect(executeWithoutSubmitFallback(card)).toEqual([]);
    for (const action of collectActions(card).filter((a) => a.type === 'Action.Execute')) {
      const fallback = action.fallback as { data: unknown; title: unknown };
      expect(fallback.data).toEqual(action.data);
      expect(fallback.title).toBe(action.title);
    }
  });

  it.each(cards)('when the %s card offers buttons, then each has a title a person can read', (_name, card) => {
    for (const action of collectActions(card).filter((a) => a.type !== 'Action.OpenUrl')) {
      expect(typeof action.title === 'string' && action.title.trim().length > 0).toBe(true);
    }
  });

  it('when a card refreshes itself, then it asks with a known verb and its project and stage', () => {
    const withRefresh = cards.flatMap(([, card]) => {
      const action = refreshAction(card);
      return action ? [action] : [];
    });
    expect(withRefresh.length).toBeGreaterThan(0);
    for (const action of withRefresh) {
      expect(action.type).toBe('Action.Execute');
      expect(action.verb).toBe(Verbs.checklistRefresh);
      expect(action.data?.verb).toBe(Verbs.checklistRefresh);
      expect(typeof action.data?.projectId).toBe('string');
      expect(typeof action.data?.stage).toBe('number');
    }
  });
});

describe('the templates themselves', () => {
  const templates = readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, readFileSync(join(TEMPLATES, f), 'utf8')] as const);

  it.each(templates)('when %s names a verb, then it is one of Verbs (so a branch no fixture reaches cannot hide a typo)', (_file, text) => {
    const keys = [...text.matchAll(/verbs\.([A-Za-z]+)/g)].map((m) => m[1]);
    for (const key of keys) expect(Object.keys(Verbs), `verbs.${key ?? ''}`).toContain(key);
    const literals = [...text.matchAll(/"verb":\s*"([^"$]+)"/g)].map((m) => m[1]);
    for (const verb of literals) expect(isVerb(verb), verb).toBe(true);
  });

  it.each(templates)('when %s is opened in the Adaptive Cards designer, then it is version 1.5 JSON', (_file, text) => {
    const json = JSON.parse(text) as { type: unknown; version: unknown };
    expect(json.type).toBe('AdaptiveCard');
    expect(json.version).toBe('1.5');
  });

  it('when the verbs are listed, then each is kebab-case, unique, and help is still there', () => {
    const values = Object.values(Verbs);
    expect(new Set(values).size).toBe(values.length);
    for (const verb of values) expect(verb).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(Verbs.help).toBe('help');
  });
});
