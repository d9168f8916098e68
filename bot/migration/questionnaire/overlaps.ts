import { DEFAULT_CATALOGUE_SETTINGS, type CatalogueSettings } from '../gateways/catalogueSettings';
import { isValidOdsCode, normaliseOdsCode } from '../gateways/odsCode';
import { MIGRATION_METHODS, PHASINGS, type MigrationMethod, type Phasing } from '../gateways/projectSetup';
import type { IsoDate } from '../shared/ukDates';
import { liveAnswer, type QuestionnaireRecord } from './answerRecord';
import { APPLICATION_PURPOSE_LABELS, type ApplicationEntry, type RegistrationMonth, type TypedAnswer } from './answerTypes';
import { formatWholeNumber } from './inputParsers';
import { findQuestion, questionFeeding } from './questionLookup';
import type { QuestionFeed, QuestionSet } from './questionTypes';

/**
 * What the rest of the product can take from the answers.
 *
 * Why by "feeds" and not by question id: the project set-up and the risks log
 * should keep working when an organisation edits the question set, so they
 * ask for "the number of new accounts", not for question `users-new-accounts`.
 * Values that do not fit (an ODS code of the wrong shape, a phasing choice an
 * edited set invented) are left out rather than guessed. The suggested notes
 * are only suggestions: people decide what goes in the risks log.
 */

export interface FlaggedApplication extends ApplicationEntry {
  /** A ready-worded checklist note or risk. */
  readonly note: string;
}

export interface SuggestedNote {
  readonly kind: 'risk' | 'checklist-note';
  /** The question the note comes from. */
  readonly questionId: string;
  readonly text: string;
}

export interface QuestionnaireOverlaps {
  readonly organisationName?: string;
  readonly odsCode?: string;
  readonly approximateUsers?: number;
  readonly newAccounts?: number;
  readonly migrationMethod?: MigrationMethod;
  readonly phasing?: Phasing;
  readonly cutover?: IsoDate;
  readonly registrationsPerMonth?: readonly RegistrationMonth[];
  readonly flaggedApplications: readonly FlaggedApplication[];
  readonly notes: readonly SuggestedNote[];
}

/** The question and choice that reveal unsupported Office versions in the default set. */
const OUTLOOK_VERSIONS_QUESTION = 'clients-outlook-versions';
const UNSUPPORTED_OUTLOOK_CHOICE = '2007-or-earlier';

type ApprovalSettings = Pick<CatalogueSettings, 'newAccountApprovalThreshold' | 'extraApprovalDays'>;

