import type { Milestone } from '../bot/migration/gateways/gatewayState';
import { MILESTONE_KINDS } from '../bot/migration/gateways/gatewayState';
import { formatUkDate } from '../bot/migration/shared/ukDates';
import type { CardChoice } from './cardChoice';
import { MILESTONE_NAMES } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/milestone.json';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

export interface MilestoneCardData {
  readonly projectId: string;
  readonly milestones: readonly Milestone[];
  /** What was typed last time, kept after a refusal. */
  readonly values?: { readonly kind?: string; readonly date?: string; readonly note?: string };
  readonly message?: string;
}

/** What `templates/milestone.json` binds. */
interface MilestoneTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly message: string;
  readonly kind: string;
  readonly date: string;
  readonly note: string;
  readonly kindChoices: readonly CardChoice[];
  readonly milestones: readonly { readonly line: string }[];
}

const milestoneTemplate = defineTemplate<MilestoneTemplateData>('milestone', template);

/**
 * NHS Digital's gateway decisions happen outside Teams; recording them here, dated, puts them on the status card
 * beside the plan. The list shows what is already recorded so nobody records a slot twice.
 */
export function milestoneCardJson(data: MilestoneCardData): AdaptiveCardJson {
  return renderCardJson(milestoneTemplate, {
    verbs: Verbs,
    projectId: data.projectId,
    message: data.message ?? '',
    kind: data.values?.kind ?? '',
    date: data.values?.date ?? '',
    note: data.values?.note ?? '',
    kindChoices: MILESTONE_KINDS.filter((k) => k !== 'questionnaire-submitted').map((k) => ({ title: MILESTONE_NAMES[k], value: k })),
    milestones: [...data.milestones]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((m) => ({ line: `${formatUkDate(m.date)}: ${MILESTONE_NAMES[m.kind]}${m.note ? ` (${m.note})` : ''}` })),
  });
}
