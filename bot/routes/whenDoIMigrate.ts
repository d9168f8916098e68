import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { colleagueMigrationCardJson } from '../../cards/colleagueMigrationCard';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import { myMigrationCardJson } from '../../cards/myMigrationCard';
import { answerMyMigration, type MyMigrationDeps } from '../migration/answers/personal/answerMyMigration';
import { COLLEAGUE_REFUSAL, lookUpColleague } from '../migration/answers/personal/lookUpColleague';
import type { StaffDirectory } from '../migration/answers/personal/personalPorts';
import { AMBIGUOUS_REPLY, ASK_PRIVATELY_REPLY, NO_IDENTITY_REPLY, notOnListReply, SENT_PRIVATELY_REPLY } from '../migration/answers/personal/personalReplies';
import { projectOfPerson } from '../migration/answers/personal/projectOfPerson';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import type { RolloutGroupRepository } from '../migration/staff/staffRepository';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { memberIdentityOf } from '../teams/memberIdentity';
import { commandIs, commandOf } from './commandSelector';
import { resolveProject, sendReply } from './projectContext';
import { isRefusal, orFriendlyError } from './replies';

/** Sends a card to the person's personal chat with the bot; false when Gateway cannot reach them there. */
export type SendPrivately = (context: TurnContext, card: AdaptiveCardJson) => Promise<boolean>;

export interface StaffAnswerRouteDeps {
  readonly projects: ProjectDeps;
  /** The person's record, their group and project, the directory and links, and the settings the answer quotes. */
  readonly answers: Omit<MyMigrationDeps, 'clock'>;
  readonly groups: Pick<RolloutGroupRepository, 'all'>;
  readonly directory: Pick<StaffDirectory, 'search'>;
  /** For a question asked in a channel, where the answer must not be shown to everyone. */
  readonly sendPrivately?: SendPrivately;
}

/**
 * `when do I migrate` (a member of staff's own answer, in a personal chat; asked in a channel, it goes to their
 * personal chat instead) and `when does <name or email> migrate` (project team and LAs only).
 */
export function registerWhenDoIMigrate(app: Application<GatewayTurnState>, deps: StaffAnswerRouteDeps): void {
  const answerDeps: MyMigrationDeps = { ...deps.answers, clock: deps.projects.clock };

  app.message(commandIs('when-do-i-migrate'), async (context, state) => {
    const { focus, department } = commandOf(context, 'when-do-i-migrate');
    const result = await orFriendlyError(() =>
      answerMyMigration(answerDeps, {
        actor: actorFrom(context),
        focus,
        ...(department === undefined ? {} : { department }),
        ...(state.user.staffRecord === undefined ? {} : { remembered: state.user.staffRecord }),
        identity: () => memberIdentityOf(context),
      }),
    );
    if (isRefusal(result)) return void (await context.sendActivity(result.refused));
    switch (result.kind) {
      case 'answer': {
        if (result.remember !== undefined) state.user.staffRecord = result.remember;
        const card = myMigrationCardJson(result.answer);
        if (context.activity.conversation.conversationType === 'personal') return void (await sendReply(context, card));
        const sent = deps.sendPrivately !== undefined && (await deps.sendPrivately(context, card));
        return void (await context.sendActivity(sent ? SENT_PRIVATELY_REPLY : ASK_PRIVATELY_REPLY));
      }
      case 'not-on-list':
        if (result.forget) delete state.user.staffRecord;
        return void (await context.sendActivity(notOnListReply(result.addresses)));
      case 'ambiguous':
        if (result.forget) delete state.user.staffRecord;
        return void (await context.sendActivity(AMBIGUOUS_REPLY));
      case 'no-identity':
        return void (await context.sendActivity(NO_IDENTITY_REPLY));
    }
  });

  app.message(commandIs('colleague-migration'), async (context) => {
    const { who } = commandOf(context, 'colleague-migration');
    const result = await orFriendlyError(async () => {
      const where = await resolveProject(deps.projects, context, { noProjectOfYours: COLLEAGUE_REFUSAL });
      if (!where.ok) return where.reply;
      return colleagueMigrationCardJson(
        await lookUpColleague({ projects: deps.projects.projects, groups: deps.groups, directory: deps.directory, clock: deps.projects.clock }, { actor: where.actor, projectId: where.found.project.projectId, who }),
      );
    });
    await sendReply(context, isRefusal(result) ? result.refused : result);
  });
}

/**
 * The port "ask the team" needs: which project the person asking belongs to, from their own staff record (undefined
 * when they are not on any list). Remembers a new match in their turn state, as their own answer does.
 */
export async function projectOfPersonIn(deps: StaffAnswerRouteDeps, context: TurnContext, state: GatewayTurnState): Promise<string | undefined> {
  const found = await projectOfPerson(
    { ...deps.answers, clock: deps.projects.clock },
    { actor: actorFrom(context), ...(state.user.staffRecord === undefined ? {} : { remembered: state.user.staffRecord }), identity: () => memberIdentityOf(context) },
  );
  if (found?.remember !== undefined) state.user.staffRecord = found.remember;
  return found?.projectId;
}
