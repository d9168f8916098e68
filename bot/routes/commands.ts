/**
 * The words people type, turned into one typed command. Kept apart from the routes so the phrasing can grow (and be
 * tested as a table) without touching what each command does. Matching is forgiving: case, spaces, a trailing full
 * stop or question mark, and "please" do not matter.
 */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'set-up' }
  | { readonly kind: 'status' }
  | { readonly kind: 'my-actions' }
  | { readonly kind: 'gateway'; readonly stage: number | undefined }
  | { readonly kind: 'walkthrough'; readonly stage: number | undefined }
  | { readonly kind: 'sign-off'; readonly stage: number | undefined }
  | { readonly kind: 'roles' }
  | { readonly kind: 'milestones' }
  | { readonly kind: 'project-details' };

const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => Command][] = [
  [/^(help|\?|what can you do)$/, () => ({ kind: 'help' })],
  [/^(set ?up|start|new|create)( a| the| our)?( new)?( migration)? project$|^set ?up$/, () => ({ kind: 'set-up' })],
  [/^(status|progress|dashboard|how are we doing)$/, () => ({ kind: 'status' })],
  [/^(my actions|my tasks|my items|what do i need to do)$/, () => ({ kind: 'my-actions' })],
  [/^(walk ?through|walk me through)( gateway| stage)? ?([1-6])?$/, (m) => ({ kind: 'walkthrough', stage: stageOf(m[3]) })],
  [/^sign ?-?off( gateway| stage)? ?([1-6])?$/, (m) => ({ kind: 'sign-off', stage: stageOf(m[2]) })],
  [/^(gateway|stage|checklist)( ([1-6]))?$/, (m) => ({ kind: 'gateway', stage: stageOf(m[3]) })],
  [/^(roles|team|members|who is who)$/, () => ({ kind: 'roles' })],
  [/^(milestones?|record (a )?milestone)$/, () => ({ kind: 'milestones' })],
  [/^((edit|change|update) (the |our )?project( details)?|project details)$/, () => ({ kind: 'project-details' })],
];

function stageOf(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

/** Lower case, single spaces, no "please" and no closing full stop or question mark: how every command is matched. */
export function normaliseCommandText(text: string | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/\bplease\b/g, ' ')
    .replace(/[.?!]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseCommand(text: string | undefined): Command | undefined {
  const normalised = normaliseCommandText(text);
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(normalised);
    if (match) return build(match);
  }
  return undefined;
}
