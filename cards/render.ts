import type { Attachment } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import * as ACData from 'adaptivecards-templating';
import { plainCardText } from './markdown';

/** Teams renders Adaptive Cards up to 1.5; a newer card shows as an error in the desktop client. */
export const MAX_CARD_VERSION = 1.5;

/** Teams refuses activities over about 100 KB; we keep each card well under that to leave room for the envelope. */
export const MAX_CARD_BYTES = 80 * 1024;

export class CardRenderError extends Error {
  constructor(
    readonly template: string,
    reason: string,
  ) {
    super(`Card "${template}" could not be rendered: ${reason}`);
    this.name = 'CardRenderError';
  }
}

/** A card template loaded from `cards/templates/*.json`, kept as an opaque JSON value until expanded. */
export interface CardTemplate<TData> {
  readonly name: string;
  readonly json: object;
  /** Phantom: ties the template to the data its `${…}` expressions expect. */
  readonly _data?: TData;
}

export function defineTemplate<TData>(name: string, json: object): CardTemplate<TData> {
  return { name, json };
}

/**
 * Expands a template and checks what Teams would otherwise reject quietly: an unbound `${…}` (a typo in the
 * template or missing data), a version above 1.5, or a card too big to send.
 */
export function renderCardJson<TData extends object>(template: CardTemplate<TData>, data: TData): Record<string, unknown> {
  const expanded: unknown = new ACData.Template(template.json).expand({ $root: shieldExpressions(data) });
  if (typeof expanded !== 'object' || expanded === null) throw new CardRenderError(template.name, 'the template did not expand to an object');
  const shielded = JSON.stringify(expanded);
  const unbound = /\$\{[^}]*\}/.exec(shielded);
  if (unbound) throw new CardRenderError(template.name, `unbound expression ${unbound[0]}`);
  // Gateway writes no Markdown itself, so every shown text is made plain: typed text can never become a link.
  const card = plainCardText(JSON.parse(shielded.replaceAll(SHIELD, '${')) as Record<string, unknown>);
  const text = JSON.stringify(card);
  const version = Number(card.version);
  if (card.type !== 'AdaptiveCard' || !(version <= MAX_CARD_VERSION)) {
    throw new CardRenderError(template.name, `must be an AdaptiveCard of version ${MAX_CARD_VERSION} or lower`);
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CARD_BYTES) throw new CardRenderError(template.name, `${bytes} bytes is over the ${MAX_CARD_BYTES}-byte limit`);
  return card;
}

/** Stands in for `${` inside data while checking for unbound expressions; a private-use character no one types. */
const SHIELD = '\uE000{';

/**
 * People type anything, "${x}" included: data strings are shielded so such text is shown as typed and only the
 * template's own unbound expressions fail the render.
 */
function shieldExpressions(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('${', SHIELD);
  if (Array.isArray(value)) return value.map(shieldExpressions);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shieldExpressions(v)]));
  }
  return value;
}

export function renderCard<TData extends object>(template: CardTemplate<TData>, data: TData): Attachment {
  return CardFactory.adaptiveCard(renderCardJson(template, data));
}
