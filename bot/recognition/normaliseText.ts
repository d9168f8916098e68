/**
 * How every typed message is prepared before it is matched: lower case, single spaces, no @mention left behind, no
 * courtesies ("please", "could you", "thanks") and no closing punctuation. "Gateway1" becomes "gateway 1". Done once,
 * here, so the command table and the near-miss check see the same words.
 */
export function normaliseText(text: string | undefined): string {
  let words = (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\bplease\b/g, ' ')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
  for (let before = ''; before !== words; ) {
    before = words;
    words = words
      .replace(/^[,;:]+\s*|[\s,;:.?!]+$/g, '')
      .replace(/(?:^|,? )(?:thanks|thank you|thankyou|cheers|ta)$/, '')
      .replace(/^(?:hi|hello|hey|morning|afternoon)(?: gateway)?\b,? ?/, '')
      .replace(/^(?:can|could|would|will) (?:you|i|we) (?:(?:please|just) )?/, '')
      .replace(/^(?:(?:show|give|tell) (?:me|us)|let me see|show|see|view|open)\b ?/, '')
      .replace(/^(?:the|our) /, '')
      .trim();
  }
  return words;
}

/**
 * The message as the person typed it, for what must keep its capitals and punctuation (a colleague's email, a local
 * ID, a question for the language model): only the @mention is taken out and the spacing made single.
 */
export function typedText(text: string | undefined): string {
  return (text ?? '').replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
}
