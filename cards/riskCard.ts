import type { GatewayCatalogue } from '../bot/migration/gateways/catalogueTypes';
import { RISK_REASON_MAX_LENGTH } from '../bot/migration/risks/riskAccess';
import { RISK_CATEGORIES, RISK_CATEGORY_LABELS, RISK_FIELDS, type RiskType } from '../bot/migration/risks/riskEntry';
import { RISK_TEXT_MAX_LENGTH, RISK_TITLE_MAX_LENGTH } from '../bot/migration/risks/riskInput';
import { RISK_NO_LINK, riskLinkValue } from '../bot/migration/risks/riskLinks';
import { RAG_LABELS } from '../bot/migration/risks/riskScore';
import type { RiskView } from '../bot/migration/risks/riskView';
import type { FieldError } from '../bot/migration/shared/errors';
import { formatUkDate } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import type { CardChoice } from './cardChoice';
import { RAG_COLOURS, RISK_STATUS_WORDS } from './riskLabels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/risk.json';
import { Verbs } from './verbs';

/**
 * The risk form's input ids: the domain's own field names (riskInput.ts), so the submitted data goes straight to
 * addRisk / editRisk and each field error lands under the input it is about. `reason` is for the PM's and SRO's
 * decisions (close, reopen, escalate), which are buttons on the same card.
 */
export const RISK_FORM_FIELDS = [...RISK_FIELDS, 'reason'] as const;
export type RiskFormField = (typeof RISK_FORM_FIELDS)[number];

/** What the person typed, by input id, kept after a refusal; an absent field shows the entry's own value. */
export type RiskTyped = Partial<Readonly<Record<RiskFormField, string>>>;

export interface RiskCardData {
  readonly projectId: string;
  readonly catalogue: GatewayCatalogue;
  /** The project team (not staff), who can own an entry. */
  readonly ownerChoices: readonly CardChoice[];
  /** The entry being edited; absent for a new one. */
  readonly risk?: RiskView;
  /** For a new entry: 'issue' from `issue: …`, and the title typed after it. */
  readonly newType?: RiskType;
  readonly newTitle?: string;
  readonly typed?: RiskTyped;
  readonly errors?: readonly FieldError[];
  readonly message?: string;
  /** The PM or SRO: the close, reopen and escalation buttons show. */
  readonly canDecide?: boolean;
}

type FieldTexts = Readonly<Record<RiskFormField, string>>;

/** What `templates/risk.json` binds. */
interface RiskTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly riskId: string;
  readonly version: number;
  readonly message: string;
  readonly heading: string;
  readonly summaryLine: string;
  readonly summaryColour: string;
  readonly values: FieldTexts;
  /**
   * Likelihood and impact for their `Input.Number`s, as numbers: the official renderer reads a string value such as
   * "3" as no value and shows an empty box. Null when nothing numeric is there to show.
   */
  readonly ratings: { readonly likelihood: number | null; readonly impact: number | null };
  readonly errors: FieldTexts;
  readonly errorSummary: string;
  readonly typeChoices: readonly CardChoice[];
  readonly categoryChoices: readonly CardChoice[];
  readonly ratingChoices: readonly CardChoice[];
  readonly ownerChoices: readonly CardChoice[];
  readonly linkChoices: readonly CardChoice[];
  readonly statusChoices: readonly CardChoice[];
  readonly titleMaxLength: number;
  readonly textMaxLength: number;
  readonly reasonMaxLength: number;
  readonly canSave: boolean;
  readonly canDecide: boolean;
  readonly canClose: boolean;
  readonly canReopen: boolean;
  readonly canEscalate: boolean;
  readonly canDeescalate: boolean;
  readonly saveTitle: string;
}

const riskTemplate = defineTemplate<RiskTemplateData>('risk', template);

const TYPED_MAX: Readonly<Record<RiskFormField, number>> = {
  type: 20,
  title: RISK_TITLE_MAX_LENGTH,
  description: RISK_TEXT_MAX_LENGTH,
  category: 40,
  likelihood: 10,
  impact: 10,
  owner: 200,
  mitigation: RISK_TEXT_MAX_LENGTH,
  actions: RISK_TEXT_MAX_LENGTH,
  link: 200,
  reviewDate: 20,
  status: 20,
  reason: RISK_REASON_MAX_LENGTH,
};

/** Long item names are cut in the link list: 99 items must keep the card well inside its budget. */
const LINK_TITLE_SHOWN = 42;

/**
 * The risk or issue form, to add one or change one: every field in one go, each refusal under its field with what
 * the person typed kept. For the PM or SRO it also carries the decisions (close, reopen, escalate, take back), each
 * needing the reason typed on the card.
 */
