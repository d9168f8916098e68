import type { PersonRef } from '../../../bot/migration/gateways/gatewayState';
import { emptyQuestionnaire, type QuestionnaireRecord, type StoredAnswer } from '../../../bot/migration/questionnaire/answerRecord';
import { applyAnswers, editBaseFor } from '../../../bot/migration/questionnaire/answers';
import { DEFAULT_QUESTION_SET } from '../../../bot/migration/questionnaire/questionSet';
import { validateSection } from '../../../bot/migration/questionnaire/validateSection';

/**
 * A fixture project, Ysbyty Gwynedd – Bangor, answered the way people would:
 * section by section, by two people, through the same validation as a card.
 * It holds an answer of every type, values that are hard to export (commas,
 * quotes, line breaks, a leading "=", "-", "+" or "@", non-ASCII), optional
 * questions left open, and answers retired by a change of question set.
 */

export const set = DEFAULT_QUESTION_SET;

export const priya: PersonRef = { id: 'aad-priya', name: 'Priya Shah' };
export const tom: PersonRef = { id: 'aad-tom', name: "Tom O'Neill" };
/** 14:05 in London (GMT). */
export const WINTER = '2026-11-25T14:05:00.000Z';
/** 09:30 in London (BST). */
export const SUMMER = '2026-06-10T08:30:00.000Z';

/** Answers given under question set version 0, before this set existed. */
export const oldAnswers: Record<string, StoredAnswer> = {
  'org-kind': {
    questionId: 'org-kind',
    questionText: 'What kind of organisation are you?',
    value: { type: 'choice', value: 'health-board' },
    answeredBy: tom,
    answeredAt: '2026-05-01T10:00:00.000Z',
    questionSetVersion: 0,
  },
  'mobile-users': {
    questionId: 'mobile-users',
    questionText: 'Roughly how many mobile users do you have?',
    value: { type: 'text', value: 'about three hundred, maybe more' },
    answeredBy: tom,
    answeredAt: '2026-05-01T10:01:00.000Z',
    questionSetVersion: 0,
  },
};

export const sectionInputs: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'organisation-and-contacts': {
    'org-name': '  Ysbyty Gwynedd – Bangor ',
    'org-ods-code': '7a1',
    'org-project-manager-name': 'Siân Hughes, "PM"',
    'org-project-manager-email': ' Sian.Hughes@NHS.net ',
    'org-technical-lead-name': '=HYPERLINK("http://evil.example","click")',
    'org-technical-lead-email': '',
    'org-senior-approval': 'Yes',
    'org-business-case': 'false',
  },
  'users-and-accounts': {
    'users-existing': '1,200',
    'users-new-accounts': '650',
    'users-existing-nhsmail': 40,
    'users-current-service': 'exchange-local',
    'users-provisioning': 'CSV upload (push connector)',
  },
  'shared-resources': {
    'shared-mailboxes': '35',
    'shared-calendars': '12',
    'shared-distribution-lists': '0',
    'shared-public-folders': 'yes',
    'shared-public-folders-detail': '-Finance archive\r\nRotas, about 2 GB',
    'shared-mail-rules': 'no',
  },
  'mailbox-sizes': {
    'mailbox-over-quota': '18',
    'mailbox-largest-gb': '52',
  },
  applications: {
    'apps-any': 'true',
    'apps-list': [
      { name: 'Mitel phones', purpose: 'voip', sendsMailVia: 'smtp-relay', contact: 'ICT service desk', flagged: true },
      { name: 'Ricoh scanners', purpose: 'Scan to email', sendsMailVia: 'exchange' },
      { name: '@Alert, "critical"', purpose: 'alerts', sendsMailVia: '', flagged: 'yes' },
      { name: '', purpose: '', sendsMailVia: '', contact: '' },
    ],
  },
  'mobile-devices': {
    'mobile-users': '300',
    'mobile-platforms': 'android,ios',
  },
  'clients-and-browsers': {
    'clients-access': 'outlook-desktop,outlook-web',
    'clients-outlook-versions': ['2016', '2007-or-earlier'],
    'clients-browsers': 'edge,chrome',
  },
  'legacy-data': {
    'legacy-move': 'yes',
    'legacy-method': 'pst-files',
    'legacy-detail': '+ keep 7 years; <b>not</b> *all* mail & calendars',
  },
  'migration-method-and-phasing': {
    'method-approach': 'self-migration',
    'method-phasing': 'Phased',
    'method-groups': '1. Bangor (Ysbyty Gwynedd)\n# Wrexham – Maelor\n| Glan Clwyd |',
    'method-pilot-start': '2/3/2027',
    'method-cutover': '2027-06-28',
    'method-coexistence-weeks': '12',
  },
  registrations: {
    'registrations-plan': '2027-05: 300\n2027-03: 50\n04/2027 = 300',
  },
};

/** Who answered each section, and when. */
const answeredBy: Readonly<Record<string, [PersonRef, string]>> = {
  'organisation-and-contacts': [priya, WINTER],
  'users-and-accounts': [priya, WINTER],
  'shared-resources': [tom, SUMMER],
  'mailbox-sizes': [tom, SUMMER],
  applications: [tom, SUMMER],
  'mobile-devices': [tom, SUMMER],
  'clients-and-browsers': [tom, SUMMER],
  'legacy-data': [priya, WINTER],
  'migration-method-and-phasing': [priya, WINTER],
  registrations: [priya, WINTER],
};

/** The record after every section has been saved from `sectionInputs`, starting from the version 0 answers. */
export function fixtureRecord(): QuestionnaireRecord {
  let record: QuestionnaireRecord = { ...emptyQuestionnaire(), answers: { ...oldAnswers } };
  for (const [sectionId, inputs] of Object.entries(sectionInputs)) {
    const validation = validateSection(set, sectionId, inputs);
    if (validation.errors.length > 0) throw new Error(`Fixture section ${sectionId} is invalid: ${JSON.stringify(validation.errors)}`);
    const [by, at] = answeredBy[sectionId] ?? [priya, WINTER];
    record = applyAnswers(set, record, validation, by, at, editBaseFor(set, record, sectionId)).record;
  }
  return record;
}

/** A record with just the given answers, saved by Priya, for small tests. */
export function recordWith(inputs: Readonly<Record<string, Readonly<Record<string, unknown>>>>, by: PersonRef = priya, at: string = WINTER): QuestionnaireRecord {
  let record = emptyQuestionnaire();
  for (const [sectionId, raw] of Object.entries(inputs)) {
    const validation = validateSection(set, sectionId, raw);
    if (validation.errors.length > 0) throw new Error(`Invalid test input for ${sectionId}: ${JSON.stringify(validation.errors)}`);
    record = applyAnswers(set, record, validation, by, at, editBaseFor(set, record, sectionId)).record;
  }
  return record;
}
