import type { TurnContext } from 'botbuilder';
import { Dialog } from 'botbuilder-dialogs';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { parseCardData, textInput, versionInput } from '../cards/cardData';
import { ownerChoicesOf } from '../cards/cardChoice';
import { WALKTHROUGH_CHOICES, WALKTHROUGH_INPUTS, walkthroughCard } from '../cards/walkthroughCard';
import type { WalkthroughChoice, WalkthroughTyped } from '../cards/walkthroughCard';
import { Verbs } from '../cards/verbs';
import type { Actor } from '../bot/migration/projects/actor';
import { getChecklist } from '../bot/migration/projects/getChecklist';
import type { ProjectDeps } from '../bot/migration/projects/projectDeps';
import { parseStage } from '../bot/migration/projects/stageInput';
import { updateChecklistItem } from '../bot/migration/projects/updateChecklistItem';
import { sendCard } from '../bot/teams/cardMessage';
import { refusalOf } from '../bot/migration/shared/errors';
import { changesForAnswer } from './walkthroughAnswer';

export const WALKTHROUGH_DIALOG = 'walkthrough';

export interface WalkthroughOptions {
  readonly projectId: string;
  readonly stage: number;
}

/** What the dialog keeps between turns: plain data, saved in conversation state. */
interface WalkthroughState {
  readonly projectId: string;
  readonly stage: number;
  readonly itemIds: string[];
  index: number;
  /** Items with something saved (an owner, then Done, is one item); absent in walks begun before it was kept. */
  answeredIds?: string[];
}

/**
 * Walks the open items of one gateway, one card per item: Done, Not applicable and Skip move on to the next item;
 * an owner, a due date, a note or evidence is saved and the same item shown again, updated. The
 * list of items is fixed when the walk starts, and each item is re-read before it is shown, so a colleague's change
 * in the meantime is what the person sees. Typing `stop` (or the Stop button) ends it; anything else typed gets a
 * reminder rather than being lost.
 */
