import type { AdaptiveCardJson } from './adaptiveCardJson';
import { plainCardText } from './markdown';
import { CardRenderError, MAX_CARD_BYTES } from './render';
import { formatKilobytes, teamsMessageBytes } from './teamsMessageSize';
import type { Verb } from './verbs';

/**
 * The roll-out cards' building blocks. These cards are mostly lists whose length is the data's (groups, people,
 * mailboxes, months), so they are built in TypeScript rather than from a designer template; they go through the
 * same checks as `renderCardJson` (plain text only, version 1.5, under the size a Teams message can take).
 */

export type Element = Readonly<Record<string, unknown>>;

export function text(value: string, options: Readonly<Record<string, unknown>> = {}): Element {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function heading(value: string): Element {
  return text(value, { size: 'Medium', weight: 'Bolder' });
}

export function subheading(value: string): Element {
  return text(value, { weight: 'Bolder', spacing: 'Medium' });
}

export function facts(pairs: readonly (readonly [string, string])[]): Element {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

/** An Action.Execute with the Action.Submit fallback older clients need (same verb, data and title). */
export function execute(title: string, verb: Verb, data: Readonly<Record<string, unknown>>, options: Readonly<Record<string, unknown>> = {}): Element {
  const payload = { verb, ...data };
  return { type: 'Action.Execute', title, verb, data: payload, ...options, fallback: { type: 'Action.Submit', title, data: payload } };
}

export function openUrl(title: string, url: string): Element {
  return { type: 'Action.OpenUrl', title, url };
}

/** A form behind a button: the inputs and the action that sends them. */
export function showCard(title: string, body: readonly Element[], actions: readonly Element[]): Element {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions } };
}

export function input(id: string, label: string, options: Readonly<Record<string, unknown>> = {}): Element {
  return { type: 'Input.Text', id, label, ...options };
}

export function choices(id: string, label: string, values: readonly (readonly [string, string])[], value?: string): Element {
  return { type: 'Input.ChoiceSet', id, label, choices: values.map(([title, v]) => ({ title, value: v })), ...(value === undefined ? {} : { value }) };
}

export function actionSet(actions: readonly Element[]): Element {
  return { type: 'ActionSet', actions };
}

/** Cuts typed text (names, departments) to what a row can show; the record keeps it whole. */
export function cut(value: string, length: number): string {
  return value.length <= length ? value : `${value.slice(0, length - 1)}…`;
}

/** The finished card, checked as every rendered card is. */
export function rolloutCard(name: string, body: readonly Element[], actions: readonly Element[] = []): AdaptiveCardJson {
  const card: AdaptiveCardJson = plainCardText({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', body, ...(actions.length > 0 ? { actions } : {}) });
  const bytes = teamsMessageBytes(card);
  if (bytes > MAX_CARD_BYTES) throw new CardRenderError(name, `${formatKilobytes(bytes)} is over the ${formatKilobytes(MAX_CARD_BYTES)} a card may be in a Teams message`);
  return card;
}
