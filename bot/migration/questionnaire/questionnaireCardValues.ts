import { APPLICATION_PURPOSE_LABELS, MAIL_ROUTE_LABELS, type ApplicationEntry, type TypedAnswer } from './answerTypes';
import { getSection } from './questionLookup';
import type { QuestionSet } from './questionTypes';

/**
 * Answers as the text a card's inputs show and send back.
 *
 * Why here and not in the card: a stored answer shown on a card comes back
 * when the person presses Save, and it must read back as exactly the same
 * answer, or an untouched field would count as changed and overwrite someone
 * else's newer answer. Keeping both directions side by side, next to the
 * parsers, is what keeps that round trip honest (and it is tested).
 *
 * Lists of applications are typed one a line, fields separated by "|":
 * `Mitel phones | VOIP phones | SMTP relay | ICT service desk | flag`.
 * A "|" inside a name is written `\|`.
 */

export const APPLICATION_LINE_HINT =
  'One application a line: name | what it is for | how it sends mail | contact | flag. For example: Mitel phones | VOIP phones | SMTP relay | ICT service desk | flag. ' +
  `What it is for: ${Object.values(APPLICATION_PURPOSE_LABELS).join(', ')}. How it sends mail: ${Object.values(MAIL_ROUTE_LABELS).join(', ')}. ` +
  'Write flag at the end if it needs re-integration work.';

export const REGISTRATION_LINE_HINT = 'One month a line, like 2027-01: 200.';

/** The value a card input shows for an answer: a number for number inputs, text for everything else. */
export function answerAsInput(answer: TypedAnswer): string | number {
  switch (answer.type) {
    case 'number':
      return answer.value;
    case 'yes-no':
      return answer.value ? 'yes' : 'no';
    case 'multi-choice':
      return answer.value.join(',');
    case 'application-list':
      return answer.value.map(applicationLine).join('\n');
    case 'monthly-registrations':
      return answer.value.map((m) => `${m.month}: ${m.planned}`).join('\n');
    case 'choice':
    case 'date':
    case 'text':
    case 'email':
      return answer.value;
  }
}

/**
 * What a section card sent, ready for `validateSection`: application lists
 * typed as lines become rows; everything else passes through untouched.
 */
export function readCardInputs(set: QuestionSet, sectionId: string, raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const question of getSection(set, sectionId).questions) {
    if (!Object.hasOwn(raw, question.id)) continue;
    const value = raw[question.id];
    inputs[question.id] = question.type === 'application-list' && typeof value === 'string' && !value.trim().startsWith('[') ? applicationRows(value) : value;
  }
  return inputs;
}

function applicationLine(app: ApplicationEntry): string {
  const fields = [escapePipes(app.name), APPLICATION_PURPOSE_LABELS[app.purpose], MAIL_ROUTE_LABELS[app.sendsMailVia], escapePipes(app.contact ?? ''), app.flagged ? 'flag' : ''];
  while (fields.length > 3 && fields[fields.length - 1] === '') fields.pop();
  return fields.join(' | ');
}

/** Lines as the rows `parseApplicationList` reads; blank lines are dropped, so an empty box means no applications. */
function applicationRows(text: string): Record<string, string>[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', purpose = '', sendsMailVia = '', contact = '', ...rest] = splitPipes(line);
      const flag = rest.join('|').trim();
      return { name, purpose, sendsMailVia, contact, flagged: /^flag(ged)?$/i.test(flag) ? 'yes' : flag };
    });
}

function escapePipes(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Splits on "|" except where written `\|`, trimming each field. */
function splitPipes(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === '\\' && line[i + 1] === '|') {
      current += '|';
      i += 1;
    } else if (ch === '|') {
      fields.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  fields.push(current.trim());
  return fields;
}
