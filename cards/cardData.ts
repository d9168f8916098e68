import { z } from 'zod';
import { ITEM_STATUSES } from '../bot/migration/gateways/gatewayState';
import { id, projectOnly, text, wholeNumber } from './cardDataShapes';
import { HIGHLIGHT_SETTINGS_INPUTS } from './highlightSettingsCard';
import { ITEM_INPUTS } from './itemCard';
import { ROLES_INPUTS } from './rolesCard';
import { RISK_LIST_FILTERS } from './riskListCard';
import { ROLLOUT_CARD_DATA, ROLLOUT_FIELD_WORDS } from './rolloutCardData';
import { SIGN_OFF_INPUTS } from './signOffCard';
import { Verbs, type Verb } from './verbs';

/**
 * What each verb's card data must look like, in one place beside the verbs, and the one parser every card action
 * goes through (Action.Execute and its Action.Submit fallback alike, see `onCardAction`).
 *
 * Why: card data is the client's input. Anyone can send any JSON as `value`, and before this a tampered field was
 * read as "empty" (an item save with a numeric owner cleared the owner) or quietly ignored (a bogus status with a
 * valid note saved the note). Now a field that is present must have the type it is meant to have, or the whole
 * action is refused with a line naming it and nothing changes; a field that is absent means "not sent", never
 * "cleared". Values are checked for shape here; what they mean (a real date, an https link, a member of the team)
 * stays the domain's job.
 */

const stage = wholeNumber.pipe(z.number().int().min(1).max(6));
/** A choice input left unchosen arrives as "" (or not at all): both mean "not sent". */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());

const onGateway = z.object({ projectId: id, stage });
const onItem = z.object({ projectId: id, itemId: id, stage: stage.optional() });
const riskId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);
const onRisk = z.object({ projectId: id, riskId });

export const CARD_DATA = {
  [Verbs.help]: z.object({}),
  // "Did you mean …?": the suggested command, recognised again like typed text (commandSelector.ts), so it can do no more than typing it.
  [Verbs.command]: z.object({ command: z.string().max(200) }),

  // The set-up form's answers stay untyped here on purpose: the domain checks each one and shows every problem
  // under its field (a blank ODS code is a field error, not a tampered card).
  [Verbs.projectSetupSubmit]: z.object({}).catchall(z.union([z.string(), z.number()]).optional()),
  [Verbs.projectSetupConfirm]: z.object({}).catchall(z.union([z.string(), z.number()]).optional()),
  [Verbs.projectSetupCancel]: z.object({}),
  [Verbs.projectDetailsShow]: projectOnly,
  // Like set-up, the details form's answers are checked one by one by the domain; only the project and version are typed.
  [Verbs.projectDetailsSave]: projectOnly.extend({ expectedVersion: wholeNumber }).catchall(z.union([z.string(), z.number()]).optional()),

  [Verbs.checklistShow]: onGateway,
  [Verbs.checklistRefresh]: onGateway,

  [Verbs.itemDone]: z.object({ projectId: id, itemId: id, stage, expectedVersion: wholeNumber }),
  [Verbs.itemEdit]: onItem,
  [Verbs.itemHistory]: onItem,
  [Verbs.itemSave]: onItem.extend({
    expectedVersion: wholeNumber,
    [ITEM_INPUTS.status]: choice(ITEM_STATUSES),
    [ITEM_INPUTS.naReason]: text.optional(),
    [ITEM_INPUTS.owner]: text.optional(),
    [ITEM_INPUTS.due]: text.optional(),
    [ITEM_INPUTS.note]: text.optional(),
    [ITEM_INPUTS.evidenceUrl]: text.optional(),
  }),

  [Verbs.walkthroughStart]: onGateway,
  // The walkthrough card's inputs depend on the button; the dialog reads them as text (and its project from its own state).
  [Verbs.walkthroughAnswer]: z.object({ projectId: id.optional(), itemId: id, choice: id, stage: stage.optional(), expectedVersion: wholeNumber.optional() }).catchall(text.optional()),
  [Verbs.walkthroughStop]: z.object({ projectId: id.optional() }),

  [Verbs.statusShow]: projectOnly,
  [Verbs.myActionsShow]: projectOnly,

  [Verbs.signoffShow]: onGateway,
  [Verbs.gatewayDecide]: onGateway.extend({ [SIGN_OFF_INPUTS.outcome]: choice(['go', 'no-go'] as const), [SIGN_OFF_INPUTS.comment]: text.optional() }),
  [Verbs.gatewayReopen]: onGateway.extend({ [SIGN_OFF_INPUTS.reason]: text.optional() }),

  [Verbs.milestonesShow]: projectOnly,
  [Verbs.milestoneRecord]: projectOnly.extend({ kind: text.optional(), date: text.optional(), note: text.optional() }),

  [Verbs.rolesShow]: projectOnly,
  [Verbs.roleAssign]: projectOnly.extend({ [ROLES_INPUTS.person]: text.optional(), [ROLES_INPUTS.role]: text.optional() }),

  [Verbs.questionnaireProgress]: projectOnly,
  [Verbs.questionnaireSection]: projectOnly.extend({ sectionId: z.union([id, z.number().int()]).transform(String) }),
  // Answers are keyed by question id and checked question by question by the domain (each refusal under its field).
  [Verbs.questionnaireSave]: projectOnly.extend({ sectionId: z.union([id, z.number().int()]).transform(String), base: z.unknown() }).catchall(z.unknown()),
  [Verbs.questionnaireSubmit]: projectOnly,
  [Verbs.questionnaireExport]: projectOnly,

  [Verbs.risksShow]: projectOnly.extend({
    filter: z.enum(RISK_LIST_FILTERS).optional(),
    stage: z.preprocess((v) => (v === '' ? undefined : v), stage.optional()),
    gatewayChoice: z.preprocess((v) => (v === '' ? undefined : v), stage.optional()),
    after: z.string().max(200).optional(),
  }),
  [Verbs.riskNew]: projectOnly.extend({ type: z.enum(['risk', 'issue']).optional(), title: z.string().max(400).optional() }),
  [Verbs.riskEdit]: onRisk,
  // Like set-up, the risk form's answers are checked one by one by the domain (riskInput.ts), each refusal under its field.
  [Verbs.riskSave]: onRisk.extend({ riskId: z.union([z.literal(''), riskId]), expectedVersion: wholeNumber }).catchall(z.union([z.string(), z.number()]).optional()),
  [Verbs.riskDecide]: onRisk.extend({ expectedVersion: wholeNumber, decision: z.enum(['close', 'reopen', 'escalate', 'de-escalate']) }).catchall(z.union([z.string(), z.number()]).optional()),
  [Verbs.riskHistory]: onRisk.extend({ offset: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber.pipe(z.number().int().min(0).max(100_000)).optional()) }),

  // The day and time are checked field by field by the domain (highlightSchedule.ts), each refusal under its field.
  [Verbs.highlightSettingsSave]: projectOnly.extend({
    [HIGHLIGHT_SETTINGS_INPUTS.weekday]: z.union([z.string().max(20), z.number()]).optional(),
    [HIGHLIGHT_SETTINGS_INPUTS.time]: z.string().max(20).optional(),
    useDefault: z.literal('yes').optional(),
  }),

  [Verbs.askTeamSend]: z.object({ question: z.string().max(1000) }),
  [Verbs.askTeamAnswer]: projectOnly.extend({ questionId: riskId, answer: text.optional() }),
  ...ROLLOUT_CARD_DATA,
  [Verbs.staffImportRemoveMissing]: projectOnly.extend({ importId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) }),
  [Verbs.projectDelete]: projectOnly.extend({ odsCode: z.string().max(20) }),
} as const satisfies Record<Verb, z.ZodType<Record<string, unknown>>>;

