import type { GatewayCatalogue, StageNumber } from '../gateways/catalogueTypes';
import type { PersonRef } from '../gateways/gatewayState';
import { findMember } from '../projects/actor';
import type { Project } from '../projects/project';
import type { FieldError } from '../shared/errors';
import { isIsoDate, type IsoDate } from '../shared/ukDates';
import { RISK_CATEGORIES, RISK_TYPES, type RiskCategory, type RiskEntry, type RiskField, type RiskLink, type RiskType } from './riskEntry';
import { RISK_NO_LINK } from './riskLinks';

/**
 * Reading the risk card's inputs.
 *
 * Why everything is `unknown`: card inputs arrive as strings (or are missing,
 * or were tampered with), so nothing is trusted, and every problem is reported
 * at once under its own field so the card can show each reason where it
 * belongs and keep what the person typed.
 */

export const RISK_TITLE_MAX_LENGTH = 200;
export const RISK_TEXT_MAX_LENGTH = 2000;

/** As submitted. On an edit, a field left out (undefined) is left as it is; an empty string clears an optional one. */
export interface RiskInput {
  readonly type?: unknown;
  readonly title?: unknown;
  readonly description?: unknown;
  readonly category?: unknown;
  readonly likelihood?: unknown;
  readonly impact?: unknown;
  /** The owner's Teams user id, from the roster choice. */
  readonly owner?: unknown;
  readonly mitigation?: unknown;
  readonly actions?: unknown;
  /** '' for none, `gateway:<n>` for a gateway, or a checklist item id. */
  readonly link?: unknown;
  readonly reviewDate?: unknown;
  /** 'open' or 'mitigating'; closing needs a reason and has its own action. */
  readonly status?: unknown;
}

/**
 * The fields of an entry a person sets, as the entry holds them, except that `link: null` means "no link" (a change
 * can clear it) and the status set here is never 'closed' (closing needs a reason and has its own action).
 */
export type RiskFields = Pick<RiskEntry, Exclude<RiskField, 'link' | 'status'>> & { readonly link: RiskLink | null; readonly status: 'open' | 'mitigating' };

export interface RiskInputContext {
  readonly project: Project;
  readonly catalogue: GatewayCatalogue;
  /** Today in London: a review date before it is refused. */
  readonly today: IsoDate;
}

export type RiskInputResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * A new entry's fields. Title, likelihood and impact are needed; the rest
 * have sensible defaults: a risk, category 'other', owned by the person adding
 * it, open, due for review `defaultReviewDays` from today.
 */
export function readNewRisk(
  input: RiskInput,
  context: RiskInputContext & { readonly defaultOwnerId: string; readonly defaultReviewDate: IsoDate },
): RiskInputResult<RiskFields> {
  const reader = new FieldReader(context);
  const fields: RiskFields = {
    type: reader.type(blankToUndefined(input.type) ?? 'risk'),
    title: reader.title(input.title),
    description: reader.text('description', input.description ?? ''),
    category: reader.category(blankToUndefined(input.category) ?? 'other'),
    likelihood: reader.rating('likelihood', input.likelihood),
    impact: reader.rating('impact', input.impact),
    owner: reader.owner(blankToUndefined(input.owner) ?? context.defaultOwnerId),
    mitigation: reader.text('mitigation', input.mitigation ?? ''),
    actions: reader.text('actions', input.actions ?? ''),
    link: reader.link(input.link ?? ''),
    reviewDate: blankToUndefined(input.reviewDate) === undefined ? context.defaultReviewDate : reader.reviewDate(input.reviewDate, undefined),
    status: reader.status(blankToUndefined(input.status) ?? 'open'),
  };
  return reader.errors.length > 0 ? { ok: false, errors: reader.errors } : { ok: true, value: fields };
}

/**
 * The fields an edit changes: only those present in the input. A review date
 * is only checked against today when it changes, so an entry already past its
 * review can still have its mitigation updated.
 */
export function readRiskEdit(input: RiskInput, context: RiskInputContext & { readonly current: RiskEntry }): RiskInputResult<Partial<RiskFields>> {
  const reader = new FieldReader(context);
  const fields: { -readonly [K in keyof RiskFields]?: RiskFields[K] } = {};
  if (input.type !== undefined) fields.type = reader.type(input.type);
  if (input.title !== undefined) fields.title = reader.title(input.title);
  if (input.description !== undefined) fields.description = reader.text('description', input.description);
  if (input.category !== undefined) fields.category = reader.category(input.category);
  if (input.likelihood !== undefined) fields.likelihood = reader.rating('likelihood', input.likelihood);
  if (input.impact !== undefined) fields.impact = reader.rating('impact', input.impact);
  if (input.owner !== undefined) fields.owner = reader.owner(input.owner);
  if (input.mitigation !== undefined) fields.mitigation = reader.text('mitigation', input.mitigation);
  if (input.actions !== undefined) fields.actions = reader.text('actions', input.actions);
  if (input.link !== undefined) fields.link = reader.link(input.link);
  if (input.reviewDate !== undefined) fields.reviewDate = reader.reviewDate(input.reviewDate, context.current.reviewDate);
  if (input.status !== undefined) fields.status = reader.status(input.status);
  return reader.errors.length > 0 ? { ok: false, errors: reader.errors } : { ok: true, value: fields };
}

