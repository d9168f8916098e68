import type { Application } from '@microsoft/teams-ai';
import { ASK_TEAM_INPUTS, askTeamOfferCard, askTeamQuestionCard } from '../../cards/askTeamCards';
import { textInput } from '../../cards/cardData';
import { Verbs } from '../../cards/verbs';
import { answerTeamQuestion, askTheTeam, type AskTeamDeps } from '../migration/answers/askTeam';
import { projectOfAsker, type AskerProjectDeps } from '../migration/answers/askTeamProject';
import { NotFound } from '../migration/shared/errors';
import type { GatewayTurnState } from '../state';
import { actorFrom, teamIdOf } from '../teams/actorFrom';
import type { ProjectChannelPost } from '../teams/askTeamChannel';
import { sendCard } from '../teams/cardMessage';
import type { PersonalNotices } from '../teams/personalNotices';
import { onCardAction } from './cardAction';
import { commandIs, commandOf } from './commandSelector';

export interface AskTeamRouteDeps extends Omit<AskTeamDeps, 'projects'>, AskerProjectDeps {
  readonly postToChannel: ProjectChannelPost;
  readonly notices?: PersonalNotices;
}

const NO_PROJECT =
  'I don’t know which NHSmail migration project you are on, so I can’t pass your question on. Ask your line manager or IT service desk who runs your organisation’s move to NHSmail.';
const SEVERAL_PROJECTS = 'You are on more than one migration project, so I don’t know which team to ask. Ask me in that project’s team channel instead.';

/**
 * "Ask the team": a question Gateway cannot answer is offered to the project team; pressed, it is kept and posted to
 * the project's channel, a team member answers on that card, and the answer goes to the asker's personal chat.
 */
export function registerAskTeam(app: Application<GatewayTurnState>, deps: AskTeamRouteDeps): void {
  app.message(commandIs('ask-team'), async (context) => {
    await sendCard(context, askTeamOfferCard(commandOf(context, 'ask-team').question));
  });

  onCardAction(app, Verbs.askTeamSend, async (context, _state, data) => {
    const actor = actorFrom(context);
    const where = await projectOfAsker(deps, actor, teamIdOf(context));
    if (where.kind === 'none') return { message: NO_PROJECT };
    if (where.kind === 'several') return { message: SEVERAL_PROJECTS };
    const { question, project } = await askTheTeam(deps, { actor, projectId: where.project.projectId, question: data.question });
    const posted = await deps.postToChannel(project, askTeamQuestionCard(question));
    return {
      message: posted
        ? `I have passed your question to the ${project.organisationName} migration project team. When they answer, I will send it to you in your personal chat with me.`
        : `Sorry, I couldn’t reach the ${project.organisationName} project team’s channel just now, so your question has not been passed on. Please try again later.`,
    };
  });

  onCardAction(
    app,
    Verbs.askTeamAnswer,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      const { question, project } = await answerTeamQuestion(deps, { actor, projectId: data.projectId, questionId: data.questionId, answer: textInput(data, ASK_TEAM_INPUTS.answer) });
      const asker = question.askedBy;
      const text = `The ${project.organisationName} migration project team has answered your question “${question.question}”:\n\n${question.answer?.text ?? ''}\n\n(${actor.name})`;
      const outcome = deps.notices === undefined ? undefined : await deps.notices(project.tenantId, [{ userId: asker.id, label: asker.name }], text, { projectId: project.projectId, questionId: question.questionId });
      const told = (outcome?.told.length ?? 0) > 0;
      return {
        card: askTeamQuestionCard(
          question,
          told ? `Sent to ${asker.name} in their personal chat with Gateway.` : `I could not reach ${asker.name} in a personal chat with Gateway: please pass the answer on yourself.`,
        ),
      };
    },
    async (context, data, message) => {
      const projectId = typeof data.projectId === 'string' ? data.projectId : '';
      const questionId = typeof data.questionId === 'string' ? data.questionId : '';
      const question = projectId === '' || questionId === '' ? undefined : await deps.questions.get(projectId, questionId);
      if (!question || question.tenantId !== actorFrom(context).tenantId) throw new NotFound('question', questionId);
      return askTeamQuestionCard(question, message);
    },
  );
}
