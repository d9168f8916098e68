/**
 * How Teams measures a bot message, in one place: the rule the cards' budgets, the Teams edge and the fake
 * connector all use, so a test that passes here means Teams accepts the message.
 *
 * Teams counts the whole activity's JSON in UTF-16: every code unit is 2 bytes, so a card of 50,000 ASCII
 * characters is already at the limit (UTF-8 byte counts undercount by half). Over 100 KB it answers 413
 * `MessageSizeTooBig`; Microsoft recommends staying under 80 KB.
 */

/** Above this Teams refuses the message with 413 `MessageSizeTooBig`. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 100 * 1024;

/** What every card aims to stay under with worst-case data (Microsoft's recommendation); the tests hold cards to it. */
export const CARD_BUDGET_BYTES = 80 * 1024;

/**
 * Room left for the activity around a card (ids, service URL, conversation, reply-to id): a card over the limit
 * less this could never be sent, so rendering refuses it rather than letting Teams do so.
 */
export const ACTIVITY_ENVELOPE_ALLOWANCE_BYTES = 4 * 1024;

/** The size Teams gives `value` (an activity, a card): its JSON's length in UTF-16 code units, times 2 bytes. */
export function teamsMessageBytes(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

/** "81.3 KB", for error messages and test names. */
export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
