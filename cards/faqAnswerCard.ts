import type { FaqAnswer } from '../bot/migration/answers/faq/faqAnswers';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import template from './templates/faqAnswer.json';
import { defineTemplate, renderCardJson } from './render';

/** What `templates/faqAnswer.json` binds. */
export interface FaqAnswerData {
  readonly heading: string;
  readonly paragraphs: readonly { readonly text: string }[];
  readonly source: string;
  readonly checkWithTeam: boolean;
  readonly checkLine: string;
}

const faqAnswerTemplate = defineTemplate<FaqAnswerData>('faqAnswer', template);

/** A frequent question's answer, with the guide section it rests on named under it so anyone can check it. */
export function faqAnswerCard(answer: FaqAnswer): AdaptiveCardJson {
  return renderCardJson(faqAnswerTemplate, {
    heading: answer.heading,
    paragraphs: answer.paragraphs.map((text) => ({ text })),
    source: `From NHS Digital's Organisation self-migration guide (November 2017), section ${answer.guideSection.number}: ${answer.guideSection.title}.`,
    checkWithTeam: answer.checkWithTeam,
    checkLine: 'The figures here are settings your project team keeps up to date, as NHSmail’s limits have changed since the guide was written. If something looks wrong, ask them.',
  });
}
