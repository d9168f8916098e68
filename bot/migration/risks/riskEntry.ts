import type { StageNumber } from '../gateways/catalogueTypes';
import type { IsoTimestamp, PersonRef } from '../gateways/gatewayState';
import type { IsoDate } from '../shared/ukDates';

/**
 * One entry of a project's risks and issues log.
 *
 * Why each entry is its own record with its own version: several people keep
 * the log every week, so entries must be edited independently (a change to one
 * never collides with a change to another), and a change made from an
 * out-of-date card must be refused rather than silently undo someone's edit.
 * Score and RAG are not stored as facts: they follow from likelihood, impact
 * and the organisation's thresholds (see riskScore.ts).
 */

export const RISK_TYPES = ['risk', 'issue'] as const;
/** A risk may happen; an issue already has. */
export type RiskType = (typeof RISK_TYPES)[number];

export const RISK_STATUSES = ['open', 'mitigating', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Kinds of matter a migration log usually holds; a fixed list so the log can be filtered and counted. */
export const RISK_CATEGORIES = [
  'technical',
  'applications',
  'information-governance',
  'people',
  'schedule',
  'supplier',
  'budget',
  'other',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_CATEGORY_LABELS: Readonly<Record<RiskCategory, string>> = {
  technical: 'Technical',
  applications: 'Applications and integrations',
  'information-governance': 'Information governance',
  people: 'People and training',
  schedule: 'Schedule',
  supplier: 'Supplier',
  budget: 'Budget',
  other: 'Other',
};

/** What the entry is about in the plan: a whole gateway, or one checklist item (and so its gateway). */
export type RiskLink =
  | { readonly kind: 'gateway'; readonly stage: StageNumber }
  | { readonly kind: 'item'; readonly stage: StageNumber; readonly itemId: string };

/**
 * Where an entry came from, when not typed in by a person. `key` is stable for
 * the same suggestion, so each suggestion becomes one entry however often the
 * questionnaire is saved (see questionnaireRisks.ts).
 */
export interface RiskSource {
  readonly kind: 'questionnaire';
  readonly key: string;
  readonly questionId: string;
}

/** Whether senior management has been told, and who decided. */
export interface RiskEscalation {
  readonly escalated: boolean;
  /**
   * 'score': set or cleared by the score rule; 'hand': by the PM or SRO, with a reason. A decision by hand stands
   * until the score next rises across the threshold (see riskChanges.ts).
   */
  readonly setBy: 'score' | 'hand';
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
  readonly reason?: string;
}

export interface RiskClosure {
  readonly reason: string;
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
}

export interface RiskEntry {
  readonly projectId: string;
  /** Unique within the project; letters, digits, '-' and '_' only (it ends up in document ids and card data). */
  readonly riskId: string;
  readonly type: RiskType;
  readonly title: string;
  readonly description: string;
  readonly category: RiskCategory;
  /** 1 (rare) to 5 (almost certain); for an issue, which has happened, usually 5. */
  readonly likelihood: number;
  /** 1 (negligible) to 5 (severe). */
  readonly impact: number;
  /** A project member who is not staff. */
  readonly owner: PersonRef;
  readonly mitigation: string;
  readonly actions: string;
  readonly link?: RiskLink;
  readonly reviewDate: IsoDate;
  readonly status: RiskStatus;
  /** Present exactly when status is 'closed'. */
  readonly closure?: RiskClosure;
  readonly escalation: RiskEscalation;
  readonly source?: RiskSource;
  readonly createdBy: PersonRef;
  readonly createdAt: IsoTimestamp;
  readonly updatedBy: PersonRef;
  readonly updatedAt: IsoTimestamp;
  /** 1 when added, up by one with every change; a change must name the version it was based on. */
  readonly version: number;
}

/** The fields a person sets on the card. */
export const RISK_FIELDS = [
  'type',
  'title',
  'description',
  'category',
  'likelihood',
  'impact',
  'owner',
  'mitigation',
  'actions',
  'link',
  'reviewDate',
  'status',
] as const;
export type RiskField = (typeof RISK_FIELDS)[number];

/** One change to one entry, for its history: who, when, before and after, as readable text. */
export interface RiskHistoryEntry {
  readonly at: IsoTimestamp;
  readonly by: PersonRef;
  readonly change: 'added' | 'edited' | 'closed' | 'reopened' | 'escalated' | 'de-escalated';
  /** The field that changed, for 'edited'; for the others the field they move ('status' or 'escalated'). */
  readonly field: RiskField | 'escalated' | 'entry';
  readonly before: string | null;
  readonly after: string | null;
  /** Why, for closing, reopening and escalation decisions. */
  readonly reason?: string;
}

const RISK_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** Risk ids arrive from cards, which can be tampered with. */
export function isRiskId(value: unknown): value is string {
  return typeof value === 'string' && RISK_ID.test(value);
}

export function isClosed(entry: Pick<RiskEntry, 'status'>): boolean {
  return entry.status === 'closed';
}

/** The gateway an entry is linked to, directly or through one of its items. */
export function linkedStage(entry: Pick<RiskEntry, 'link'>): StageNumber | undefined {
  return entry.link?.stage;
}
