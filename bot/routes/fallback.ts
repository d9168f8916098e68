import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import type { GatewayTurnState } from '../state';
import { sendHelp } from './help';
import { scopeOf } from './scope';

/** After this many misunderstood messages in a row, show the whole help card rather than repeat the hint. */
export const HELP_AFTER_UNRECOGNISED = 3;

/**
 * The last route: anything no other route took still gets an answer, never silence. A card button from an old card
 * (its verb no longer exists) is told apart from typed text, because "I didn't understand" would confuse there.
 */
export function registerFallback(app: Application<GatewayTurnState>): void {
  app.activity(ActivityTypes.Message, async (context, state) => {
    const streak = (state.conversation.unrecognisedStreak ?? 0) + 1;
    state.conversation.unrecognisedStreak = streak;
    if (context.activity.value !== undefined && (context.activity.text ?? '').trim() === '') {
      await context.sendActivity('Sorry, that button is no longer available. The card may be out of date: type help to see what I can do now.');
      return;
    }
    if (streak % HELP_AFTER_UNRECOGNISED === 0) {
      await context.sendActivity('I still didn’t understand that, so here is everything I can help with.');
      await sendHelp(context);
      return;
    }
    const mention = scopeOf(context) === 'personal' ? '' : '@Gateway ';
    await context.sendActivity(`Sorry, I didn’t understand that. Type ${mention}help to see what I can do.`);
  });
}
