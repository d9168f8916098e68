/**
 * What a member of staff is told when Gateway cannot give them their own answer. Kind and specific: what it looked
 * for (their own addresses only), and what to do next.
 */

export function notOnListReply(addresses: readonly string[]): string {
  const lookedFor = addresses.length === 0 ? '' : ` I looked for ${addresses.join(' and ')}.`;
  return (
    `Sorry, I couldn't find you on your organisation's staff list for the move to NHSmail, so I can't tell you your date yet.${lookedFor} ` +
    'Please ask your line manager or your migration project team to add you to the list with your work email address. Once you are on it, ask me again.'
  );
}

export const AMBIGUOUS_REPLY =
  "Your email address is on the staff list more than once, so I can't be sure which record is yours and won't guess. Please ask your migration project team to check the list; then ask me again.";

export const NO_IDENTITY_REPLY = "Sorry, Teams didn't tell me your email address just now, so I can't find your record. Please try again in a moment.";

export const SENT_PRIVATELY_REPLY = 'Your move to NHSmail is about you alone, so I have sent your answer to you in a personal chat with me.';

export const ASK_PRIVATELY_REPLY =
  'Your move to NHSmail is about you alone, so I only answer it in a personal chat. Open a chat with me (Gateway) and ask “when do I migrate?” there.';
