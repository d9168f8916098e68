import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardRenderError, defineTemplate, MAX_CARD_BYTES, renderCardJson } from '../../../cards/render';
import { helpCard } from '../../../cards/helpCard';
import { welcomeCard } from '../../../cards/welcomeCard';
import { Verbs } from '../../../cards/verbs';
import { CAPABILITIES } from '../../../bot/routes/capabilities';
import { CARD_BUDGET_BYTES, teamsMessageBytes } from '../../../cards/teamsMessageSize';

const card = (body: object[], version = '1.5') => ({ type: 'AdaptiveCard', version, body });

describe('renderCardJson', () => {
  it('when data fills every expression, then the card comes back expanded', () => {
    const template = defineTemplate<{ name: string }>('t', card([{ type: 'TextBlock', text: 'Hello ${name}' }]));
    expect(renderCardJson(template, { name: 'Ward 7' }).body).toEqual([{ type: 'TextBlock', text: 'Hello Ward 7' }]);
  });

  it('when an expression has no data, then rendering fails naming it rather than showing ${…} to a user', () => {
    const template = defineTemplate<{ name: string }>('t', card([{ type: 'TextBlock', text: 'Hello ${nmae}' }]));
    expect(() => renderCardJson(template, { name: 'x' })).toThrow(CardRenderError);
    expect(() => renderCardJson(template, { name: 'x' })).toThrow('${nmae}');
  });

  it('when the card is newer than Teams supports, then rendering fails', () => {
    expect(() => renderCardJson(defineTemplate<object>('t', card([], '1.6')), {})).toThrow(/1.5 or lower/);
  });

  it('when the card would be too big for a Teams message counted in UTF-16, then rendering fails', () => {
    const template = defineTemplate<{ text: string }>('t', card([{ type: 'TextBlock', text: '${text}' }]));
    // Half the limit in characters: small in UTF-8, but Teams counts two bytes a character.
    expect(() => renderCardJson(template, { text: 'x'.repeat(MAX_CARD_BYTES / 2) })).toThrow(/over the/);
    expect(() => renderCardJson(template, { text: 'x'.repeat(MAX_CARD_BYTES / 2 - 200) })).not.toThrow();
  });

  it('when user text contains ${…}, then it is shown as typed, not refused', () => {
    const template = defineTemplate<{ text: string }>('t', card([{ type: 'TextBlock', text: '${text}' }]));
    expect(renderCardJson(template, { text: 'cost ${x} and ${y}' }).body).toEqual([{ type: 'TextBlock', text: 'cost ${x} and ${y}' }]);
  });
});

describe('every card the bot sends', () => {
  const rendered = [
    ['welcome (team)', welcomeCard({ scope: 'team', capabilities: CAPABILITIES })],
    ['welcome (personal)', welcomeCard({ scope: 'personal', capabilities: CAPABILITIES })],
    ['help (team)', helpCard({ scope: 'team', capabilities: CAPABILITIES })],
    ['help (group chat)', helpCard({ scope: 'groupChat', capabilities: CAPABILITIES })],
  ] as const;

  it.each(rendered)('when the %s card is rendered, then it is an Adaptive Card 1.5, fully bound and within its budget', (_name, card) => {
    expect(JSON.stringify(card)).not.toMatch(/\$\{/);
    expect(teamsMessageBytes(card)).toBeLessThan(CARD_BUDGET_BYTES);
    expect(card.version).toBe('1.5');
  });

  it('when the welcome card lists capabilities, then each one appears and its button sends the help verb', () => {
    const content = welcomeCard({ scope: 'team', capabilities: CAPABILITIES }) as unknown as { actions: { data: { verb: string } }[] };
    expect(content.actions.map((a) => a.data.verb)).toEqual([Verbs.help]);
    for (const capability of CAPABILITIES) expect(JSON.stringify(content)).toContain(capability.command);
  });

  it('when the welcome card introduces Gateway, then each thing it promises has its command in the list', () => {
    const intro = String((welcomeCard({ scope: 'team', capabilities: CAPABILITIES }) as unknown as { body: { text?: string }[] }).body[1]?.text);
    const commands = CAPABILITIES.map((c) => c.command);
    const promises: readonly (readonly [RegExp, string])[] = [
      [/six gateways/, 'gateway 1 … gateway 6'],
      [/questionnaire/, 'questionnaire'],
      [/risks and issues/, 'risks'],
      [/roll-out in groups/, 'groups'],
      [/ask me when they move/, 'when do I migrate'],
    ];
    for (const [words, command] of promises) {
      expect(intro).toMatch(words);
      expect(commands).toContain(command);
    }
    // The reminders are a job, not a command: the job file is the promise kept.
    expect(intro).toMatch(/remind them before their cutover/);
    expect(existsSync(path.join(__dirname, '../../../bot/jobs/cutoverReminderJob.ts'))).toBe(true);
  });
});
