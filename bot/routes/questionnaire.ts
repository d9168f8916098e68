import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Verb } from '../../cards/verbs';
import { Verbs } from '../../cards/verbs';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { onCardAction } from './cardAction';
import { sendReply, type Reply } from './projectContext';
import type { QuestionnaireCommand } from '../recognition/intents';
import { commandIs, commandOf } from './commandSelector';
import { questionnaireTarget } from './questionnaireProject';
import { exportCard, progressCard, saveCard, sectionCard, submitCard, type QuestionnaireRouteDeps } from './questionnaireViews';
import { isRefusal, orFriendlyError } from './replies';
import { scopeOf } from './scope';

export type { QuestionnaireRouteDeps } from './questionnaireViews';

/**
 * The discovery questionnaire's routes: the typed commands and the card
 * buttons (Action.Execute, each with its Action.Submit fallback). Register
 * before the fallback route.
 *
 * Typed commands find the project from where they were typed (the team's in
 * a channel, the person's own in a chat); buttons carry the project id, which
 * the use case checks against the person's tenant and role, never trusting
 * the card.
 */
export function registerQuestionnaire(app: Application<GatewayTurnState>, deps: QuestionnaireRouteDeps): void {
  app.message(commandIs('questionnaire'), async (context) => {
    const command = commandOf(context, 'questionnaire');
    const reply = await orFriendlyError(() => answerCommand(deps, context, command));
    await sendReply(context, isRefusal(reply) ? reply.refused : reply);
  });

  onCardAction(app, Verbs.questionnaireProgress, async (context, _state, data) => ({ card: await progressCard(deps, actorFrom(context), data.projectId) }));
  onCardAction(app, Verbs.questionnaireSection, async (context, _state, data) => ({ card: await sectionCard(deps, actorFrom(context), data.projectId, data.sectionId) }));
  onCardAction(app, Verbs.questionnaireSave, async (context, _state, data) => ({ card: await saveCard(deps, actorFrom(context), data) }));
  onCardAction(app, Verbs.questionnaireSubmit, async (context, _state, data) => ({ card: await submitCard(deps, actorFrom(context), data.projectId) }));
  onCardAction(app, Verbs.questionnaireExport, async (context, _state, data) => ({
    card: await exportCard(deps, actorFrom(context), data.projectId, scopeOf(context) === 'personal'),
  }));
}

const NEXT: Readonly<Record<QuestionnaireCommand['kind'], { readonly verb: Verb; readonly purpose: string }>> = {
  progress: { verb: Verbs.questionnaireProgress, purpose: 'see the questionnaire' },
  section: { verb: Verbs.questionnaireSection, purpose: 'answer that section' },
  export: { verb: Verbs.questionnaireExport, purpose: 'export the questionnaire' },
  submit: { verb: Verbs.questionnaireProgress, purpose: 'submit the questionnaire' },
};

async function answerCommand(deps: QuestionnaireRouteDeps, context: TurnContext, command: QuestionnaireCommand): Promise<Reply> {
  const next = NEXT[command.kind];
  const target = await questionnaireTarget(deps, context, { ...next, ...(command.kind === 'section' ? { data: { sectionId: command.section } } : {}) });
  if (!target.ok) return target.reply;
  const { actor, projectId } = target;
  switch (command.kind) {
    case 'progress':
      return progressCard(deps, actor, projectId);
    case 'section':
      return sectionCard(deps, actor, projectId, command.section);
    case 'export':
      return exportCard(deps, actor, projectId, scopeOf(context) === 'personal');
    case 'submit':
      return submitCard(deps, actor, projectId);
  }
}
