import { describe, expect, it } from 'vitest';
import { groupCardJson } from '../../../cards/groupCard';
import { groupChecklistCardJson } from '../../../cards/groupChecklistCard';
import { groupsCardJson } from '../../../cards/groupsCard';
import { registrationsCardJson } from '../../../cards/registrationsCard';
import { accountsCardJson } from '../../../cards/rolloutAccountsCard';
import { coexistenceCardJson } from '../../../cards/rolloutCoexistenceCard';
import { CARD_BUDGET_BYTES, formatKilobytes, teamsMessageBytes } from '../../../cards/teamsMessageSize';
import { collectActions } from '../cards/cardWalk';
import { registeredVerbs } from '../cards/registeredVerbs';
import { checklist, coexistence, LONG, links, overview, page, PROJECT, registrations } from './rolloutWorstCase';

/** The roll-out cards drawn with worst-case data (rolloutWorstCase.ts). */

const cards: readonly (readonly [string, unknown])[] = [
  ['groups', groupsCardJson(PROJECT, overview, LONG)],
  ['group', groupCardJson(PROJECT, page, { message: LONG, after: 'x'.repeat(200) })],
  ['group checklist', groupChecklistCardJson(PROJECT, checklist, LONG)],
  ['co-existence', coexistenceCardJson(PROJECT, coexistence, LONG)],
  ['registrations', registrationsCardJson(PROJECT, registrations, LONG)],
  ['accounts', accountsCardJson(LONG, 25_000, links, new Date('2026-12-01T10:15:00Z'))],
];
const routes = registeredVerbs();

describe('the roll-out cards at their worst', () => {
  it.each(cards)('when the %s card is drawn with worst-case data, then it is under the 80 KB budget counted in UTF-16', (_name, card) => {
    const bytes = teamsMessageBytes(card);
    expect(bytes, formatKilobytes(bytes)).toBeLessThan(CARD_BUDGET_BYTES);
  });

  it.each(cards)('when the %s card has buttons, then each Execute has its Submit fallback and both have a route', (_name, card) => {
    for (const action of collectActions(card)) {
      if (action.type !== 'Action.Execute') continue;
      const verb = String(action.data?.verb);
      expect(routes.execute.has(verb), `no Execute route for ${verb}`).toBe(true);
      expect(routes.submit.has(verb), `no Submit route for ${verb}`).toBe(true);
      expect((action.fallback as { data?: unknown } | undefined)?.data).toEqual(action.data);
    }
  });

  it('when the registrations card is drawn, then the chart has planned and registered series and a table as its fallback', () => {
    const json = JSON.stringify(cards[4]?.[1]);
    expect(json).toContain('"type":"Chart.VerticalBar.Grouped"');
    expect(json).toContain('"legend":"Planned"');
    expect(json).toContain('"legend":"Registered"');
    expect(json).toContain('"fallback":{"type":"Container"');
  });

  it('when the Portal files card counts 25,000 people, then the number is written as people in the UK read it', () => {
    expect(JSON.stringify(cards.find(([name]) => name === 'accounts')?.[1])).toContain('25,000 new accounts in');
  });
});
