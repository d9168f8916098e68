import { shownText } from '../../cards/markdown';

/** All the text an activity shows, as Teams shows it (Markdown escapes undone): its text plus every TextBlock and fact in its Adaptive Cards. */
export function visibleText(activity: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof activity.text === 'string') parts.push(activity.text);
  const attachments = Array.isArray(activity.attachments) ? (activity.attachments as unknown[]) : [];
  for (const attachment of attachments) {
    if (typeof attachment === 'object' && attachment !== null && 'content' in attachment) collect(attachment.content, parts);
  }
  return shownText(parts.join('\n'));
}

/** The first Adaptive Card of an activity, or undefined. */
export function adaptiveCardOf(activity: Record<string, unknown>): Record<string, unknown> | undefined {
  const attachments = Array.isArray(activity.attachments) ? (activity.attachments as unknown[]) : [];
  for (const attachment of attachments) {
    if (
      typeof attachment === 'object' &&
      attachment !== null &&
      'contentType' in attachment &&
      attachment.contentType === 'application/vnd.microsoft.card.adaptive' &&
      'content' in attachment
    ) {
      return attachment.content as Record<string, unknown>;
    }
  }
  return undefined;
}

function collect(node: unknown, parts: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, parts);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.type === 'TextBlock' && typeof record.text === 'string') parts.push(record.text);
  if (typeof record.title === 'string' && typeof record.value === 'string') parts.push(`${record.title}: ${record.value}`);
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'text') collect(value, parts);
  }
}
