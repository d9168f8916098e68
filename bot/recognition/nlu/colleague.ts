/**
 * Who a question about a colleague names: an email address, or a name in the usual places ("when does Sarah Jones
 * migrate", "look up j.bloggs@nhs.net", "what group is Tom in"). Read from the text as typed, so capitals are kept;
 * pronouns and group words are not people, so "when does my team move" names nobody.
 */
const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

const NAME_PATTERNS: readonly RegExp[] = [
  /\b(?:when|what date|which day)\s+(?:does|do|will|is|are)\s+(.+?)\s+(?:migrat\w*|mov\w*|go\w*|switch\w*|chang\w*|get\w*|transfer\w*)\b/i,
  /\b(?:when is|what is|what's)\s+(.+?)'s\s+(?:migration|move|cutover|date)\b/i,
  /\b(?:migration date|move date|cutover date|group|phase|wave)\s+(?:for|of)\s+(.+?)$/i,
  /\b(?:which|what)\s+(?:group|phase|wave|batch)\s+(?:is|are)\s+(.+?)\s+in\b/i,
  /\b(?:look up|lookup|find|check on|check)\s+(?:when\s+)?(.+?)(?:\s+(?:migrates?|moves?|is moving|is migrating))?$/i,
  /\bis\s+(.+?)\s+in\s+(?:the\s+)?(?:pilot|phase|group|wave|first|second)\b/i,
];

/** A first word that makes the phrase not a person ("my team", "the ward", "me please"). */
const NOT_A_PERSON = /^(?:i|me|my|mine|we|us|our|you|your|it|its|they|them|their|this|that|these|those|the|a|an|everyone|everybody|anyone|staff|team|department|people|nhs|nhsmail|email|e-mail|mail|mailbox|migration|lunch|he|she|his|her)$/i;

/** The person named, or undefined when the question names nobody. */
export function findColleague(text: string): string | undefined {
  const cleaned = text.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().replace(/[?.!]+$/, '');
  const email = EMAIL.exec(cleaned);
  if (email) return email[0];
  for (const pattern of NAME_PATTERNS) {
    const who = pattern.exec(cleaned)?.[1]?.trim();
    if (who !== undefined && who !== '' && who.split(' ').length <= 4 && !NOT_A_PERSON.test(who.split(' ')[0] ?? '') && /^[\p{L}][\p{L}'. -]*$/u.test(who)) return who;
  }
  return undefined;
}
