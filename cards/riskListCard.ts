import type { StageNumber } from '../bot/migration/gateways/catalogueTypes';
import type { RiskView } from '../bot/migration/risks/riskView';
import { RISK_CATEGORY_LABELS } from '../bot/migration/risks/riskEntry';
import { RAG_LABELS } from '../bot/migration/risks/riskScore';
import { formatUkDate } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import type { CardChoice } from './cardChoice';
import { RAG_COLOURS, RISK_STATUS_WORDS } from './riskLabels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/riskList.json';
import { Verbs } from './verbs';

/** The list's filter as its buttons send it: '' for the open entries first, or one filter. */
export const RISK_LIST_FILTERS = ['', 'mine', 'red', 'due', 'closed', 'gateway'] as const;
export type RiskListFilterName = (typeof RISK_LIST_FILTERS)[number];

export interface RiskListCardData {
  readonly projectId: string;
  readonly risks: readonly RiskView[];
  readonly filter: RiskListFilterName;
  readonly stage?: StageNumber;
  /** The page cursor for "More"; absent on the last page. */
  readonly next?: string;
  /** This page follows others ("More" was pressed). */
  readonly continued?: boolean;
  readonly message?: string;
}

interface RiskRow {
  readonly riskId: string;
  readonly title: string;
  readonly scoreText: string;
  readonly colour: string;
  readonly detailLine: string;
  readonly flagLine: string;
}

/** What `templates/riskList.json` binds. */
interface RiskListTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly message: string;
  readonly filterLine: string;
  readonly emptyLine: string;
  readonly rows: readonly RiskRow[];
  readonly filter: RiskListFilterName;
  readonly stageText: string;
  readonly next: string;
  readonly gatewayChoice: string;
  readonly gatewayChoices: readonly CardChoice[];
}

const riskListTemplate = defineTemplate<RiskListTemplateData>('riskList', template);

/** The closing reason (up to 500 characters) and a long name are cut in the list; the entry's own card has them whole. */
const REASON_SHOWN = 120;
const NAME_SHOWN = 60;

const FILTER_LINES: Readonly<Record<Exclude<RiskListFilterName, 'gateway'>, string>> = {
  '': 'Open entries first, highest score first, then closed ones.',
  mine: 'The entries you own, open first by score.',
  red: 'Open entries rated red, highest score first.',
  due: 'Open entries due for review today or earlier.',
  closed: 'Closed entries.',
};

/**
 * One page of the log: each entry with its score in its RAG colour, owner, status and review date, Edit and History;
 * the filters as buttons, and "More" carrying the store's page cursor, so a log of hundreds is read a page at a time.
 */
export function riskListCardJson(data: RiskListCardData): AdaptiveCardJson {
  const filterLine = data.filter === 'gateway' ? `Entries linked to gateway ${data.stage ?? ''}, open first by score.` : FILTER_LINES[data.filter];
  return renderCardJson(riskListTemplate, {
    verbs: Verbs,
    projectId: data.projectId,
    message: data.message ?? '',
    filterLine: data.continued === true ? `${filterLine} (continued)` : filterLine,
    emptyLine: data.filter === '' && data.continued !== true ? 'The log is empty. Type risk: and a title to add one, or press Add.' : 'Nothing here.',
    rows: data.risks.map(rowOf),
    filter: data.filter,
    stageText: data.stage === undefined ? '' : String(data.stage),
    next: data.next ?? '',
    gatewayChoice: data.stage === undefined ? '1' : String(data.stage),
    gatewayChoices: [1, 2, 3, 4, 5, 6].map((n) => ({ title: `Gateway ${n}`, value: String(n) })),
  });
}

function rowOf(risk: RiskView): RiskRow {
  const { entry } = risk;
  const flags: string[] = [];
  if (entry.escalation.escalated && entry.status !== 'closed') flags.push('Escalated to senior management');
  if (risk.reviewOverdue) flags.push(`Review overdue since ${formatUkDate(entry.reviewDate)}`);
  else if (risk.reviewDue) flags.push('Due for review today');
  const review = entry.status === 'closed' ? `closed: ${cut(entry.closure?.reason ?? '', REASON_SHOWN)}` : `review by ${formatUkDate(entry.reviewDate)}`;
  const source = entry.source?.kind === 'questionnaire' ? ' · suggested by the questionnaire' : '';
  return {
    riskId: entry.riskId,
    title: `${entry.type === 'issue' ? 'Issue' : 'Risk'}: ${entry.title}`,
    scoreText: `${risk.score} ${RAG_LABELS[risk.rag]}`,
    colour: RAG_COLOURS[risk.rag],
    detailLine: `${RISK_STATUS_WORDS[entry.status]} · ${RISK_CATEGORY_LABELS[entry.category]} · owner ${cut(entry.owner.name, NAME_SHOWN)} · ${review}${source}`,
    flagLine: flags.join(' · '),
  };
}

function cut(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