export type CardData<V extends Verb> = z.output<(typeof CARD_DATA)[V]>;

export type CardDataResult<V extends Verb> = { readonly ok: true; readonly data: CardData<V> } | { readonly ok: false; readonly refusal: string };

/** What people read for a field that did not fit; anything unnamed is "part of the card". */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  projectId: 'the project',
  stage: 'the gateway',
  itemId: 'the checklist item',
  expectedVersion: 'the item version',
  [ITEM_INPUTS.status]: 'the status',
  [ITEM_INPUTS.naReason]: 'the reason it does not apply',
  [ITEM_INPUTS.owner]: 'the owner',
  [ITEM_INPUTS.due]: 'the due date',
  [ITEM_INPUTS.note]: 'the note',
  [ITEM_INPUTS.evidenceUrl]: 'the evidence link',
  [SIGN_OFF_INPUTS.outcome]: 'the decision',
  [SIGN_OFF_INPUTS.comment]: 'the comment',
  [SIGN_OFF_INPUTS.reason]: 'the reason',
  [ROLES_INPUTS.person]: 'the person',
  [ROLES_INPUTS.role]: 'the role',
  kind: 'what happened',
  date: 'the date',
  sectionId: 'the section',
  choice: 'the answer',
  riskId: 'the risk or issue',
  filter: 'the filter',
  gatewayChoice: 'the gateway',
  after: 'the page',
  offset: 'the page',
  decision: 'the decision',
  question: 'the question',
  questionId: 'the question',
  answer: 'the answer',
  [HIGHLIGHT_SETTINGS_INPUTS.weekday]: 'the day',
  [HIGHLIGHT_SETTINGS_INPUTS.time]: 'the time',
  useDefault: 'the choice',
};

/**
 * The roll-out cards' words over the rest, for the roll-out verbs only: some field names mean something else there
 * (`kind` is the kind of group, not what happened on the milestones card).
 */
const ROLLOUT_WORDS: Readonly<Record<string, string>> = { ...FIELD_WORDS, ...ROLLOUT_FIELD_WORDS };

/**
 * The card's data for `verb`, typed, or one line saying what did not fit. The line never quotes the values sent.
 */
export function parseCardData<V extends Verb>(verb: V, data: unknown): CardDataResult<V> {
  const schema: z.ZodType<CardData<V>, z.ZodTypeDef, unknown> = CARD_DATA[verb];
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  const words = Object.hasOwn(ROLLOUT_CARD_DATA, verb) ? ROLLOUT_WORDS : FIELD_WORDS;
  const fields = [...new Set(parsed.error.issues.map((issue) => words[String(issue.path[0] ?? '')] ?? 'part of the card'))];
  return { ok: false, refusal: `That button sent ${listOf(fields)} in a form we could not read, so nothing was changed. Please use a fresh copy of the card.` };
}

function listOf(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? 'part of the card';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A text input from card data, trimmed; anything that is not a string (missing, tampered) reads as empty. */
export function textInput(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** The item version a card was drawn at; anything but a whole number becomes -1, which the domain refuses kindly. */
export function versionInput(data: Record<string, unknown>): number {
  const value = Number(data.expectedVersion);
  return Number.isSafeInteger(value) ? value : -1;
}
