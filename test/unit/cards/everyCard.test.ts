import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_BUDGET_BYTES, formatKilobytes, teamsMessageBytes } from '../../../cards/teamsMessageSize';
import { isVerb, Verbs } from '../../../cards/verbs';
import { collectActions, executeWithoutSubmitFallback, refreshAction, type Json } from './cardWalk';
import { registeredVerbs } from './registeredVerbs';
import { sampleCards } from './sampleCards';
import { worstCaseCards } from './worstCaseCards';

const TEMPLATES = join(__dirname, '../../../cards/templates');
const cards: readonly (readonly [string, Json])[] = [...sampleCards(), ...worstCaseCards().map(([name, card]) => [`${name} (worst case)`, card] as const)];
const routes = registeredVerbs();

/** The walkthrough's answers reach its dialog as messages (see `dialogs/walkthroughDialog.ts`), not a card route. */
/** `command` buttons arrive as typed text: the recogniser reads `data.command` (bot/routes/commandSelector.ts). */
const DIALOG_VERBS: ReadonlySet<string> = new Set([Verbs.walkthroughAnswer, Verbs.walkthroughStop, Verbs.command]);

describe('every card', () => {
  it.each(cards)('when the %s card is drawn, then Teams would take it: under the 80 KB budget counted in UTF-16', (_name, card) => {
    const bytes = teamsMessageBytes(card);
    expect(bytes, formatKilobytes(bytes)).toBeLessThan(CARD_BUDGET_BYTES);
  });

  it.each(cards)('when the %s card has buttons, then each one has a route registered for the way it arrives', (_name, card) => {
    const refresh = refreshAction(card);
    for (const action of [...collectActions(card), ...(refresh ? [refresh] : [])]) {
      if (action.type === 'Action.ShowCard' || action.type === 'Action.OpenUrl' || action.type === 'Action.ToggleVisibility') continue;
      const verb = String(action.data?.verb);
      expect(isVerb(verb), `${action.type} "${action.title ?? ''}"`).toBe(true);
      if (action.type === 'Action.Execute') {
        expect(routes.execute.has(verb), `no Execute route for ${verb}`).toBe(true);
        // Its Submit fallback arrives as a message: the same verb must be answered that way too.
        expect(routes.submit.has(verb), `no Submit route for the fallback of ${verb}`).toBe(true);
      } else {
        expect(routes.submit.has(verb) || DIALOG_VERBS.has(verb), `no route for ${verb}`).toBe(true);
      }
    }
  });

  it.each(cards)('when the %s card uses Action.Execute, then each has an Action.Submit fallback with the same verb, data and title', (_name, card) => {
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

  it('when every route is registered, then every verb in Verbs is answered by some route or the walkthrough dialog', () => {
    for (const verb of Object.values(Verbs)) expect(routes.execute.has(verb) || routes.submit.has(verb) || DIALOG_VERBS.has(verb), verb).toBe(true);
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
