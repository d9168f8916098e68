import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { didYouMeanCard } from '../../cards/didYouMeanCard';
import { commandTextOf } from '../recognition/commandText';
import type { RecognitionOf } from '../recognition/intents';
import { isRecognised } from '../recognition/intents';
import type { GatewayTurnState } from '../state';
import { sendCard } from '../teams/cardMessage';
import { recognitionOf } from './commandSelector';
import { sendHelp } from './help';
import { scopeOf } from './scope';

/** After this many misunderstood messages in a row, show the whole help card rather than repeat the hint. */
export const HELP_AFTER_UNRECOGNISED = 3;

/**
 * The last route: anything no other route took still gets an answer, never silence. What was understood but has no
 * route (`gateway 7`, `stop` outside a walkthrough) gets a specific answer; a slip of a command gets "did you mean …?"
 * with the command as a button; a card button from an old card (its verb no longer exists) is told apart from typed
 * text, because "I didn't understand" would confuse there.
 */
export function registerFallback(app: Application<GatewayTurnState>): void {
  app.activity(ActivityTypes.Message, async (context, state) => {
    const recognition = recognitionOf(context);
    if (isRecognised(recognition)) {
      if (recognition.intent === 'out-of-range') return void (await context.sendActivity(outOfRange(recognition)));
      if (recognition.intent === 'stop') return void (await context.sendActivity('There is nothing to stop: you are not in a walkthrough.'));
    }
    const streak = (state.conversation.unrecognisedStreak ?? 0) + 1;
    state.conversation.unrecognisedStreak = streak;
    if (context.activity.value !== undefined && (context.activity.text ?? '').trim() === '') {
      await context.sendActivity('Sorry, that button is no longer available. The card may be out of date: type help to see what I can do now.');
      return;
    }
    const suggestion = isRecognised(recognition) ? undefined : commandTextOf(recognition);
    if (suggestion !== undefined) return void (await sendCard(context, didYouMeanCard({ command: suggestion })));
    if (streak % HELP_AFTER_UNRECOGNISED === 0) {
      await context.sendActivity('I still didn’t understand that, so here is everything I can help with.');
      await sendHelp(context);
      return;
    }
    const mention = scopeOf(context) === 'personal' ? '' : '@Gateway ';
    await context.sendActivity(`Sorry, I didn’t understand that. Type ${mention}help to see what I can do.`);
  });
}

const EXAMPLE: Readonly<Record<RecognitionOf<'out-of-range'>['entities']['command'], string>> = {
  gateway: 'gateway',
  walkthrough: 'walk me through gateway',
  'sign-off': 'sign off gateway',
};

function outOfRange(recognition: RecognitionOf<'out-of-range'>): string {
  const example = EXAMPLE[recognition.entities.command];
  return `There are six gateways, numbered 1 to 6, so there is no gateway ${recognition.entities.asked}. Type ${example} 1 to ${example} 6, or status to see them all.`;
}
