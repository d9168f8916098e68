import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';
import { CARD_BUDGET_BYTES, formatKilobytes, teamsMessageBytes } from '../../cards/teamsMessageSize';
import { TEAMS_HOST_CONFIG } from './teamsHostConfig';

/** The official renderer's own build: its `lib/` is ES modules without file extensions, which Node cannot load. */
type AdaptiveCards = typeof AdaptiveCardsModule;
const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as AdaptiveCards;

/**
 * The Adaptive Cards version each element, input and action arrived in. Teams renders up to 1.5; anything not listed
 * (1.6's Carousel, CompoundButton, a typo) is refused, except Teams' `Chart.*` elements, which other hosts cannot draw
 * and so must carry a fallback.
 */
const INTRODUCED: Readonly<Record<string, number>> = {
  AdaptiveCard: 1.0,
  TextBlock: 1.0,
  Image: 1.0,
  Container: 1.0,
  ColumnSet: 1.0,
  Column: 1.0,
  FactSet: 1.0,
  ImageSet: 1.0,
  'Input.Text': 1.0,
  'Input.Number': 1.0,
  'Input.Date': 1.0,
  'Input.Time': 1.0,
  'Input.Toggle': 1.0,
  'Input.ChoiceSet': 1.0,
  'Action.OpenUrl': 1.0,
  'Action.Submit': 1.0,
  'Action.ShowCard': 1.0,
  Media: 1.1,
  ActionSet: 1.2,
  RichTextBlock: 1.2,
  TextRun: 1.2,
  'Action.ToggleVisibility': 1.2,
  'Action.Execute': 1.4,
  Table: 1.5,
  TableRow: 1.5,
  TableCell: 1.5,
};
const TEAMS_MAX_VERSION = 1.5;

/** Every problem that would stop Teams showing `card` as it should; empty when it is fine. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const root = card as { type?: unknown; version?: unknown };
  if (root.type !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  if (typeof root.version !== 'string' || Number(root.version) > TEAMS_MAX_VERSION) problems.push(`card version ${String(root.version)} is newer than Teams' ${TEAMS_MAX_VERSION}`);
  problems.push(...elementProblems(card));
  problems.push(...parserProblems(card));
  const bytes = teamsMessageBytes(card);
  if (bytes >= CARD_BUDGET_BYTES) problems.push(`${formatKilobytes(bytes)} in UTF-16, over the ${formatKilobytes(CARD_BUDGET_BYTES)} budget (cards/teamsMessageSize.ts)`);
  if (JSON.stringify(card).includes('${')) problems.push('an unbound ${…} template expression is left in');
  return problems;
}

/** Walks the card (not the data its buttons carry) and checks each typed node against Teams' version. */
function elementProblems(card: unknown): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${where}[${i}]`));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const type = record.type;
    if (typeof type === 'string') {
      if (type.startsWith('Chart.')) {
        if (record.fallback === undefined) problems.push(`${where}: ${type} has no fallback for hosts that do not draw charts`);
      } else {
        const version = INTRODUCED[type];
        if (version === undefined) problems.push(`${where}: ${type} is not an Adaptive Cards 1.5 element`);
        else if (version > TEAMS_MAX_VERSION) problems.push(`${where}: ${type} needs Adaptive Cards ${version}`);
      }
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'data') visit(value, `${where}.${key}`);
  };
  visit(card, '$');
  return problems;
}

/**
 * Parses the card with the official renderer, as Teams' web client does, and keeps the errors it reports (unknown
 * elements other than charts, bad property values, duplicate ids, inputs without labels).
 */
function parserProblems(card: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.hostConfig = new AC.HostConfig(TEAMS_HOST_CONFIG);
  parsed.parse(card, context);
  const events: { event: AdaptiveCardsModule.ValidationEvent; message: string }[] = [];
  for (let i = 0; i < context.eventCount; i += 1) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  // More than six buttons go into Teams' overflow menu (⋯) rather than being lost, so that is a note, not a failure.
  const ignored = new Set<AdaptiveCardsModule.ValidationEvent>([AC.ValidationEvent.Hint, AC.ValidationEvent.TooManyActions]);
  return events
    .filter((e) => !ignored.has(e.event))
    .filter((e) => !(e.event === AC.ValidationEvent.UnknownElementType && /"Chart\.[A-Za-z.]+"/.test(e.message)))
    .map((e) => `adaptivecards: ${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
}
