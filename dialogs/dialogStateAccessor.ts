import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';

/** The part of teams-ai turn state the accessor needs: a plain, JSON-saved conversation scope. */
export interface ConversationScope {
  dialogState?: DialogState;
}

/**
 * Lets botbuilder-dialogs keep its stack in teams-ai's conversation scope, which teams-ai saves (by JSON diff)
 * at the end of the turn. teams-ai's own `TurnStateProperty` is not used because on a first turn it stores the
 * whole turn context as the default value. Created per turn, over that turn's state; the context argument of the
 * accessor interface is ignored because the state already belongs to the turn.
 */
export class DialogStateAccessor implements StatePropertyAccessor<DialogState> {
  constructor(private readonly conversation: ConversationScope) {}

  get(context: TurnContext): Promise<DialogState | undefined>;
  get(context: TurnContext, defaultValue: DialogState): Promise<DialogState>;
  get(_context: TurnContext, defaultValue?: DialogState): Promise<DialogState | undefined> {
    if (this.conversation.dialogState === undefined && defaultValue !== undefined) {
      this.conversation.dialogState = structuredClone(defaultValue);
    }
    return Promise.resolve(this.conversation.dialogState);
  }

  set(_context: TurnContext, value: DialogState): Promise<void> {
    this.conversation.dialogState = value;
    return Promise.resolve();
  }

  delete(_context: TurnContext): Promise<void> {
    delete this.conversation.dialogState;
    return Promise.resolve();
  }
}
