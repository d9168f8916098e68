/** Why a claim ended without a post, in words for the project team. */
const UNDELIVERED_REASONS: Readonly<Record<string, string>> = {
  removed: 'Gateway had been removed from the team, or blocked (add it to the team again and the next report goes out)',
  'no-target': 'the project has no channel to post in (type reports here in the channel you want)',
  'interrupted-while-sending': 'the bot stopped while sending it, so it may or may not have arrived; it was not sent again, to avoid a duplicate',
  forbidden: 'Teams refused it: Gateway may have been removed from the team or blocked',
  'not-found': 'Teams could not find the channel (it may have been deleted; type reports here in another)',
  'too-large': 'it was too big for a Teams message',
  'service-url-not-allowed': 'the team’s Teams address is not one Gateway may post to',
  'retries-exhausted': 'Teams stayed busy or unavailable all through the run',
  rejected: 'Teams rejected it',
};

/**
 * The plain-words reason a post was not delivered, shared by the highlight route's replies and the notice sent to
 * project managers, so both say the same thing; unknown codes still say something true.
 */
export function undeliveredReason(reason: string | undefined): string {
  if (reason === undefined) return 'Teams did not accept it';
  return UNDELIVERED_REASONS[reason] ?? `Teams refused it (${reason})`;
}
