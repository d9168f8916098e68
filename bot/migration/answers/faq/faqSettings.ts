import { DEFAULT_CATALOGUE_SETTINGS, type CatalogueSettings } from '../../gateways/catalogueSettings';
import { ValidationFailed, type FieldError } from '../../shared/errors';

/**
 * The facts the frequent answers quote that may have changed since the guide (November 2017), as settings with
 * documented defaults. The mailbox quota, attachment limit, co-existence period and supplier address are the gateway
 * catalogue's own settings, so the checklist and the answers can never disagree; the rest are the answers' own.
 *
 * Defaults and their sources (check them against the NHSmail support site before go-live):
 * - `blockedFileTypes`: `.exe` and `.docm` are named as blocked in NHSmail guidance; the full list is on the NHSmail
 *   support site, not public, so the answer says the list given is not complete.
 * - `oldestSupportedOutlook`: the guide, 4.2: "only versions of Microsoft Office 2010 and newer are supported".
 * - `webmailAddress`: the guide, 4.2: Outlook Web App via www.nhs.net.
 * - `legacyAutoForward`: the guide, 5.2.3, recommends forwarding legacy mail during co-existence; a later Portal FAQ
 *   says automatic forwarding from NHS.uk accounts to NHSmail is not permitted. Set it to false where that applies.
 * - `forwardingOutOfNhsmailAllowed`: false: NHSmail's acceptable use policy does not allow automatic forwarding to
 *   personal (non-secure) addresses.
 * - `largeFileService`: the guide, 3: the Secure Electronic File Transfer service for files over the limit.
 */
export interface FaqSettings extends Pick<CatalogueSettings, 'mailboxQuotaGb' | 'attachmentLimitMb' | 'coexistenceWeeks' | 'supplierContactEmail'> {
  readonly blockedFileTypes: readonly string[];
  readonly oldestSupportedOutlook: string;
  readonly webmailAddress: string;
  readonly legacyAutoForward: boolean;
  readonly forwardingOutOfNhsmailAllowed: boolean;
  readonly largeFileService: string;
}

export const DEFAULT_FAQ_SETTINGS: FaqSettings = Object.freeze({
  mailboxQuotaGb: DEFAULT_CATALOGUE_SETTINGS.mailboxQuotaGb,
  attachmentLimitMb: DEFAULT_CATALOGUE_SETTINGS.attachmentLimitMb,
  coexistenceWeeks: DEFAULT_CATALOGUE_SETTINGS.coexistenceWeeks,
  supplierContactEmail: DEFAULT_CATALOGUE_SETTINGS.supplierContactEmail,
  blockedFileTypes: Object.freeze(['.exe', '.docm']),
  oldestSupportedOutlook: 'Outlook 2010',
  webmailAddress: 'www.nhs.net',
  legacyAutoForward: true,
  forwardingOutOfNhsmailAllowed: false,
  largeFileService: 'the Secure Electronic File Transfer service',
});

const FILE_TYPE = /^\.[a-z0-9]{1,10}$/;

/** Fills in defaults and checks the result, naming every bad setting at once. */
export function resolveFaqSettings(overrides: Partial<FaqSettings> = {}): FaqSettings {
  const merged: FaqSettings = { ...DEFAULT_FAQ_SETTINGS, ...overrides };
  const errors: FieldError[] = [];
  for (const field of ['mailboxQuotaGb', 'attachmentLimitMb'] as const) {
    if (!Number.isInteger(merged[field]) || merged[field] < 1) errors.push({ field, message: `${field} must be a whole number of at least 1.` });
  }
  if (!Number.isInteger(merged.coexistenceWeeks) || merged.coexistenceWeeks < 0) errors.push({ field: 'coexistenceWeeks', message: 'coexistenceWeeks must be a whole number of at least 0.' });
  if (merged.blockedFileTypes.some((t) => !FILE_TYPE.test(t))) errors.push({ field: 'blockedFileTypes', message: 'blockedFileTypes must be extensions such as .exe, in lower case.' });
  for (const field of ['oldestSupportedOutlook', 'webmailAddress', 'largeFileService', 'supplierContactEmail'] as const) {
    if (merged[field].trim() === '') errors.push({ field, message: `${field} must not be empty.` });
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  return Object.freeze({ ...merged, blockedFileTypes: Object.freeze([...merged.blockedFileTypes]) });
}