/** Collects every problem; each reader returns a placeholder after a problem, which is never saved. */
class FieldReader {
  readonly errors: FieldError[] = [];

  constructor(private readonly context: RiskInputContext) {}

  type(value: unknown): RiskType {
    const found = RISK_TYPES.find((t) => t === text(value).toLowerCase());
    return found ?? this.fail('type', 'Please choose whether this is a risk (it may happen) or an issue (it has happened).', 'risk');
  }

  title(value: unknown): string {
    const title = text(value).replace(/\s+/g, ' ');
    if (title.length === 0) return this.fail('title', 'Please give the risk or issue a short title.', '');
    if (title.length > RISK_TITLE_MAX_LENGTH) return this.fail('title', `Please keep the title to ${RISK_TITLE_MAX_LENGTH} characters or fewer.`, '');
    return title;
  }

  text(field: 'description' | 'mitigation' | 'actions', value: unknown): string {
    if (value !== null && typeof value !== 'string') return this.fail(field, `Please write the ${field} as text.`, '');
    const written = text(value);
    if (written.length > RISK_TEXT_MAX_LENGTH) return this.fail(field, `Please keep the ${field} to ${RISK_TEXT_MAX_LENGTH} characters or fewer.`, '');
    return written;
  }

  category(value: unknown): RiskCategory {
    const found = RISK_CATEGORIES.find((c) => c === text(value));
    return found ?? this.fail('category', 'Please choose a category from the list.', 'other');
  }

  rating(field: 'likelihood' | 'impact', value: unknown): number {
    const written = typeof value === 'number' ? value : Number(text(value));
    if (text(value).length === 0 && typeof value !== 'number') {
      return this.fail(field, `Please give the ${field} from 1 (${field === 'likelihood' ? 'rare' : 'negligible'}) to 5 (${field === 'likelihood' ? 'almost certain' : 'severe'}).`, 1);
    }
    if (!Number.isInteger(written) || written < 1 || written > 5) {
      return this.fail(field, `The ${field} must be a whole number from 1 to 5.`, 1);
    }
    return written;
  }

  owner(value: unknown): PersonRef {
    const member = typeof value === 'string' ? findMember(this.context.project, { userId: value.trim() }) : undefined;
    if (!member || member.role === 'staff') {
      return this.fail('owner', 'Please choose someone in the project team to own this.', { id: '', name: '' });
    }
    return { id: member.userId, name: member.name };
  }

  link(value: unknown): RiskLink | null {
    const written = text(value);
    // Empty too: cards sent before None had a value of its own, and a form left without a choice.
    if (written.length === 0 || written === RISK_NO_LINK) return null;
    const gateway = /^gateway:([1-6])$/.exec(written);
    if (gateway?.[1] !== undefined) return { kind: 'gateway', stage: Number(gateway[1]) as StageNumber };
    for (const stage of this.context.catalogue.stages) {
      if (stage.items.some((i) => i.id === written)) return { kind: 'item', stage: stage.number, itemId: written };
    }
    return this.fail('link', 'Please choose a gateway or checklist item from the list.', null);
  }

  reviewDate(value: unknown, current: IsoDate | undefined): IsoDate {
    const written = text(value);
    if (written.length === 0) return this.fail('reviewDate', 'Please give a review date, for example next week.', '');
    if (!isIsoDate(written)) return this.fail('reviewDate', 'Please give the review date as a date, for example 2026-12-02.', '');
    if (written !== current && written < this.context.today) {
      return this.fail('reviewDate', 'The review date has already passed: please choose today or a later date.', '');
    }
    return written;
  }

  status(value: unknown): 'open' | 'mitigating' {
    const written = text(value);
    if (written === 'open' || written === 'mitigating') return written;
    if (written === 'closed') return this.fail('status', 'To close it, use Close and give a reason.', 'open');
    return this.fail('status', 'Please choose open or mitigating.', 'open');
  }

  private fail<T>(field: string, message: string, placeholder: T): T {
    this.errors.push({ field, message });
    return placeholder;
  }
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function blankToUndefined(value: unknown): unknown {
  return value === undefined || value === null || (typeof value === 'string' && value.trim().length === 0) ? undefined : value;
}
