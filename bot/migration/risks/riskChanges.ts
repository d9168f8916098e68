import type { IsoTimestamp, PersonRef } from '../gateways/gatewayState';
import { InvalidState } from '../shared/errors';
import type { RiskFields } from './riskInput';
import { RISK_CATEGORY_LABELS, isClosed, type RiskEntry, type RiskEscalation, type RiskField, type RiskHistoryEntry, type RiskLink, type RiskSource } from './riskEntry';
import type { RiskChange } from './riskRepository';
import { riskScore } from './riskScore';
import type { RiskSettings } from './riskSettings';

/**
 * The rules of changing an entry, as pure functions from the entry as it is
 * to the entry as it will be plus the history lines that explain it.
 *
 * Escalation by score: an entry is escalated by itself when it is added at or
 * above the escalation score, or when an edit raises its score from below the
 * threshold to it or above. An escalation the score made is taken back when
 * the score falls below the threshold again. A decision by hand (the PM or SRO,
 * with a reason) stands until the score next rises across the threshold, so
 * taking back an escalation is not undone by an unrelated edit.
 */

/** Readable values for history lines; links need the catalogue, so the caller words them. */
export type DescribeLink = (link: RiskLink) => string;

export interface ChangeContext {
  readonly by: PersonRef;
  readonly at: IsoTimestamp;
  readonly settings: Pick<RiskSettings, 'escalateScore'>;
  readonly describeLink: DescribeLink;
}

export function newRiskEntry(
  identity: { readonly projectId: string; readonly riskId: string; readonly source?: RiskSource },
  fields: RiskFields,
  context: ChangeContext,
): RiskChange {
  const { by, at } = context;
  const score = riskScore(fields);
  const escalated = score >= context.settings.escalateScore;
  const { link, ...rest } = fields;
  const entry: RiskEntry = {
    projectId: identity.projectId,
    riskId: identity.riskId,
    ...rest,
    ...(link ? { link } : {}),
    escalation: { escalated, setBy: 'score', by, at, ...(escalated ? { reason: scoreReason(score, context) } : {}) },
    ...(identity.source ? { source: identity.source } : {}),
    createdBy: by,
    createdAt: at,
    updatedBy: by,
    updatedAt: at,
    version: 1,
  };
  const history: RiskHistoryEntry[] = [{ at, by, change: 'added', field: 'entry', before: null, after: `${entry.type}: ${entry.title}` }];
  if (escalated) history.push(escalationLine(entry.escalation, false));
  return { entry, history };
}

/** Applies the changed fields; undefined when nothing would change. Closed entries are reopened first. */
export function editRiskEntry(current: RiskEntry, changes: Partial<RiskFields>, context: ChangeContext): RiskChange | undefined {
  if (isClosed(current)) {
    throw new InvalidState('This entry is closed, so it can’t be edited.', 'The project manager or SRO can reopen it, giving a reason.');
  }
  const { by, at } = context;
  const history: RiskHistoryEntry[] = [];
  let next: RiskEntry = current;
  for (const field of Object.keys(changes) as (keyof RiskFields)[]) {
    const value = changes[field];
    if (value === undefined) continue;
    const before = describeField(current, field, context.describeLink);
    const candidate = withField(next, field, value);
    const after = describeField(candidate, field, context.describeLink);
    if (before === after && sameValue(current, candidate, field)) continue;
    next = candidate;
    history.push({ at, by, change: 'edited', field, before, after });
  }
  if (history.length === 0) return undefined;

  const threshold = context.settings.escalateScore;
  const oldScore = riskScore(current);
  const newScore = riskScore(next);
  let escalation = current.escalation;
  if (!escalation.escalated && oldScore < threshold && newScore >= threshold) {
    escalation = { escalated: true, setBy: 'score', by, at, reason: scoreReason(newScore, context) };
  } else if (escalation.escalated && escalation.setBy === 'score' && newScore < threshold) {
    escalation = { escalated: false, setBy: 'score', by, at, reason: `The score fell to ${newScore}, below ${threshold}.` };
  }
  if (escalation !== current.escalation) history.push(escalationLine(escalation, current.escalation.escalated));
  return { entry: { ...next, escalation, ...touched(current, context) }, history };
}

