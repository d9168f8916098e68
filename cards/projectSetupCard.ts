import {
  MIGRATION_METHODS,
  ORGANISATION_NAME_MAX_LENGTH,
  PHASINGS,
  type ProjectSetupField,
  type ProjectSetupInput,
  type SetupHint,
} from '../bot/migration/gateways/projectSetup';
import type { FieldError } from '../bot/migration/shared/errors';
import type { CardChoice } from './cardChoice';
import { METHOD_NAMES, PHASING_NAMES, plural } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/projectSetup.json';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/**
 * The form's input ids, which are the domain's own field names: the dialog can hand the submitted value straight to
 * `validateProjectSetup`, and each field error lands under the input it is about. A test holds the template to this.
 */
export const PROJECT_SETUP_FIELDS = [
  'organisationName',
  'odsCode',
  'migrationMethod',
  'approximateUsers',
  'newAccounts',
  'phasing',
  'plannedStart',
  'cutover',
] as const satisfies readonly ProjectSetupField[];

type FieldTexts = Readonly<Record<ProjectSetupField, string>>;

export interface ProjectSetupCardData {
  /** What the person typed last time, redisplayed after an error; as submitted, so anything goes. */
  readonly values?: ProjectSetupInput;
  /** From a failed validation: each shows in red under its field. */
  readonly errors?: readonly FieldError[];
  /** From a passed validation: shown in a "Please check" box, and the button becomes "Create the project". */
  readonly hints?: readonly SetupHint[];
  /** The channel the reports will go to, when known, so the note can name it. */
  readonly channelName?: string;
  /** Set up from a personal or group chat: the reports go to this chat, not a channel. */
  readonly inChat?: boolean;
  /** The same form for changing an existing project's details: filled in, its ODS code shown but fixed, one Save. */
  readonly editing?: { readonly projectId: string; readonly detailsVersion: number; readonly odsCode: string };
  /** Shown at the top, e.g. what was saved, or that someone else changed the details first. */
  readonly message?: string;
}

/** What `templates/projectSetup.json` binds. */
interface ProjectSetupTemplateData {
  readonly verbs: typeof Verbs;
  readonly values: FieldTexts;
  readonly errors: FieldTexts;
  readonly errorSummary: string;
  readonly hints: readonly { readonly message: string }[];
  readonly methodChoices: readonly CardChoice[];
  readonly phasingChoices: readonly CardChoice[];
  readonly organisationNameMaxLength: number;
  readonly reportsNote: string;
  readonly submitTitle: string;
  readonly submitVerb: string;
  readonly message: string;
  readonly heading: string;
  readonly intro: string;
  readonly editing: boolean;
  readonly odsCodeLine: string;
  readonly projectId: string;
  readonly detailsVersion: number;
}

const projectSetupTemplate = defineTemplate<ProjectSetupTemplateData>('projectSetup', template);

/**
 * The set-up form, driven by a dialog (so its buttons are `Action.Submit`). Shown three ways: empty; again with
 * every problem under its field and the answers kept; or, when valid but worth a second look, with a "Please check"
 * box and a "Create the project" button that confirms.
 */
export function projectSetupCard(data: ProjectSetupCardData = {}): AdaptiveCardJson {
  const errors = data.errors ?? [];
  const hints = data.hints ?? [];
  const confirming = errors.length === 0 && hints.length > 0;
  const { editing } = data;
  return renderCardJson(projectSetupTemplate, {
    message: data.message ?? '',
    heading: editing ? 'Project details' : 'Set up your NHSmail migration project',
    intro: editing
      ? 'Change what has moved on since set-up. The status and the days to cutover follow the new dates, and every change is kept in the project’s history.'
      : 'A few details about your organisation and its move to NHSmail. I use them to set up the six gateways and to tell people what is due.',
    editing: editing !== undefined,
    odsCodeLine: editing ? `ODS code: ${editing.odsCode} (it names your organisation to NHS Digital, so it stays as set up)` : '',
    projectId: editing?.projectId ?? '',
    detailsVersion: editing?.detailsVersion ?? 0,
    verbs: Verbs,
    values: fieldTexts((field) => asText(data.values?.[field])),
    errors: fieldTexts((field) => errors.filter((e) => e.field === field).map((e) => e.message).join(' ')),
    errorSummary: errorSummary(errors),
    hints: hints.map((h) => ({ message: h.message })),
    methodChoices: MIGRATION_METHODS.map((m) => ({ title: METHOD_NAMES[m], value: m })),
    phasingChoices: PHASINGS.map((p) => ({ title: PHASING_NAMES[p], value: p })),
    organisationNameMaxLength: ORGANISATION_NAME_MAX_LENGTH,
    reportsNote: editing ? '' : `Progress reports and reminders for this project will be posted in ${data.inChat === true ? 'this chat' : data.channelName ? `the ${data.channelName} channel` : 'this channel'}.`,
    submitTitle: confirming ? 'Create the project' : 'Check and continue',
    submitVerb: confirming ? Verbs.projectSetupConfirm : Verbs.projectSetupSubmit,
  });
}

/** Every field gets a string, even an empty one: an absent value would leave `${…}` in the card. */
function fieldTexts(text: (field: ProjectSetupField) => string): FieldTexts {
  return {
    organisationName: text('organisationName'),
    odsCode: text('odsCode'),
    migrationMethod: text('migrationMethod'),
    approximateUsers: text('approximateUsers'),
    newAccounts: text('newAccounts'),
    phasing: text('phasing'),
    plannedStart: text('plannedStart'),
    cutover: text('cutover'),
  };
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/**
 * "Please check 2 answers below." An error about a field the form does not show (there should be none) is spelled
 * out here, so it is never silently lost.
 */
function errorSummary(errors: readonly FieldError[]): string {
  if (errors.length === 0) return '';
  const known: readonly string[] = PROJECT_SETUP_FIELDS;
  const elsewhere = errors.filter((e) => !known.includes(e.field)).map((e) => e.message);
  const fields = new Set(errors.filter((e) => known.includes(e.field)).map((e) => e.field)).size;
  return [...(fields > 0 ? [`Please check ${plural(fields, 'answer', 'answers')} below.`] : []), ...elsewhere].join(' ');
}