export function deriveOverlaps(set: QuestionSet, record: QuestionnaireRecord, settings: ApprovalSettings = DEFAULT_CATALOGUE_SETTINGS): QuestionnaireOverlaps {
  const fed = (feed: QuestionFeed): TypedAnswer | undefined => {
    const question = questionFeeding(set, feed);
    return question ? liveAnswer(record, question)?.value : undefined;
  };
  const text = (feed: QuestionFeed): string | undefined => {
    const a = fed(feed);
    return a?.type === 'text' ? a.value : undefined;
  };
  const number = (feed: QuestionFeed): number | undefined => {
    const a = fed(feed);
    return a?.type === 'number' ? a.value : undefined;
  };
  const choice = <T extends string>(feed: QuestionFeed, allowed: readonly T[]): T | undefined => {
    const a = fed(feed);
    return a?.type === 'choice' ? allowed.find((c) => c === a.value) : undefined;
  };

  const organisationName = text('organisationName');
  const odsRaw = text('odsCode');
  const odsCode = odsRaw === undefined ? undefined : normaliseOdsCode(odsRaw);
  const approximateUsers = number('approximateUsers');
  const newAccounts = number('newAccounts');
  const migrationMethod = choice('migrationMethod', MIGRATION_METHODS);
  const phasing = choice('phasing', PHASINGS);
  const cutoverAnswer = fed('cutover');
  const cutover = cutoverAnswer?.type === 'date' ? cutoverAnswer.value : undefined;
  const plan = fed('registrationsPerMonth');
  const registrationsPerMonth = plan?.type === 'monthly-registrations' ? plan.value : undefined;
  const apps = fed('applications');
  const applications = apps?.type === 'application-list' ? apps.value : [];
  const applicationsQuestion = questionFeeding(set, 'applications')?.id ?? '';

  const flaggedApplications = applications.filter((a) => a.flagged).map((a) => ({ ...a, note: applicationNote(a) }));
  const notes: SuggestedNote[] = flaggedApplications.map((a) => ({ kind: 'risk', questionId: applicationsQuestion, text: a.note }));

  if (newAccounts !== undefined && newAccounts > settings.newAccountApprovalThreshold) {
    notes.push({
      kind: 'checklist-note',
      questionId: questionFeeding(set, 'newAccounts')?.id ?? '',
      text: `You need ${formatWholeNumber(newAccounts)} new accounts, more than ${formatWholeNumber(settings.newAccountApprovalThreshold)}: allow an extra ${settings.extraApprovalDays} days for NHS Digital to approve them, which they only do after a successful pilot.`,
    });
  }
  if (newAccounts !== undefined && registrationsPerMonth !== undefined) {
    const planned = registrationsPerMonth.reduce((sum, m) => sum + m.planned, 0);
    if (planned !== newAccounts) {
      notes.push({
        kind: 'checklist-note',
        questionId: questionFeeding(set, 'registrationsPerMonth')?.id ?? '',
        text: `Your monthly registrations add up to ${formatWholeNumber(planned)}, but you said you need ${formatWholeNumber(newAccounts)} new accounts. Check which is right before sending them to the pipeline team.`,
      });
    }
  }
  const outlookQuestion = findQuestion(set, OUTLOOK_VERSIONS_QUESTION);
  const outlook = outlookQuestion ? liveAnswer(record, outlookQuestion)?.value : undefined;
  if (outlook?.type === 'multi-choice' && outlook.value.includes(UNSUPPORTED_OUTLOOK_CHOICE)) {
    notes.push({
      kind: 'risk',
      questionId: OUTLOOK_VERSIONS_QUESTION,
      text: 'Some staff use Office 2007 or earlier, which NHSmail does not support: upgrade them to Office 2010 or later before they migrate.',
    });
  }

  return {
    ...(organisationName !== undefined ? { organisationName } : {}),
    ...(odsCode !== undefined && isValidOdsCode(odsCode) ? { odsCode } : {}),
    ...(approximateUsers !== undefined ? { approximateUsers } : {}),
    ...(newAccounts !== undefined ? { newAccounts } : {}),
    ...(migrationMethod ? { migrationMethod } : {}),
    ...(phasing ? { phasing } : {}),
    ...(cutover ? { cutover } : {}),
    ...(registrationsPerMonth ? { registrationsPerMonth } : {}),
    flaggedApplications,
    notes,
  };
}

function applicationNote(app: ApplicationEntry): string {
  const what = app.purpose === 'other' ? app.name : `${app.name} (${APPLICATION_PURPOSE_LABELS[app.purpose]})`;
  const who = app.contact ? ` Contact: ${app.contact}.` : '';
  switch (app.sendsMailVia) {
    case 'smtp-relay':
      return `Re-integrate ${what} with NHSmail: it sends mail over SMTP, which NHS Digital's Applications Guide covers (application accounts and the relay service).${who}`;
    case 'exchange':
      return `Re-integrate ${what} with NHSmail: it sends mail through your Exchange server, so check how it will send through NHSmail and test it before the pilot.${who}`;
    case 'other':
      return `Re-integrate ${what} with NHSmail: check how it will send mail through NHSmail and test it before the pilot.${who}`;
    case 'unknown':
      return `Re-integrate ${what} with NHSmail: find out how it sends mail, and test it before the pilot.${who}`;
  }
}
