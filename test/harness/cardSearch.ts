/**
 * Finding a card's elements and buttons the way a person finds them on screen: by what they are and their title,
 * ShowCards' inner cards included. Fallbacks are left out, as Teams shows one only where its element cannot be shown.
 */

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every element of the card for which `matches` holds, in the order they stand. */
export function elementsOf(card: unknown, matches: (element: Json) => boolean): Json[] {
  const found: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isRecord(node)) return;
    if (matches(node)) found.push(node);
    for (const [key, value] of Object.entries(node)) if (key !== 'fallback') walk(value);
  };
  walk(card);
  return found;
}

/** Every action of `type` (`Action.Execute`, `Action.Submit`, `Action.OpenUrl` …), optionally with this exact title. */
export function actionsOf(card: unknown, type: string, title?: string): Json[] {
  return elementsOf(card, (element) => element.type === type && (title === undefined || element.title === title));
}

/** The data of the card's `Action.Submit` titled `title`, as Teams sends it when pressed; throws when there is none. */
export function submitData(card: unknown, title: string): Json {
  const action = actionsOf(card, 'Action.Submit', title)[0];
  if (!action || !isRecord(action.data)) throw new Error(`The card has no "${title}" button.`);
  return action.data;
}

/** The card's input with this id (`Input.Text`, `Input.ChoiceSet` …), the first if several share it. */
export function inputOf(card: unknown, id: string): Json | undefined {
  return elementsOf(card, (element) => element.id === id && typeof element.type === 'string' && element.type.startsWith('Input.'))[0];
}
