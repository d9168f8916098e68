/**
 * What Teams sends when a button is pressed on a card: the button's own data merged with every input's value as the
 * person left it. End-to-end tests build their presses from the card the bot really sent, so a form the bot stops
 * filling in (a lost title, a missing owner) fails the test rather than being papered over by typed-in test data.
 */

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every input's value as shown (as Teams sends them: strings; an empty input sends nothing). */
export function inputValuesOf(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string') {
      const value = node.value;
      if ((typeof value === 'string' && value !== '') || typeof value === 'number') values[node.id] = String(value);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'fallback') visit(child);
  };
  visit(card);
  return values;
}

/** The verb and data of the card's `Action.Execute` with this title; throws when the card has none. */
export function executeActionOf(card: unknown, title: string): { readonly verb: string; readonly data: Json } {
  let found: { verb: string; data: Json } | undefined;
  const visit = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    if (node.type === 'Action.Execute' && node.title === title && typeof node.verb === 'string') {
      found = { verb: node.verb, data: isRecord(node.data) ? node.data : {} };
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'fallback') visit(child);
  };
  visit(card);
  if (!found) throw new Error(`The card has no "${title}" button.`);
  return found;
}

/** The data Teams would send for pressing `title` with the inputs as shown, changed by `typed`. */
export function pressData(card: unknown, title: string, typed: Readonly<Record<string, string>> = {}): { readonly verb: string; readonly data: Json } {
  const { verb, data } = executeActionOf(card, title);
  return { verb, data: { ...data, ...inputValuesOf(card), ...typed } };
}
