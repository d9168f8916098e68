import { resolveCatalogueSettings, type CatalogueSettings } from '../gateways/catalogueSettings';
import { assertValidQuestionSet } from './questionSetRules';
import type { QuestionSet } from './questionTypes';
import { applicationsSection } from './sections/applications';
import { clientsAndBrowsersSection } from './sections/clientsAndBrowsers';
import { legacyDataSection } from './sections/legacyData';
import { mailboxSizesSection } from './sections/mailboxSizes';
import { migrationMethodAndPhasingSection } from './sections/migrationMethodAndPhasing';
import { mobileDevicesSection } from './sections/mobileDevices';
import { organisationAndContactsSection } from './sections/organisationAndContacts';
import { registrationsSection } from './sections/registrations';
import { sharedResourcesSection } from './sections/sharedResources';
import { usersAndAccountsSection } from './sections/usersAndAccounts';

/**
 * The discovery question set.
 *
 * Why derived and editable: NHS Digital's discovery questionnaire has no
 * public copy, so these questions are built from what the self-migration
 * guide (v5, November 2017) says the pipeline team needs to know, mostly in
 * its sections 2 to 4. The product must say so, and an organisation must be
 * able to replace the set with its own (see `assertValidQuestionSet`).
 * Limits in the wording (quota, attachment size, approval threshold) come
 * from the same settings as the gateway checklist.
 */

/** Raise whenever a question is added, removed or changes type. */
export const QUESTION_SET_VERSION = 1;

export const QUESTION_SET_NOTICE =
  "NHS Digital's discovery questionnaire is not published, so these questions are derived from NHS Digital's NHSmail organisation self-migration guide (version 5, November 2017). Your project team can edit them to match the questionnaire the pipeline team sends you.";

export function buildQuestionSet(overrides: Partial<CatalogueSettings> = {}): QuestionSet {
  const settings = resolveCatalogueSettings(overrides);
  const set: QuestionSet = {
    version: QUESTION_SET_VERSION,
    notice: QUESTION_SET_NOTICE,
    sections: [
      organisationAndContactsSection(),
      usersAndAccountsSection(settings),
      sharedResourcesSection(),
      mailboxSizesSection(settings),
      applicationsSection(),
      mobileDevicesSection(),
      clientsAndBrowsersSection(),
      legacyDataSection(),
      migrationMethodAndPhasingSection(settings),
      registrationsSection(settings),
    ],
  };
  assertValidQuestionSet(set);
  return deepFreeze(set);
}

/** The question set with the guide's own values. */
export const DEFAULT_QUESTION_SET: QuestionSet = buildQuestionSet();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
