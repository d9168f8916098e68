import type { FieldError } from '../bot/migration/shared/errors';
import { describeSlot, WEEKDAY_NAMES, type HighlightSlot } from '../bot/migration/reports/highlightSchedule';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/highlightSettings.json';
import { Verbs } from './verbs';

/** The inputs' ids, shared by the template, the card data schema and the route. */
export const HIGHLIGHT_SETTINGS_INPUTS = { weekday: 'weekday', time: 'time' } as const;

export interface HighlightSettingsCardData {
  readonly projectId: string;
  /** The project's own slot; absent: the organisation's usual time. */
  readonly slot: HighlightSlot | undefined;
  /** "Mondays at 09:00 (UK time)", or the cron pattern's words when it is not a plain weekly time. */
  readonly usualTime: string;
  /** "The next report is posted on Friday 4 December 2026 at 16:00." */
  readonly nextLine: string;
  /** What was typed, kept after a refusal. */
  readonly typed?: { readonly weekday?: string; readonly time?: string };
  readonly errors?: readonly FieldError[];
  readonly message?: string;
}

interface HighlightSettingsTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly message: string;
  readonly currentLine: string;
  readonly nextLine: string;
  readonly weekday: string;
  readonly time: string;
  readonly dayChoices: readonly { readonly title: string; readonly value: string }[];
  readonly errors: { readonly weekday: string; readonly time: string };
  readonly errorSummary: string;
}

const settingsTemplate = defineTemplate<HighlightSettingsTemplateData>('highlightSettings', template);

/**
 * `highlight settings`: the day and time (UK) of the project's weekly report. A refusal keeps what was typed (cut to
 * what the inputs allow, so a tampered card cannot grow this one) with each reason under its field.
 */
export function highlightSettingsCardJson(data: HighlightSettingsCardData): AdaptiveCardJson {
  const errors = data.errors ?? [];
  const under = (field: string): string => errors.filter((e) => e.field === field).map((e) => e.message).join(' ');
  return renderCardJson(settingsTemplate, {
    verbs: Verbs,
    projectId: data.projectId,
    message: data.message ?? '',
    currentLine: data.slot ? `This project's report is posted ${describeSlot(data.slot)}.` : `This project's report is posted at the usual time: ${data.usualTime}.`,
    nextLine: data.nextLine,
    weekday: (data.typed?.weekday ?? (data.slot ? String(data.slot.weekday) : '')).slice(0, 2),
    time: (data.typed?.time ?? data.slot?.time ?? '').slice(0, 8),
    dayChoices: WEEKDAY_NAMES.map((name, i) => ({ title: name, value: String(i + 1) })),
    errors: { weekday: under(HIGHLIGHT_SETTINGS_INPUTS.weekday), time: under(HIGHLIGHT_SETTINGS_INPUTS.time) },
    errorSummary: errors.length === 0 ? '' : 'Nothing was saved: please check the answer marked below.',
  });
}
