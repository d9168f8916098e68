import { shownText } from '../../../cards/markdown';
/**
 * Walks a rendered card the way a client would, so tests can ask "which buttons does this person get?" and "what
 * does this person read?" without caring where in the layout an action or text sits.
 */

export type Json = Record<string, unknown>;

export interface CardAction extends Json {
  readonly type: string;
  readonly title?: string;
  readonly verb?: string;
  readonly data?: Json;
  readonly fallback?: Json | string;
  readonly card?: Json;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAction(value: unknown): value is CardAction {
  return isObject(value) && typeof value.type === 'string' && value.type.startsWith('Action.');
}

/**
 * Every action a person can press: card actions, ActionSets, ShowCard cards and `selectAction`s, at any depth.
 * A fallback is not collected on its own (it stands in for its action); the card-level refresh action is left out
 * too, as nobody presses it (see {@link refreshAction}).
 */
export function collectActions(card: unknown): CardAction[] {
  const found: CardAction[] = [];
  const visit = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!isObject(node)) return;
    if (isAction(node) && key !== 'fallback') found.push(node);
    for (const [childKey, child] of Object.entries(node)) {
      if (childKey === 'fallback' || childKey === 'refresh' || childKey === 'data') continue;
      visit(child, childKey);
    }
  };
  visit(card);
  return found;
}

export function refreshAction(card: Json): CardAction | undefined {
  const refresh = card.refresh;
  return isObject(refresh) && isAction(refresh.action) ? refresh.action : undefined;
}

/** Every `Input.*` element, at any depth (ShowCard cards included). */
export function collectInputs(card: unknown): Json[] {
  const found: Json[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!isObject(node)) return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) found.push(node);
    for (const [key, child] of Object.entries(node)) if (key !== 'data') visit(child);
  };
  visit(card);
  return found;
}

/**
 * The words on the card: TextBlock and TextRun text, facts, input labels and placeholders, choice titles (not their
 * values) and button titles, joined with newlines. Hidden elements (`isVisible: false`) are skipped, as a person would not see them.
 */
export function visibleText(card: unknown): string {
  const lines: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!isObject(node) || node.isVisible === false) return;
    if (node.type === 'RichTextBlock' && Array.isArray(node.inlines)) {
      lines.push(node.inlines.map((run) => (isObject(run) && typeof run.text === 'string' ? run.text : typeof run === 'string' ? run : '')).join(''));
      return;
    }
    for (const key of ['text', 'title', 'value', 'label', 'placeholder'] as const) {
      const text = node[key];
      if (typeof text === 'string' && !(key === 'value' && typeof node.type === 'string' && node.type.startsWith('Input.'))) lines.push(text);
    }
    if (Array.isArray(node.choices)) {
      // A choice's value is what the client sends back, not what the person reads.
      for (const choice of node.choices) if (isObject(choice) && typeof choice.title === 'string') lines.push(choice.title);
    }
    for (const [key, child] of Object.entries(node)) if (!['data', 'fallback', 'refresh', 'choices'].includes(key)) visit(child);
  };
  visit(card);
  return shownText(lines.join('\n'));
}

/** Actions a client that lacks `Action.Execute` could still use: the fallback must be a Submit carrying the same verb. */
export function executeWithoutSubmitFallback(card: unknown): CardAction[] {
  return collectActions(card).filter((a) => {
    if (a.type !== 'Action.Execute') return false;
    const fallback = a.fallback;
    return !(isObject(fallback) && fallback.type === 'Action.Submit' && isObject(fallback.data) && fallback.data.verb === a.verb && a.data?.verb === a.verb);
  });
}

/** The verb an action routes by: `data.verb` (Submit and the Execute fallback) and `verb` for Execute. */
export function verbsOf(card: unknown): string[] {
  const verbs: string[] = [];
  const refresh = isObject(card) ? refreshAction(card) : undefined;
  for (const action of [...collectActions(card), ...(refresh ? [refresh] : [])]) {
    if (typeof action.verb === 'string') verbs.push(action.verb);
    if (typeof action.data?.verb === 'string') verbs.push(action.data.verb);
    const fallback = action.fallback;
    if (isObject(fallback) && isObject(fallback.data) && typeof fallback.data.verb === 'string') verbs.push(fallback.data.verb);
  }
  return verbs;
}

export function byteSize(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Actions whose title is `title`, for "does this person get a Done button?" */
export function actionsTitled(card: unknown, title: string): CardAction[] {
  return collectActions(card).filter((a) => a.title === title);
}
