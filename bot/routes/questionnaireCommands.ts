import { normaliseCommandText } from './commands';

/**
 * The words that reach the questionnaire, typed (after any @mention is removed):
 * `questionnaire`, `questionnaire 3` or `questionnaire mobile devices`,
 * `export questionnaire`, `submit questionnaire`. Matching forgives case,
 * spaces, "please", "the"/"our"/"discovery" and a trailing full stop, like the
 * other commands; kept apart from the route so it can be tested as a table.
 */
export type QuestionnaireCommand =
  | { readonly kind: 'progress' }
  | { readonly kind: 'section'; readonly section: string }
  | { readonly kind: 'export' }
  | { readonly kind: 'submit' };

const NAME = String.raw`(?:(?:the|our) )?(?:discovery )?questionnaire`;

const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => QuestionnaireCommand][] = [
  [new RegExp(`^(?:export|download) ${NAME}(?: as (?:markdown|html|csv|a document))?$|^${NAME} export$`), () => ({ kind: 'export' })],
  [new RegExp(`^(?:submit|send) ${NAME}(?: to the pipeline team)?$|^${NAME} submit$`), () => ({ kind: 'submit' })],
  [new RegExp(`^(?:open |show )?${NAME}(?: progress| status| overview)?$`), () => ({ kind: 'progress' })],
  [new RegExp(`^(?:open |show )?${NAME} (?:section |part )?(.+)$`), (m) => ({ kind: 'section', section: (m[1] ?? '').trim() })],
];

export function parseQuestionnaireCommand(text: string | undefined): QuestionnaireCommand | undefined {
  const normalised = normaliseCommandText(text);
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(normalised);
    if (match) return build(match);
  }
  return undefined;
}
