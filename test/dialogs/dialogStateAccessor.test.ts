import { TurnState } from '@microsoft/teams-ai';
import { MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { DialogStateAccessor } from '../../dialogs/dialogStateAccessor';
import type { ConversationScope } from '../../dialogs/dialogStateAccessor';

const ASK = 'ask-organisation';
const PROMPT = 'text';

/** A two-question waterfall, the shape every Gateway dialog has: one prompt per step. */
function buildDialogs(accessor: DialogStateAccessor): DialogSet {
  const dialogs = new DialogSet(accessor);
  dialogs.add(new TextPrompt(PROMPT));
  dialogs.add(
    new WaterfallDialog(ASK, [
      async (step) => step.prompt(PROMPT, 'What is your organisation called?'),
      async (step) => {
        (step.values as Record<string, string>).organisation = String(step.result);
        return step.prompt(PROMPT, `Thanks. What is the ODS code for ${String(step.result)}?`);
      },
      async (step) => {
        await step.context.sendActivity(`Saved ${String(step.result)} for ${(step.values as Record<string, string>).organisation ?? ''}.`);
        return step.endDialog();
      },
    ]),
  );
  return dialogs;
}

/** One turn as the bot runs it: load teams-ai state, continue or begin the dialog, save state. */
async function turn(storage: MemoryStorage, text: string): Promise<string[]> {
  const adapter = new TestAdapter();
  const activity: Partial<Activity> = {
    type: 'message',
    text,
    channelId: 'msteams',
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'Test User' },
    recipient: { id: 'bot-1', name: 'Gateway' },
  };
  const context = new TurnContext(adapter, activity);
  const sent: string[] = [];
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const a of activities) if (typeof a.text === 'string') sent.push(a.text);
    return next();
  });
  const state = new TurnState<ConversationScope>();
  await state.load(context, storage);
  const dc = await buildDialogs(new DialogStateAccessor(state.conversation)).createContext(context);
  const result = await dc.continueDialog();
  if (result.status === DialogTurnStatus.empty) await dc.beginDialog(ASK);
  await state.save(context, storage);
  return sent;
}

describe('dialog state kept in teams-ai conversation state', () => {
  it.each([
    [['start'], ['What is your organisation called?']],
    [['start', 'Ysbyty Gwynedd'], ['What is your organisation called?', 'Thanks. What is the ODS code for Ysbyty Gwynedd?']],
    [
      ['start', 'Ysbyty Gwynedd', '7A1'],
      ['What is your organisation called?', 'Thanks. What is the ODS code for Ysbyty Gwynedd?', 'Saved 7A1 for Ysbyty Gwynedd.'],
    ],
  ])('when the user says %j over separate turns, then the bot answers %j', async (says, answers) => {
    const storage = new MemoryStorage();
    const replies: string[] = [];
    for (const text of says) replies.push(...(await turn(storage, text)));
    expect(replies).toEqual(answers);
  });

  it('when a dialog is waiting for an answer, then what is saved is the dialog stack only, not the turn context', async () => {
    const storage = new MemoryStorage();
    await turn(storage, 'start');
    const saved = await storage.read(['msteams/bot-1/conversations/conv-1']);
    const conversation = saved['msteams/bot-1/conversations/conv-1'] as Record<string, unknown>;
    expect(Object.keys(conversation).filter((k) => k !== 'eTag')).toEqual(['dialogState']);
    const json = JSON.stringify(conversation);
    expect(json).not.toContain('_adapter');
    expect(json.length).toBeLessThan(1_000);
  });

  it('when the dialog ends, then the next message starts it afresh', async () => {
    const storage = new MemoryStorage();
    for (const text of ['start', 'Ysbyty Gwynedd', '7A1']) await turn(storage, text);
    expect(await turn(storage, 'again')).toEqual(['What is your organisation called?']);
  });

  it('when the state is deleted through the accessor, then the conversation holds no dialog state', async () => {
    const conversation: ConversationScope = {};
    const accessor = new DialogStateAccessor(conversation);
    const context = new TurnContext(new TestAdapter(), { type: 'message' });
    await accessor.get(context, { dialogStack: [] });
    expect(conversation.dialogState).toEqual({ dialogStack: [] });
    await accessor.delete(context);
    expect(conversation).toEqual({});
  });
});
