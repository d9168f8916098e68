import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import { type FaqTopic, type MigrationQuestionFocus, type Recognition } from '../intents';
import { ACT_ON_CONFIDENCE } from '../intents';
import { normaliseText, typedText } from '../normaliseText';
import { findColleague } from './colleague';
import { NLU_LABELS, TRAINING_CORPUS, type NluLabel } from './corpus';
import { findDepartment } from './departments';

/** What the model made of a question, before it becomes an intent: for the evaluation and the bench. */
export interface Classification {
  readonly label: NluLabel;
  readonly score: number;
}

/** Staff questions understood offline: a model trained at start, and the rules that turn its label into an intent. */
export interface OfflineNlu {
  /** Undefined when the text is not a staff question (declined), so the next recogniser or the fallback answers. */
  recognise(text: string | undefined): Promise<Recognition | undefined>;
  classify(text: string): Promise<Classification>;
}

export interface OfflineNluOptions {
  /**
   * A label is used only at this score or above. Without an out-of-scope label NLP.js gives off-topic text 0.5 to
   * 0.6 for some intent; with one, off-topic text mostly scores for it, and the threshold catches the rest. Tuned on
   * the evaluation set (see README); an accepted score is mapped onto the routes' scale (`confidenceOf`).
   */
  readonly threshold?: number;
  readonly corpus?: Readonly<Record<NluLabel, readonly string[]>>;
}

export const DEFAULT_NLU_THRESHOLD = 0.65;

/** A question longer than this is passed on cut short: a card field, not a document. */
export const MAX_QUESTION_LENGTH = 1000;

/** Words that make a sentence the model is unsure of a question about the move, to offer to the project team. */
const MIGRATION_WORDS = /\b(?:nhs ?mail|nhs\.net|migrat\w*|mailbox(?:es)?|e-?mails?|outlook|cut ?over|inbox|pilot|roll ?out|local admin\w*|new account)\b/;

/**
 * The text the model sees, in training and in use: the commands' normalisation (lower case, no courtesies or
 * @mention), each email address as one word and the first work area named as the word `department`, so a name or a
 * department the corpus never saw still reads like the examples.
 */
export function prepareText(text: string): { readonly text: string; readonly department: string | undefined } {
  const normalised = normaliseText(text).replace(/[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, 'colleagueaddress');
  const department = findDepartment(normalised);
  return { text: department?.text ?? normalised, department: department?.name };
}

/** Trains a model on the corpus. Milliseconds for a few hundred lines; call `sharedOfflineNlu` to train once per process. */
export async function trainOfflineNlu(options: OfflineNluOptions = {}): Promise<OfflineNlu> {
  const threshold = options.threshold ?? DEFAULT_NLU_THRESHOLD;
  const corpus = options.corpus ?? TRAINING_CORPUS;
  const container = await containerBootstrap();
  container.use(LangEn);
  // autoSave/autoLoad off: NLP.js would otherwise write and read model.nlp in the working directory.
  const nlp = new Nlp({ languages: ['en'], autoSave: false, autoLoad: false, calculateSentiment: false, container, nlu: { log: false, spellCheck: true } });
  for (const label of NLU_LABELS) {
    for (const utterance of corpus[label]) {
      // A line the normalisation empties ("thanks") teaches nothing, and NLP.js warns on the console about it.
      const prepared = prepareText(utterance).text;
      if (prepared !== '') nlp.addDocument('en', prepared, label);
    }
  }
  await nlp.train();

  const classifyPrepared = async (prepared: string): Promise<Classification> => {
    const result = await nlp.nluManager.process('en', prepared);
    const top = result.classifications[0];
    const label = top !== undefined && isLabel(top.intent) ? top.intent : 'None';
    return { label, score: top?.score ?? 0 };
  };

  return {
    classify: (text) => classifyPrepared(prepareText(text).text),
    async recognise(text) {
      const typed = typedText(text);
      const prepared = prepareText(typed);
      if (prepared.text === '') return undefined;
      const { label, score } = await classifyPrepared(prepared.text);
      const question = typed.slice(0, MAX_QUESTION_LENGTH);
      // The model cannot tell a name from any other unknown word; the patterns can. A question shaped like "when
      // does <someone> move" that names a person, not a work area, is about that person.
      const who = prepared.department === undefined ? findColleague(typed) : undefined;
      if (who !== undefined && PERSON_SHAPED.has(label) && score >= COLLEAGUE_BAR) {
        return { intent: 'colleague-migration', entities: { who }, confidence: confidenceOf(Math.max(score, threshold), threshold) };
      }
      if (label === 'None' || score < threshold) {
        return MIGRATION_WORDS.test(prepared.text) ? { intent: 'ask-team', entities: { question }, confidence: ACT_ON_CONFIDENCE } : undefined;
      }
      return toRecognition(label, confidenceOf(score, threshold), typed, question, prepared.department);
    },
  };
}

function toRecognition(label: Exclude<NluLabel, 'None'>, score: number, typed: string, question: string, department: string | undefined): Recognition {
  if (label === 'ask-team') return { intent: 'ask-team', entities: { question }, confidence: score };
  if (label === 'colleague') {
    const who = findColleague(typed);
    if (who !== undefined) return { intent: 'colleague-migration', entities: { who }, confidence: score };
    // "When does my team move?" names nobody: it is about their own date or group.
    const focus: MigrationQuestionFocus = /\b(?:when|date|day)\b/i.test(typed) ? 'date' : 'group';
    return { intent: 'when-do-i-migrate', entities: { focus, ...(department === undefined ? {} : { department }) }, confidence: score };
  }
  if (label.startsWith('faq.')) return { intent: 'faq', entities: { topic: label.slice('faq.'.length) as FaqTopic }, confidence: score };
  const focus = label.slice('mine.'.length) as MigrationQuestionFocus;
  return { intent: 'when-do-i-migrate', entities: { focus, ...(department === undefined ? {} : { department }) }, confidence: score };
}

/** Labels a question about a named person is mistaken for: their own date or group, or a colleague's. */
const PERSON_SHAPED: ReadonlySet<NluLabel> = new Set<NluLabel>(['mine.date', 'mine.group', 'colleague']);
/** How sure the model must be of one of those before a name in the question makes it a colleague's. */
const COLLEAGUE_BAR = 0.4;

/**
 * The model's score on the routes' scale: the threshold becomes `ACT_ON_CONFIDENCE` and 1 stays 1, so whatever the
 * NLU accepts is acted on and a more certain answer still reads as more certain.
 */
function confidenceOf(score: number, threshold: number): number {
  if (threshold >= 1) return 1;
  return ACT_ON_CONFIDENCE + ((1 - ACT_ON_CONFIDENCE) * (Math.min(1, score) - threshold)) / (1 - threshold);
}

function isLabel(value: string): value is NluLabel {
  return (NLU_LABELS as readonly string[]).includes(value);
}

let shared: Promise<OfflineNlu> | undefined;

/** The one model of this process, trained on first use (every Gateway started in a test process shares it). */
export function sharedOfflineNlu(): Promise<OfflineNlu> {
  shared ??= trainOfflineNlu().catch((err: unknown) => {
    shared = undefined;
    throw err;
  });
  return shared;
}

