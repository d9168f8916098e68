import type { StageNumber } from '../migration/gateways/catalogueTypes';
import type { IntentEntities, IntentName, QuestionnaireCommand, Recognition, RecognitionOf, RisksFilterWord, StagedIntent } from './intents';
import { normaliseText, typedText } from './normaliseText';

/**
 * The commands, as one table of the phrasings each accepts (matched against `normaliseText`'s output, whole message
 * only). Exact, so a command always means the same thing; typos are the near-miss recogniser's job, and questions in
 * free words a later one's. The first pattern that matches wins.
 */
const NUMBER = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten)`;
const GATEWAY = String.raw`(?:(?:the )?(?:gateway|stage) )?`;
const QUESTIONNAIRE = String.raw`(?:(?:the|our) )?(?:discovery )?questionnaire`;
const RISK_LOG = String.raw`(?:risks?(?: and issues?)?(?: log| register)?|issues?(?: log)?)`;
const RISKS_FILTER = String.raw`(mine|red|due|due for review|closed|${GATEWAY}${NUMBER})`;

type Build = (match: RegExpExecArray) => Recognition;

/** An exact match: confidence 1. The generic ties the entities to the intent at every call. */
function exact<I extends IntentName>(intent: I, entities: IntentEntities[I]): Recognition {
  return { intent, entities, confidence: 1 } as RecognitionOf<I>;
}
const questionnaire = (command: QuestionnaireCommand): Recognition => exact('questionnaire', command);

const TABLE: readonly (readonly [RegExp, Build])[] = [
  [/^(?:help|what can you do|what can i (?:say|type|ask)|commands)$/, () => exact('help', {})],
  [/^(?:stop|cancel|finish|end|quit)(?: (?:the )?walk ?through)?$/, () => exact('stop', {})],
  [/^(?:set ?up|start|new|create)(?: a| the| our)?(?: new)?(?: migration)? project$|^set ?up$/, () => exact('set-up', {})],
  [/^(?:status|progress|dashboard|how are we doing|how are we getting on|where are we(?: up to)?)$/, () => exact('status', {})],
  [/^(?:my actions|my tasks|my items|what do i need to do|what have i got to do)$/, () => exact('my-actions', {})],
  [new RegExp(`^(?:walk ?through|walk me through|walk me thru|take me through|go through)(?: ${GATEWAY}${NUMBER})?$`), (m) => staged('walkthrough', m[1])],
  [new RegExp(`^sign ?-?off(?: ${GATEWAY}${NUMBER})?$`), (m) => staged('sign-off', m[1])],
  [new RegExp(`^(?:gateway|stage|checklist)(?: ${NUMBER})?$|^(?:the )?checklist (?:for|of) ${GATEWAY}${NUMBER}$|^(?:gateway|stage) ${NUMBER} checklist$`), (m) => staged('gateway', m[1] ?? m[2] ?? m[3])],
  [/^(?:(?:the |our )?(?:weekly )?(?:highlight|report)(?: report)? (?:settings|schedule|day|time|day and time)|(?:change|set|move) (?:the |our )?(?:weekly )?(?:highlight|report)(?: report)?(?: settings| day| time| day and time)?|when is (?:the |our )?(?:weekly )?(?:highlight|report)(?: report)? posted)$/, () => exact('highlight-settings', {})],
  [/^(?:(?:the |this week's |our )?highlight(?: report)?|(?:weekly )?highlight report|weekly report|weekly highlight)$/, () => exact('highlight', {})],
  [/^(?:last week's |previous )highlight(?: report)?$|^highlight(?: report)? (?:for )?last week$/, () => exact('highlight-last-week', {})],
  [/^(?:post|send|share) (?:the |this week's )?highlight(?: report)?(?: now)?$/, () => exact('post-highlight', {})],
  [/^(?:(?:post |send )?(?:the )?(?:weekly )?reports? (?:here|to this channel|in this channel))$/, () => exact('reports-here', {})],
  [/^(?:roles|team|members|who is who|who's who)$/, () => exact('roles', {})],
  [/^(?:milestones?|record (?:a )?milestone)$/, () => exact('milestones', {})],
  [/^(?:(?:edit|change|update) (?:the |our )?project(?: details)?|project details)$/, () => exact('project-details', {})],
  [new RegExp(`^(?:export|download) ${QUESTIONNAIRE}(?: as (?:markdown|html|csv|a document))?$|^${QUESTIONNAIRE} export$`), () => questionnaire({ kind: 'export' })],
  [new RegExp(`^(?:submit|send) ${QUESTIONNAIRE}(?: to the pipeline team)?$|^${QUESTIONNAIRE} submit$`), () => questionnaire({ kind: 'submit' })],
  [new RegExp(`^${QUESTIONNAIRE}(?: progress| status| overview)?$`), () => questionnaire({ kind: 'progress' })],
  [new RegExp(`^${QUESTIONNAIRE} (?:section |part )?(.+)$`), (m) => questionnaire({ kind: 'section', section: (m[1] ?? '').trim() })],
  [new RegExp(`^(?:export|download) (?:the |our )?${RISK_LOG}(?: as (?:csv|a spreadsheet))?$`), () => exact('risks', { kind: 'export' })],
  [/^(?:add|new|raise|log) (?:an? )?(risk|issue)$/, (m) => exact(m[1] === 'issue' ? 'issue' : 'risk', { title: '' })],
  [new RegExp(`^(?:risks|issues|risks and issues|risk log|risk register|issue log|risks log)(?: ${RISKS_FILTER})?$`), (m) => risksList(m[1], m[2])],
  [/^(my|red|closed) (?:risks|issues)$/, (m) => risksList(m[1], undefined)],
  // Until the offline NLU understands staff questions in their own words, the plain phrasings reach the answer.
  [/^(?:when (?:do|will|shall) i (?:migrate|move)|when am i (?:migrating|moving)|(?:what is |what's )?my (?:migration|cutover|move) date)(?: to nhs ?mail)?$/, () => exact('when-do-i-migrate', { focus: 'date' })],
  [/^(?:(?:the |our )?roll ?-?out(?: groups?| plan| phases)?|(?:the |our )?groups|phases|roll ?-?out groups?)$/, () => exact('groups', {})],
  [/^(?:co ?-?existence|coexistence(?: check)?|co-existence check|(?:check )?shared mailboxes(?: check)?)$/, () => exact('coexistence', {})],
  [/^(?:registrations?(?: against plan| per month| plan)?|monthly registrations)$/, () => exact('registrations', {})],
  [/^(?:export|download) (?:the |new )?(?:nhsmail |portal )?accounts?(?: files?| csv)?(?: (?:for|of) (?:the )?(.+))?$|^portal files?$/, (m) => exact('export-accounts', m[1] === undefined ? {} : { group: m[1] })],
  [/^(?:import|upload|send) (?:the |a |our )?(?:staff|staff list|staff file|staff csv)(?: list| file| csv)?$/, () => exact('import-staff', {})],
  [/^(?:delete|remove|erase) (?:the |this |our )?(?:migration )?project$/, () => exact('delete-project', {})],
  [/^(?:(?:roll ?-?out )?group) (.+?) checklist$|^checklist (?:for|of) (?:the )?(?:group )?(pilot|phase \d+)$/, (m) => exact('group', { name: m[1] ?? m[2] ?? '', view: 'checklist' })],
  [/^(?:(?:roll ?-?out )?group) (.+)$|^(pilot|phase \d+)$/, (m) => exact('group', { name: m[1] ?? m[2] ?? '', view: 'people' })],
];

/**
 * `when does <name or email> migrate`, read from the message as typed (normalising would split "jo.bloggs2@…" at the
 * digit). "I", "we" and "you" are the asker's own question, not a colleague's.
 */
const COLLEAGUE = /^when (?:does|will|is) (.+?) (?:migrate|move|migrating|moving)(?: to nhs ?mail)?\s*\??$/i;

function colleagueQuestion(text: string | undefined): Recognition | undefined {
  const match = COLLEAGUE.exec(typedText(text));
  const who = (match?.[1] ?? '').trim();
  if (who === '' || /^(?:i|we|you|it|the project|our project)$/i.test(who)) return undefined;
  return exact('colleague-migration', { who });
}

/** `remove staff <local ID>`, read as typed: a local ID keeps its capitals and punctuation. */
const REMOVE_STAFF = /^(?:remove|delete|erase) (?:staff|staff member|person|from (?:the )?staff list)\s+(\S.{0,99})$/i;

function removeStaff(text: string | undefined): Recognition | undefined {
  const match = REMOVE_STAFF.exec(typedText(text));
  const localId = (match?.[1] ?? '').trim();
  return localId === '' ? undefined : exact('remove-staff', { localId });
}

/** `risk: …` or `issue: …`, read from the message as typed so the title keeps its capitals and punctuation. */
const RISK_TITLE = /^(?:(?:add|new|raise|log) (?:an? )?)?(risk|issue)\s*[:\u2013\u2014-]\s*([\s\S]*)$/i;

function riskWithTitle(text: string | undefined): Recognition | undefined {
  const match = RISK_TITLE.exec((text ?? '').replace(/<at>[^<]*<\/at>/gi, ' ').trim());
  if (!match) return undefined;
  const title = (match[2] ?? '').replace(/\s+/g, ' ').trim();
  return exact((match[1] ?? '').toLowerCase() === 'issue' ? 'issue' : 'risk', { title });
}

/** The log listed with one filter word or a gateway; a number that is not a gateway is answered as out of range. */
function risksList(word: string | undefined, number: string | undefined): Recognition {
  if (number !== undefined) {
    const asked = NUMBER_WORDS[number] ?? Number(number);
    if (Number.isInteger(asked) && asked >= 1 && asked <= 6) return exact('risks', { kind: 'list', filter: undefined, stage: asked as StageNumber });
    return exact('out-of-range', { command: 'gateway', asked });
  }
  const filter: RisksFilterWord | undefined =
    word === 'mine' || word === 'my' ? 'mine' : word === 'red' ? 'red' : word === 'closed' ? 'closed' : word?.startsWith('due') === true ? 'due' : undefined;
  return exact('risks', { kind: 'list', filter, stage: undefined });
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** A stage-numbered command, or "out of range" when the number is not one of the six gateways. */
function staged(intent: StagedIntent, number: string | undefined): Recognition {
  if (number === undefined) return exact(intent, { stage: undefined });
  const asked = NUMBER_WORDS[number] ?? Number(number);
  if (Number.isInteger(asked) && asked >= 1 && asked <= 6) return exact(intent, { stage: asked as StageNumber });
  return exact('out-of-range', { command: intent, asked });
}

/** The exact commands. Undefined when the message is not one of them. */
export function recogniseCommand(text: string | undefined): Recognition | undefined {
  const normalised = normaliseText(text);
  if (normalised === '' && (text ?? '').trim() === '?') return exact('help', {});
  const risk = riskWithTitle(text);
  if (risk !== undefined) return risk;
  const colleague = colleagueQuestion(text);
  if (colleague !== undefined) return colleague;
  const removal = removeStaff(text);
  if (removal !== undefined) return removal;
  for (const [pattern, build] of TABLE) {
    const match = pattern.exec(normalised);
    if (match) return build(match);
  }
  return undefined;
}