export function riskCardJson(data: RiskCardData): AdaptiveCardJson {
  const { risk } = data;
  const entry = risk?.entry;
  const typed = data.typed ?? {};
  const errors = data.errors ?? [];
  // What was typed comes back from the client, so it is cut to what the input allows: a tampered card cannot grow this one.
  const shown = (field: RiskFormField, own: string): string => (typed[field] ?? own).slice(0, TYPED_MAX[field]);
  const canDecide = entry !== undefined && data.canDecide === true;
  const closed = entry?.status === 'closed';
  const type = entry?.type ?? data.newType ?? 'risk';
  const values = {
    type: shown('type', type),
    title: shown('title', entry?.title ?? data.newTitle ?? ''),
    description: shown('description', entry?.description ?? ''),
    category: shown('category', entry?.category ?? 'other'),
    likelihood: shown('likelihood', entry ? String(entry.likelihood) : ''),
    impact: shown('impact', entry ? String(entry.impact) : ''),
    owner: shown('owner', entry?.owner.id ?? ''),
    mitigation: shown('mitigation', entry?.mitigation ?? ''),
    actions: shown('actions', entry?.actions ?? ''),
    link: shown('link', riskLinkValue(entry?.link)),
    reviewDate: shown('reviewDate', entry?.reviewDate ?? ''),
    status: shown('status', entry && entry.status !== 'closed' ? entry.status : 'open'),
    reason: shown('reason', ''),
  };
  return withoutEmptyNumbers(renderCardJson(riskTemplate, {
    verbs: Verbs,
    projectId: data.projectId,
    riskId: entry?.riskId ?? '',
    version: entry?.version ?? 0,
    message: data.message ?? '',
    heading: entry ? `${type === 'issue' ? 'Issue' : 'Risk'}: ${entry.title}` : type === 'issue' ? 'Add an issue' : 'Add a risk',
    summaryLine: risk ? summaryOf(risk) : 'A risk may happen; an issue has happened. The score is likelihood × impact; at 20 or more it is escalated to senior management.',
    summaryColour: risk ? RAG_COLOURS[risk.rag] : 'Default',
    values,
    ratings: { likelihood: numberShown(values.likelihood), impact: numberShown(values.impact) },
    errors: fieldTexts((field) => errors.filter((e) => e.field === field).map((e) => e.message).join(' ')),
    errorSummary: errors.length === 0 ? '' : errors.length === 1 ? 'Nothing was saved: please check the answer marked below.' : `Nothing was saved: please check the ${errors.length} answers marked below.`,
    typeChoices: [
      { title: 'Risk (it may happen)', value: 'risk' },
      { title: 'Issue (it has happened)', value: 'issue' },
    ],
    categoryChoices: RISK_CATEGORIES.map((c) => ({ title: RISK_CATEGORY_LABELS[c], value: c })),
    ratingChoices: [1, 2, 3, 4, 5].map((n) => ({ title: String(n), value: String(n) })),
    ownerChoices: data.ownerChoices,
    linkChoices: linkChoicesOf(data.catalogue),
    statusChoices: [
      { title: 'Open', value: 'open' },
      { title: 'Mitigating', value: 'mitigating' },
    ],
    titleMaxLength: RISK_TITLE_MAX_LENGTH,
    textMaxLength: RISK_TEXT_MAX_LENGTH,
    reasonMaxLength: RISK_REASON_MAX_LENGTH,
    canSave: !closed,
    canDecide,
    canClose: canDecide && !closed,
    canReopen: canDecide && closed,
    canEscalate: canDecide && !closed && entry.escalation.escalated === false,
    canDeescalate: canDecide && !closed && entry.escalation.escalated === true,
    saveTitle: entry ? 'Save changes' : type === 'issue' ? 'Add the issue' : 'Add the risk',
  }));
}

/** An empty number input carries no value at all: the template writes null there, which a client would send back. */
function withoutEmptyNumbers(card: AdaptiveCardJson): AdaptiveCardJson {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const element = node as Record<string, unknown>;
      if (element.type === 'Input.Number' && element.value === null) delete element.value;
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return card;
}

/** "Score 20 (Red) · Escalated to senior management · Open · review by 8 December 2026". */
export function summaryOf(risk: RiskView): string {
  const { entry } = risk;
  const parts = [`Score ${risk.score} (${RAG_LABELS[risk.rag]})`];
  if (entry.escalation.escalated) parts.push('Escalated to senior management');
  parts.push(RISK_STATUS_WORDS[entry.status]);
  if (entry.status === 'closed') parts.push(`closed: ${entry.closure?.reason ?? ''}`);
  else parts.push(risk.reviewOverdue ? `review overdue since ${formatUkDate(entry.reviewDate)}` : `review by ${formatUkDate(entry.reviewDate)}`);
  if (entry.source?.kind === 'questionnaire') parts.push('suggested by the questionnaire');
  return parts.join(' · ');
}

function linkChoicesOf(catalogue: GatewayCatalogue): CardChoice[] {
  const choices: CardChoice[] = [{ title: 'None', value: RISK_NO_LINK }];
  for (const stage of catalogue.stages) {
    choices.push({ title: `Gateway ${stage.number}: ${stage.title}`, value: `gateway:${stage.number}` });
    for (const item of stage.items) choices.push({ title: `${stage.number}: ${cut(item.action)}`, value: item.id });
  }
  return choices;
}

/** A typed or stored rating as the number input shows it; what is not a number (typed "seven") shows empty. */
function numberShown(text: string): number | null {
  const trimmed = text.trim();
  return /^-?\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

function cut(text: string): string {
  return text.length <= LINK_TITLE_SHOWN ? text : `${text.slice(0, LINK_TITLE_SHOWN - 1)}…`;
}

/** Every field gets a string, even an empty one: an absent value would leave `${…}` in the card. */
function fieldTexts(text: (field: RiskFormField) => string): FieldTexts {
  return Object.fromEntries(RISK_FORM_FIELDS.map((f) => [f, text(f)])) as Record<RiskFormField, string>;
}
