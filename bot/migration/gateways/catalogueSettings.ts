import { ValidationFailed, type FieldError } from '../shared/errors';

/**
 * The parts of the catalogue that may have changed since the guide was
 * written (November 2017), as settings with the guide's values as defaults.
 *
 * Why: contact addresses, limits and the co-existence advice are the facts
 * most likely to be out of date (a later NHSmail FAQ says automatic forwarding
 * from NHS.uk accounts is not permitted), so an organisation or a later guide
 * must be able to change them without a code change.
 */
export interface CatalogueSettings {
  /** Where the pipeline team is told about decisions and numbers. */
  readonly pipelineContactEmail: string;
  /** Where larger mailboxes and top-up services are requested. */
  readonly supplierContactEmail: string;
  /** More new accounts than this need extra approval time. */
  readonly newAccountApprovalThreshold: number;
  /** The extra days for that approval, granted only after a successful pilot. */
  readonly extraApprovalDays: number;
  /** How long the old server keeps forwarding/answering after migration; 0 means no co-existence period. */
  readonly coexistenceWeeks: number;
  /** Mailbox size that migrates in full. */
  readonly mailboxQuotaGb: number;
  /** Largest attachment NHSmail accepts. */
  readonly attachmentLimitMb: number;
}

export const DEFAULT_CATALOGUE_SETTINGS: CatalogueSettings = Object.freeze({
  pipelineContactEmail: 'feedback@nhs.net',
  supplierContactEmail: 'nhsmail.development@accenture.com',
  newAccountApprovalThreshold: 500,
  extraApprovalDays: 14,
  coexistenceWeeks: 12,
  mailboxQuotaGb: 4,
  attachmentLimitMb: 20,
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type NumberSetting = 'newAccountApprovalThreshold' | 'extraApprovalDays' | 'coexistenceWeeks' | 'mailboxQuotaGb' | 'attachmentLimitMb';

/** Fills in defaults and checks the result, reporting every bad setting at once. */
export function resolveCatalogueSettings(overrides: Partial<CatalogueSettings> = {}): CatalogueSettings {
  const merged: CatalogueSettings = { ...DEFAULT_CATALOGUE_SETTINGS, ...overrides };
  const errors: FieldError[] = [];

  for (const field of ['pipelineContactEmail', 'supplierContactEmail'] as const) {
    if (!EMAIL.test(merged[field])) errors.push({ field, message: `${field} must be an email address.` });
  }
  const numbers: Record<NumberSetting, { min: number }> = {
    newAccountApprovalThreshold: { min: 0 },
    extraApprovalDays: { min: 0 },
    coexistenceWeeks: { min: 0 },
    mailboxQuotaGb: { min: 1 },
    attachmentLimitMb: { min: 1 },
  };
  for (const [field, { min }] of Object.entries(numbers) as [NumberSetting, { min: number }][]) {
    const value = merged[field];
    if (!Number.isInteger(value) || value < min) {
      errors.push({ field, message: `${field} must be a whole number of at least ${min}.` });
    }
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  return Object.freeze(merged);
}
