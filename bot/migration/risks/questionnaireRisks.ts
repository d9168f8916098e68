import type { QuestionnaireOverlaps, SuggestedNote } from '../questionnaire/overlaps';
import { FEED_ITEMS } from '../questionnaire/questionnaireChecklistNotes';
import { questionFeeding } from '../questionnaire/questionLookup';
import type { QuestionSet } from '../questionnaire/questionTypes';
import type { RiskEntry } from './riskEntry';
import { RISK_TEXT_MAX_LENGTH, RISK_TITLE_MAX_LENGTH } from './riskInput';

/**
 * The questionnaire's suggested risks (see questionnaire/overlaps.ts: flagged
 * applications, unsupported Outlook versions, more new accounts than NHS
 * Digital approves without extra time, a monthly plan that does not add up),
 * as drafts for the log.
 *
 * Why a key per suggestion rather than per text: the texts carry numbers
 * ("You need 620 new accounts…"), which change when an answer is corrected,
 * and a corrected answer must not add the same risk a second time. So the key
 * names what the risk is about (the application, the approval, the plan), and
 * the entry, once added, is the team's to keep up to date.
 */
export interface RiskSuggestion extends Pick<RiskEntry, 'type' | 'title' | 'description' | 'category' | 'likelihood' | 'impact'> {
  /** Stable for the same concern: `application-emis-web`, `new-accounts-approval`, … */
  readonly key: string;
  readonly questionId: string;
  /** A checklist item id the risk bears on, when there is one. */
  readonly itemId?: string;
}

/** The question the default set asks about Outlook versions (overlaps.ts raises the risk from it). */
const OUTLOOK_VERSIONS_QUESTION = 'clients-outlook-versions';

export function questionnaireRiskSuggestions(set: QuestionSet, overlaps: QuestionnaireOverlaps): readonly RiskSuggestion[] {
  const newAccountsQuestion = questionFeeding(set, 'newAccounts')?.id;
  const registrationsQuestion = questionFeeding(set, 'registrationsPerMonth')?.id;
  const suggestions = new Map<string, RiskSuggestion>();
  const add = (s: RiskSuggestion): void => {
    if (!suggestions.has(s.key)) suggestions.set(s.key, { ...s, title: s.title.slice(0, RISK_TITLE_MAX_LENGTH), description: s.description.slice(0, RISK_TEXT_MAX_LENGTH) });
  };

  for (const note of overlaps.notes) {
    const app = overlaps.flaggedApplications.find((a) => a.note === note.text);
    if (app) {
      add({ key: `application-${slug(app.name)}`, questionId: note.questionId, type: 'risk', title: `${app.name} may not send mail once we move to NHSmail`, description: note.text, category: 'applications', likelihood: 3, impact: 3, itemId: FEED_ITEMS.applications });
    } else if (note.questionId === OUTLOOK_VERSIONS_QUESTION) {
      add({ key: 'old-outlook', questionId: note.questionId, type: 'risk', title: 'Some staff use a version of Outlook NHSmail does not support', description: note.text, category: 'technical', likelihood: 4, impact: 4 });
    } else if (note.questionId === newAccountsQuestion && newAccountsQuestion !== undefined) {
      add({ key: 'new-accounts-approval', questionId: note.questionId, type: 'risk', title: 'The new accounts need NHS Digital’s approval, which adds time', description: note.text, category: 'schedule', likelihood: 4, impact: 3, itemId: 'g4-extra-approval-days' });
    } else if (note.questionId === registrationsQuestion && registrationsQuestion !== undefined) {
      add({ key: 'registrations-plan', questionId: note.questionId, type: 'risk', title: 'The monthly registrations plan does not add up to the new accounts', description: note.text, category: 'schedule', likelihood: 3, impact: 3, itemId: FEED_ITEMS.registrations });
    } else {
      add(otherSuggestion(note));
    }
  }
  return [...suggestions.values()];
}

function otherSuggestion(note: SuggestedNote): RiskSuggestion {
  return {
    key: `question-${slug(note.questionId)}-${slug(note.text.slice(0, 40))}`,
    questionId: note.questionId,
    type: 'risk',
    title: note.text.split(/(?<=[.:])\s/)[0] ?? note.text,
    description: note.text,
    category: 'other',
    likelihood: 3,
    impact: 3,
  };
}

/**
 * Lower-case letters and digits joined by '-', other letters as their code
 * point in base 36, so a Welsh or Chinese application name still gives a
 * distinct, id-safe key. At most 48 characters.
 */
export function slug(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKD').toLowerCase()) {
    if (/[a-z0-9]/.test(ch)) out += ch;
    else if (/\p{M}/u.test(ch)) continue;
    else if (/\p{L}|\p{N}/u.test(ch)) out += `x${(ch.codePointAt(0) ?? 0).toString(36)}`;
    else if (!out.endsWith('-')) out += '-';
  }
  const trimmed = out.replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return trimmed.length > 0 ? trimmed : 'none';
}
