import type { Application } from '@microsoft/teams-ai';
import { faqAnswerCard } from '../../cards/faqAnswerCard';
import { answerFaq, faqFactsOf } from '../migration/answers/faq/faqAnswers';
import type { FaqSettings } from '../migration/answers/faq/faqSettings';
import { projectOfAsker, type AskerProjectDeps } from '../migration/answers/askTeamProject';
import type { GatewayTurnState } from '../state';
import { actorFrom, teamIdOf } from '../teams/actorFrom';
import { sendCard } from '../teams/cardMessage';
import { commandIs, commandOf } from './commandSelector';

export interface FaqRouteDeps extends AskerProjectDeps {
  readonly faqSettings: FaqSettings;
}

/** A frequent question, answered from the guide and the settings, naming the person's local administrators when their project is known. */
export function registerFaq(app: Application<GatewayTurnState>, deps: FaqRouteDeps): void {
  app.message(commandIs('faq'), async (context) => {
    const { topic } = commandOf(context, 'faq');
    const where = await projectOfAsker(deps, actorFrom(context), teamIdOf(context));
    await sendCard(context, faqAnswerCard(answerFaq(topic, deps.faqSettings, where.kind === 'found' ? faqFactsOf(where.project) : undefined)));
  });
}