export class WalkthroughDialog extends Dialog<WalkthroughOptions> {
  constructor(
    private readonly deps: ProjectDeps,
    private readonly actorOf: (context: TurnContext) => Actor,
    /** Whether the person typed `stop` (or `cancel`): the turn's one recognition, passed in by the route. */
    private readonly saidStop: (context: TurnContext) => boolean,
  ) {
    super(WALKTHROUGH_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: WalkthroughOptions): Promise<DialogTurnResult> {
    if (options === undefined) return dc.endDialog();
    const actor = this.actorOf(dc.context);
    const stage = parseStage(options.stage);
    const checklist = await getChecklist(this.deps, { actor, projectId: options.projectId, stage });
    const itemIds = checklist.entries.filter((e) => e.status === 'open').map((e) => e.item.id);
    if (!checklist.canUpdateItems) {
      await dc.context.sendActivity(
        checklist.canAddNotes && checklist.passed
          ? `Gateway ${stage} is signed off; reopen it to change items. You can still add notes and evidence from its checklist: type gateway ${stage}.`
          : 'Only members of the project team can update the checklist, so there is nothing to walk through.',
      );
      return dc.endDialog();
    }
    if (itemIds.length === 0) {
      await dc.context.sendActivity(`Nothing is open in gateway ${stage}. Well done. Type sign off gateway ${stage} when you are ready.`);
      return dc.endDialog();
    }
    const state: WalkthroughState = { projectId: options.projectId, stage, itemIds, index: 0, answeredIds: [] };
    dc.activeDialog!.state = state;
    await this.showCurrent(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = (dc.activeDialog as DialogInstance<WalkthroughState>).state;
    const value: unknown = dc.context.activity.value;
    const data = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    if (data?.verb === Verbs.walkthroughStop || this.saidStop(dc.context)) return this.finish(dc, state);
    if (data?.verb === Verbs.walkthroughAnswer) {
      const parsed = parseCardData(Verbs.walkthroughAnswer, data);
      if (!parsed.ok) {
        await dc.context.sendActivity(parsed.refusal);
        return Dialog.EndOfTurn;
      }
    }
    const choice = data?.verb === Verbs.walkthroughAnswer ? data.choice : undefined;
    if (!isChoice(choice) || data === undefined) {
      await dc.context.sendActivity('You are in the gateway walkthrough. Use the buttons on the card, type stop to finish, or type any other command to leave it.');
      return Dialog.EndOfTurn;
    }
    const itemId = state.itemIds[state.index];
    if (itemId === undefined || data.itemId !== itemId) {
      await dc.context.sendActivity('That card is for an earlier item. Here is the one we are on.');
      await this.showCurrent(dc.context, state);
      return Dialog.EndOfTurn;
    }

    const changes = changesForAnswer(choice, data);
    if (changes.length > 0) {
      const refused = await refusalOf(() =>
        updateChecklistItem(this.deps, { actor: this.actorOf(dc.context), projectId: state.projectId, itemId, expectedVersion: versionInput(data), change: changes }),
      );
      if (refused !== undefined) {
        await dc.context.sendActivity(refused);
        // Shown again with what they typed, so fixing a bad link does not mean typing the note again.
        await this.showCurrent(dc.context, state, typedAnswer(data));
        return Dialog.EndOfTurn;
      }
      const answered = (state.answeredIds ??= []);
      if (!answered.includes(itemId)) answered.push(itemId);
    } else if (choice !== 'skip') {
      await dc.context.sendActivity('Nothing was filled in, so nothing was saved. Fill in the box, or choose Skip.');
      await this.showCurrent(dc.context, state);
      return Dialog.EndOfTurn;
    }

    // An owner, a date, a note or evidence does not finish an item: show it again, updated, so it can be marked done.
    if (choice === 'assign' || choice === 'note') {
      await this.showCurrent(dc.context, state);
      return Dialog.EndOfTurn;
    }
    state.index += 1;
    if (state.index >= state.itemIds.length) return this.finish(dc, state);
    await this.showCurrent(dc.context, state);
    return Dialog.EndOfTurn;
  }

  private async showCurrent(context: TurnContext, state: WalkthroughState, typed?: WalkthroughTyped): Promise<void> {
    const actor = this.actorOf(context);
    const checklist = await getChecklist(this.deps, { actor, projectId: state.projectId, stage: state.stage });
    const entry = checklist.entries.find((e) => e.item.id === state.itemIds[state.index]);
    if (entry === undefined) return;
    const memberChoices = ownerChoicesOf(checklist.members);
    await sendCard(
      context,
      walkthroughCard(entry, {
        projectId: state.projectId,
        stage: checklist.stage,
        position: state.index + 1,
        total: state.itemIds.length,
        memberChoices,
        ...(typed === undefined ? {} : { typed }),
      }),
    );
  }

  private async finish(dc: DialogContext, state: WalkthroughState): Promise<DialogTurnResult> {
    const { answered, skipped, notReached } = walkthroughCounts(state);
    await dc.context.sendActivity(
      `That's the walkthrough of gateway ${state.stage} finished: ${answered} answered, ${skipped} skipped` +
        (notReached > 0 ? `, ${notReached} not reached` : '') +
        `. Type gateway ${state.stage} to see the checklist.`,
    );
    return dc.endDialog();
  }
}

/**
 * Each item counted once: answered if anything was saved on it, skipped if it was shown and left as it was (the one
 * on screen when the walk stopped included), not reached if it never came up.
 */
export function walkthroughCounts(state: Pick<WalkthroughState, 'itemIds' | 'index' | 'answeredIds'>): { answered: number; skipped: number; notReached: number } {
  const reached = state.itemIds.slice(0, Math.min(state.index + 1, state.itemIds.length));
  const answeredIds = new Set(state.answeredIds ?? []);
  const answered = reached.filter((id) => answeredIds.has(id)).length;
  return { answered, skipped: reached.length - answered, notReached: state.itemIds.length - reached.length };
}

/** The inputs of a refused answer that were filled in, to show again on its card; the rest show the item as it is. */
function typedAnswer(data: Record<string, unknown>): WalkthroughTyped {
  return Object.fromEntries(Object.entries(WALKTHROUGH_INPUTS).flatMap(([key, id]) => (textInput(data, id) === '' ? [] : [[key, textInput(data, id)]])));
}

function isChoice(value: unknown): value is WalkthroughChoice {
  return typeof value === 'string' && (WALKTHROUGH_CHOICES as readonly string[]).includes(value);
}
