/**
 * Teams renders a TextBlock's text, a fact's title and value, and a message's text as Markdown. Text people typed
 * (an organisation name, a note, a name, a milestone note, a questionnaire answer) lands in those places, so
 * `[sign in](https://evil.example/login)` would become a link inside a card the bot signed. Gateway writes no
 * Markdown of its own, so everything shown is made plain here, in one place, after a card is rendered (see
 * `renderCardJson`) and for message text (see `bot/teams/plainReplies.ts`): no link, image, emphasis, heading or
 * list can come from what someone typed. A link a person gave is opened only from an evidence button (Action.OpenUrl).
 *
 * How: CommonMark backslash escapes for the characters that start inline Markdown (links, images, emphasis, code,
 * strike-through, autolinks); heading and quote markers only at the start of a line; and a zero-width space after `://` and `www.` so no client turns a bare address into a link. An
 * underscore inside a word (`priya_shah@nhs.net`) is not emphasis in CommonMark, so it is left as typed.
 */

const INLINE = /[\\`*[\]<~]/g;
/** An underscore at a word boundary (start or end of a run of letters) can open or close emphasis. */
const EDGE_UNDERSCORE = /(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu;
/** `#` and `>` at the start of a line make headings and quotes (lists look the same either way, so are left). */
const LINE_START = /^(\s*)([#>])/gm;
const AUTOLINK = /(:\/\/|\bwww\.)/gi;
const ZERO_WIDTH_SPACE = '\u200B';

export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(EDGE_UNDERSCORE, (match: string, before: string | undefined) => (before === undefined ? '\\_' : `${before}\\_`))
    .replace(LINE_START, (_m, space: string, marker: string) => `${space}\\${marker}`)
    .replace(AUTOLINK, (m) => `${m}${ZERO_WIDTH_SPACE}`);
}

type Json = Record<string, unknown>;

/** Element properties Teams shows as Markdown. Titles of buttons and choices, placeholders and labels are plain. */
function escapeElement(node: Json): Json {
  if (node.type === 'TextBlock' && typeof node.text === 'string') return { ...node, text: escapeMarkdown(node.text) };
  if (node.type === 'FactSet' && Array.isArray(node.facts)) {
    return {
      ...node,
      facts: (node.facts as unknown[]).map((fact) =>
        isJson(fact)
          ? {
              ...fact,
              ...(typeof fact.title === 'string' ? { title: escapeMarkdown(fact.title) } : {}),
              ...(typeof fact.value === 'string' ? { value: escapeMarkdown(fact.value) } : {}),
            }
          : fact,
      ),
    };
  }
  return node;
}

/** The card with every Markdown-rendered text made plain; action data, urls and ids are untouched. */
export function plainCardText<T>(card: T): T {
  const visit = (node: unknown, key: string | undefined): unknown => {
    if (key === 'data') return node;
    if (Array.isArray(node)) return node.map((child) => visit(child, undefined));
    if (!isJson(node)) return node;
    const escaped = escapeElement(node);
    return Object.fromEntries(Object.entries(escaped).map(([k, v]) => [k, k === 'facts' || k === 'text' ? v : visit(v, k)]));
  };
  return visit(card, undefined) as T;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The text as a Markdown renderer shows it: escapes undone, zero-width spaces gone. For tests and previews that ask
 * "what does this person read?"; `shownText(escapeMarkdown(s)) === s` for every `s`.
 */
export function shownText(text: string): string {
  return text.replaceAll(ZERO_WIDTH_SPACE, '').replace(/\\([\\`*_[\]<~#>])/g, '$1');
}
