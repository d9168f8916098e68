import type { TurnState } from '@microsoft/teams-ai';
import type { DialogState } from 'botbuilder-dialogs';

/**
 * Conversational scratch only. Project records live in their own Cosmos documents with their own eTags, because a
 * whole turn-state scope is last-writer-wins and would lose one of two people's edits to a shared log.
 */
export interface ConversationScratch {
  /**
   * botbuilder-dialogs' stacks, one per person (Teams user id), kept here through the dialog-state accessor. Per
   * person because a channel thread is one conversation: one person's walkthrough must not swallow a colleague's
   * messages in the same thread.
   */
  dialogStates?: Record<string, { dialogState?: DialogState }>;
  /** Messages in a row we did not understand; after a few we show the help card instead of a one-line hint. */
  unrecognisedStreak?: number;
}

export type UserScratch = Record<string, never>;

export type GatewayTurnState = TurnState<ConversationScratch, UserScratch>;
