import * as ACData from 'adaptivecards-templating';
import { isAdaptiveCardJson, type AdaptiveCardJson } from './adaptiveCardJson';
import { ACTIVITY_ENVELOPE_ALLOWANCE_BYTES, formatKilobytes, TEAMS_MESSAGE_LIMIT_BYTES, teamsMessageBytes } from './teamsMessageSize';
import { plainCardText } from './markdown';

/** Teams renders Adaptive Cards up to 1.5; a newer card shows as an error in the desktop client. */
export const MAX_CARD_VERSION = 1.5;

/**
 * The most a rendered card may weigh (as Teams counts it, see `teamsMessageBytes`): the 100 KB Teams accepts, less
 * room for the activity around it. Every card aims well below, at `CARD_BUDGET_BYTES` with worst-case data (the
 * card tests check that); this limit only stops a card Teams would refuse from leaving the bot.
 */
export const MAX_CARD_BYTES = TEAMS_MESSAGE_LIMIT_BYTES - ACTIVITY_ENVELOPE_ALLOWANCE_BYTES;

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
export function renderCardJson<TData extends object>(template: CardTemplate<TData>, data: TData): AdaptiveCardJson {
  const expanded: unknown = new ACData.Template(template.json).expand({ $root: shieldExpressions(data) });
  if (typeof expanded !== 'object' || expanded === null) throw new CardRenderError(template.name, 'the template did not expand to an object');
  const shielded = JSON.stringify(expanded);
  const unbound = /\$\{[^}]*\}/.exec(shielded);
  if (unbound) throw new CardRenderError(template.name, `unbound expression ${unbound[0]}`);
  // Gateway writes no Markdown itself, so every shown text is made plain: typed text can never become a link.
  const card: unknown = plainCardText(JSON.parse(shielded.replaceAll(SHIELD, '${')) as Record<string, unknown>);
  if (!isAdaptiveCardJson(card) || !(Number(card.version) <= MAX_CARD_VERSION)) {
    throw new CardRenderError(template.name, `must be an AdaptiveCard of version ${MAX_CARD_VERSION} or lower`);
  }
  const bytes = teamsMessageBytes(card);
  if (bytes > MAX_CARD_BYTES) {
    throw new CardRenderError(template.name, `${formatKilobytes(bytes)} is over the ${formatKilobytes(MAX_CARD_BYTES)} a card may be in a Teams message`);
  }
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
