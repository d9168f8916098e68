import type { RiskHistoryPage } from '../bot/migration/risks/getRiskHistory';
import type { RiskHistoryEntry } from '../bot/migration/risks/riskEntry';
import { formatUkDate, formatUkDateTime, isIsoDate } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import type { ChangeLine } from './itemChanges';
import { capitalised, plural } from './labels';
import { defineTemplate, renderCardJson } from './render';
import { summaryOf } from './riskCard';
import template from './templates/riskHistory.json';
import { Verbs } from './verbs';

/** What `templates/riskHistory.json` binds. */
interface RiskHistoryTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly riskId: string;
  readonly title: string;
  readonly summaryLine: string;
  readonly changes: readonly ChangeLine[];
  readonly hasOlder: boolean;
  readonly nextOffset: number;
}

const riskHistoryTemplate = defineTemplate<RiskHistoryTemplateData>('riskHistory', template);

/** A page holds up to 20 changes; each value is cut here so two texts of 2,000 characters cannot push it over budget. */
const VALUE_SHOWN = 400;

const FIELD_WORDS: Readonly<Record<RiskHistoryEntry['field'], string>> = {
  type: 'type',
  title: 'title',
  description: 'description',
  category: 'category',
  likelihood: 'likelihood',
  impact: 'impact',
  owner: 'owner',
  mitigation: 'mitigation',
  actions: 'actions',
  link: 'linked to',
  reviewDate: 'review date',
  status: 'status',
  escalated: 'escalated',
  entry: 'entry',
};

/** Who changed what on one entry and when, newest first, a page at a time (the domain pages it). */
export function riskHistoryCardJson(projectId: string, page: RiskHistoryPage): AdaptiveCardJson {
  const { entry } = page.risk;
  return renderCardJson(riskHistoryTemplate, {
    verbs: Verbs,
    projectId,
    riskId: entry.riskId,
    title: `${entry.type === 'issue' ? 'Issue' : 'Risk'}: ${entry.title}`,
    summaryLine: `${summaryOf(page.risk)} · ${plural(page.total, 'change', 'changes')}`,
    changes: page.entries.map(describeRiskChange),
    hasOlder: page.nextOffset !== undefined,
    nextOffset: page.nextOffset ?? 0,
  });
}

export function describeRiskChange(change: RiskHistoryEntry): ChangeLine {
  const why = change.reason === undefined ? '' : `: ${cut(change.reason)}`;
  const text = ((): string => {
    switch (change.change) {
      case 'added':
        return 'Added to the log';
      case 'closed':
        return `Closed${why}`;
      case 'reopened':
        return `Reopened${why}`;
      case 'escalated':
        return `Escalated to senior management${why === '' ? ' (its score reached the escalation level)' : why}`;
      case 'de-escalated':
        return `Taken back from senior management${why === '' ? ' (its score fell below the escalation level)' : why}`;
      case 'edited':
        return `${capitalised(FIELD_WORDS[change.field])}: ${valueOf(change.before)} → ${valueOf(change.after)}`;
    }
  })();
  return { change: text, byLine: `${change.by.name}, ${formatUkDateTime(change.at)}` };
}

function valueOf(value: string | null): string {
  if (value === null || value === '') return '(none)';
  return isIsoDate(value) ? formatUkDate(value) : cut(value);
}

function cut(text: string): string {
  return text.length <= VALUE_SHOWN ? text : `${text.slice(0, VALUE_SHOWN - 1)}…`;
}
