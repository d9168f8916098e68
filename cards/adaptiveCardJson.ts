/**
 * A rendered Adaptive Card as plain JSON: what every card function returns. Nothing in cards/ knows how a card
 * reaches Teams; the Teams edge (`bot/teams/cardMessage.ts`) wraps it as an attachment, so a change of bot SDK
 * touches only that edge.
 */
export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly body?: readonly unknown[];
  readonly actions?: readonly unknown[];
  readonly refresh?: unknown;
  readonly [key: string]: unknown;
}

export function isAdaptiveCardJson(value: unknown): value is AdaptiveCardJson {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'AdaptiveCard' && typeof (value as { version?: unknown }).version === 'string';
}