export function closeRiskEntry(current: RiskEntry, reason: string, context: Pick<ChangeContext, 'by' | 'at'>): RiskChange {
  if (isClosed(current)) throw new InvalidState('This entry is already closed.');
  const { by, at } = context;
  const entry: RiskEntry = { ...current, status: 'closed', closure: { reason, by, at }, ...touched(current, context) };
  return { entry, history: [{ at, by, change: 'closed', field: 'status', before: current.status, after: 'closed', reason }] };
}

export function reopenRiskEntry(current: RiskEntry, reason: string, context: Pick<ChangeContext, 'by' | 'at'>): RiskChange {
  if (!isClosed(current)) throw new InvalidState('This entry is not closed, so there is nothing to reopen.');
  const { by, at } = context;
  const { closure: _closure, ...open } = current;
  const entry: RiskEntry = { ...open, status: 'open', ...touched(current, context) };
  return { entry, history: [{ at, by, change: 'reopened', field: 'status', before: 'closed', after: 'open', reason }] };
}

/** Escalates or takes back by hand; undefined when it already stands that way. */
export function setRiskEscalation(current: RiskEntry, escalated: boolean, reason: string, context: Pick<ChangeContext, 'by' | 'at'>): RiskChange | undefined {
  if (isClosed(current)) throw new InvalidState('This entry is closed, so its escalation can’t be changed.', 'Reopen it first if it needs senior management again.');
  if (current.escalation.escalated === escalated) return undefined;
  const escalation: RiskEscalation = { escalated, setBy: 'hand', by: context.by, at: context.at, reason };
  return { entry: { ...current, escalation, ...touched(current, context) }, history: [escalationLine(escalation, current.escalation.escalated)] };
}

function touched(current: RiskEntry, context: Pick<ChangeContext, 'by' | 'at'>): Pick<RiskEntry, 'updatedBy' | 'updatedAt' | 'version'> {
  return { updatedBy: context.by, updatedAt: context.at, version: current.version + 1 };
}

function scoreReason(score: number, context: Pick<ChangeContext, 'settings'>): string {
  return `Its score of ${score} is at or above ${context.settings.escalateScore}, the level at which senior management is told.`;
}

function escalationLine(escalation: RiskEscalation, wasEscalated: boolean): RiskHistoryEntry {
  return {
    at: escalation.at,
    by: escalation.by,
    change: escalation.escalated ? 'escalated' : 'de-escalated',
    field: 'escalated',
    before: wasEscalated ? 'yes' : 'no',
    after: escalation.escalated ? 'yes' : 'no',
    ...(escalation.reason !== undefined ? { reason: escalation.reason } : {}),
  };
}

function withField<K extends keyof RiskFields>(entry: RiskEntry, field: K, value: RiskFields[K]): RiskEntry {
  if (field === 'link') {
    const { link: _link, ...rest } = entry;
    return value === null ? rest : { ...rest, link: value as RiskLink };
  }
  return { ...entry, [field]: value };
}

function sameValue(a: RiskEntry, b: RiskEntry, field: keyof RiskFields): boolean {
  if (field === 'owner') return a.owner.id === b.owner.id;
  return JSON.stringify(a[field] ?? null) === JSON.stringify(b[field] ?? null);
}

/** A field's value as a person reads it; null when empty. */
export function describeField(entry: RiskEntry, field: RiskField, describeLink: DescribeLink): string | null {
  switch (field) {
    case 'owner':
      return entry.owner.name;
    case 'link':
      return entry.link ? describeLink(entry.link) : null;
    case 'category':
      return RISK_CATEGORY_LABELS[entry.category];
    case 'likelihood':
    case 'impact':
      return String(entry[field]);
    default: {
      const value = entry[field];
      return value.length === 0 ? null : value;
    }
  }
}
