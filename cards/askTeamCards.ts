import type { AskTeamQuestion } from '../bot/migration/answers/askTeam';
import { formatUkDate, formatUkDateTime, todayInLondon } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import offerTemplateJson from './templates/askTeamOffer.json';
import questionTemplateJson from './templates/askTeamQuestion.json';
import { defineTemplate, renderCardJson } from './render';

/** The answer input's id on the team's card. */
export const ASK_TEAM_INPUTS = { answer: 'answer' } as const;

interface OfferData {
  readonly question: string;
}

interface QuestionData {
  readonly projectId: string;
  readonly questionId: string;
  readonly askedBy: string;
  readonly askedOn: string;
  readonly question: string;
  readonly answered: boolean;
  readonly answerLine: string;
  readonly answerText: string;
  readonly hasMessage: boolean;
  readonly message: string;
}

const offerTemplate = defineTemplate<OfferData>('askTeamOffer', offerTemplateJson);
const questionTemplate = defineTemplate<QuestionData>('askTeamQuestion', questionTemplateJson);

/** To the asker: Gateway cannot answer, and offers to pass the question on (it goes only when they press). */
export function askTeamOfferCard(question: string): AdaptiveCardJson {
  return renderCardJson(offerTemplate, { question });
}

/**
 * In the project channel: the question, who asked, and a box for the answer; once answered, the answer and who gave
 * it, so the channel shows the question is dealt with. `message` says what happened to the last press.
 */
export function askTeamQuestionCard(question: AskTeamQuestion, message?: string): AdaptiveCardJson {
  const answer = question.answer;
  return renderCardJson(questionTemplate, {
    projectId: question.projectId,
    questionId: question.questionId,
    askedBy: question.askedBy.name,
    askedOn: formatUkDate(todayInLondon(new Date(question.askedAt))),
    question: question.question,
    answered: answer !== undefined,
    answerLine: answer === undefined ? '' : `Answered by ${answer.by.name}, ${formatUkDateTime(answer.at)}:`,
    answerText: answer?.text ?? '',
    hasMessage: message !== undefined,
    message: message ?? '',
  });
}
