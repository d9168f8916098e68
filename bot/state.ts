import type { TurnState } from '@microsoft/teams-ai';
import type { DialogState } from 'botbuilder-dialogs';
import type { RememberedRecord } from './migration/answers/personal/personalPorts';

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

export interface UserScratch {
  /**
   * Which staff record this person was matched to on first contact, so "when do I migrate?" afterwards is one point
   * read for that record (this scope is read on every turn anyway). A cache only: the record itself has the last word.
   */
  staffRecord?: RememberedRecord;
}

export type GatewayTurnState = TurnState<ConversationScratch, UserScratch>;
