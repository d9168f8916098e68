import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { ownerChoicesOf } from '../../cards/cardChoice';
import { RISK_FORM_FIELDS, riskCardJson, type RiskTyped } from '../../cards/riskCard';
import { riskExportCardJson } from '../../cards/riskExportCard';
import { riskHistoryCardJson } from '../../cards/riskHistoryCard';
import { riskListCardJson, type RiskListFilterName } from '../../cards/riskListCard';
import { Verbs } from '../../cards/verbs';
import type { StageNumber } from '../migration/gateways/catalogueTypes';
import type { Actor } from '../migration/projects/actor';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { addRisk } from '../migration/risks/addRisk';
import { editRisk } from '../migration/risks/editRisk';
import { getRiskHistory } from '../migration/risks/getRiskHistory';
import { listRisks, type RiskListFilter } from '../migration/risks/listRisks';
import { loadRisksFor } from '../migration/risks/riskAccess';
import { closeRisk, escalateRisk, reopenRisk } from '../migration/risks/riskDecisions';
import type { RiskDeps } from '../migration/risks/riskDeps';
import type { RiskType } from '../migration/risks/riskEntry';
import type { RiskInput } from '../migration/risks/riskInput';
import { canOnRisks } from '../migration/risks/riskPermissions';
import type { RiskView } from '../migration/risks/riskView';
import { ValidationFailed, type FieldError } from '../migration/shared/errors';
import type { RisksFilterWord } from '../recognition/intents';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { onCardAction, type CardActionResult } from './cardAction';
import { commandIs, commandOf } from './commandSelector';
import { answerForProject, type Reply } from './projectContext';
import { isRefusal, orFriendlyError } from './replies';
import { scopeOf } from './scope';

/** Who could not be told of an escalation, by name, for the reply; empty when everyone was. */
export interface EscalationNotice {
  readonly told: readonly string[];
  readonly notTold: readonly string[];
}

/**
 * Tells the PM and SRO in their personal chats that an entry became escalated. Best effort: it never throws, and
 * it is only asked after the save has landed.
 */
export type EscalationNotifier = (actor: Actor, projectId: string, risk: RiskView) => Promise<EscalationNotice>;

export type RiskExportLinkIssuer = (projectId: string, userId: string) => { readonly url: string; readonly expiresAt: Date };

/** The project ports (to find the project a turn is about) and the log's own. */
export type RiskRouteDeps = ProjectDeps &
  RiskDeps & {
    readonly notifyEscalation?: EscalationNotifier;
    readonly riskExportLink?: RiskExportLinkIssuer;
  };

interface FormShown {
  readonly riskId?: string;
  readonly newType?: RiskType;
  readonly newTitle?: string;
  readonly typed?: RiskTyped;
  readonly errors?: readonly FieldError[];
  readonly message?: string;
}

/**
 * The risks and issues log in Teams: `risk: …` / `issue: …` opens the form holding the title, `risks` lists the log
 * (with a filter word or a gateway), `export risks` gives a download link in a personal chat; the cards' buttons
 * add, edit, decide and page. The use cases check who may do what (staff never see the log).
 */
export function registerRisks(app: Application<GatewayTurnState>, deps: RiskRouteDeps): void {
  const form = async (actor: Actor, projectId: unknown, shown: FormShown = {}) => {
    const { project, role } = await loadRisksFor(deps, actor, projectId, shown.riskId === undefined ? 'add-risk' : 'read-risks');
    const risk = shown.riskId === undefined ? undefined : await entryView(deps, actor, project.projectId, shown.riskId);
    return riskCardJson({
      projectId: project.projectId,
      catalogue: deps.catalogue,
      ownerChoices: ownerChoicesOf(project.members),
      canDecide: canOnRisks(role, 'close-risk'),
      ...(risk === undefined ? {} : { risk }),
      ...(shown.newType === undefined ? {} : { newType: shown.newType }),
      ...(shown.newTitle === undefined ? {} : { newTitle: shown.newTitle }),
      ...(shown.typed === undefined ? {} : { typed: shown.typed }),
      ...(shown.errors === undefined ? {} : { errors: shown.errors }),
      ...(shown.message === undefined ? {} : { message: shown.message }),
    });
  };

  const list = async (actor: Actor, projectId: unknown, filter: RiskListFilterName, stage: StageNumber | undefined, after?: string, message?: string) => {
    const page = await listRisks(deps, { actor, projectId: String(projectId), filter: filterOf(filter, stage), ...(after === undefined ? {} : { after }) });
    return riskListCardJson({
      projectId: String(projectId),
      risks: page.risks,
      filter,
      ...(stage === undefined ? {} : { stage }),
      ...(page.next === undefined ? {} : { next: page.next }),
      ...(after === undefined || after === '' ? {} : { continued: true }),
      ...(message === undefined ? {} : { message }),
    });
  };

  for (const type of ['risk', 'issue'] as const) {
    app.message(commandIs(type), async (context) => {
      const { title } = commandOf(context, type);
      await answerForProject(deps, context, (actor, projectId) => form(actor, projectId, { newType: type, newTitle: title }), {
        verb: Verbs.riskNew,
        data: { type, title },
        purpose: `add this ${type}`,
      });
    });
  }

  app.message(commandIs('risks'), async (context) => {
    const command = commandOf(context, 'risks');
    if (command.kind === 'export') {
      await answerForProject(deps, context, (actor, projectId) => exportReply(deps, context, actor, projectId), { verb: Verbs.risksShow, purpose: 'see the risks and issues log' });
      return;
    }
    const filter: RiskListFilterName = command.stage !== undefined ? 'gateway' : wordFilter(command.filter);
    await answerForProject(deps, context, (actor, projectId) => list(actor, projectId, filter, command.stage), {
      verb: Verbs.risksShow,
      data: { filter, ...(command.stage === undefined ? {} : { stage: String(command.stage) }) },
      purpose: 'see the risks and issues log',
    });
  });

  onCardAction(app, Verbs.risksShow, async (context, _state, data) => {
    const filter = data.filter ?? '';
    const stage = filter === 'gateway' ? (data.stage ?? data.gatewayChoice ?? 1) : undefined;
    return { card: await list(actorFrom(context), data.projectId, filter, stage as StageNumber | undefined, data.after) };
  });

  onCardAction(app, Verbs.riskNew, async (context, _state, data) => ({
    card: await form(actorFrom(context), data.projectId, {
      ...(data.type === undefined ? {} : { newType: data.type }),
      ...(data.title === undefined ? {} : { newTitle: data.title }),
    }),
  }));

  onCardAction(app, Verbs.riskEdit, async (context, _state, data) => ({ card: await form(actorFrom(context), data.projectId, { riskId: data.riskId }) }));

  onCardAction(app, Verbs.riskHistory, async (context, _state, data) => {
    const page = await getRiskHistory(deps, { actor: actorFrom(context), projectId: data.projectId, riskId: data.riskId, ...(data.offset === undefined ? {} : { offset: data.offset }) });
    return { card: riskHistoryCardJson(data.projectId, page) };
  });

  onCardAction(
    app,
    Verbs.riskSave,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      const input = inputOf(data);
      const typed = typedOf(data);
      const adding = data.riskId === '';
      const saved = await orFriendlyError(async () =>
        adding
          ? { risk: await addRisk(deps, { actor, projectId: data.projectId, input }), changed: true }
          : editRisk(deps, { actor, projectId: data.projectId, riskId: data.riskId, expectedVersion: data.expectedVersion, input }),
      );
      if (isRefusal(saved)) {
        // Every reason under its field, with what they typed kept; nothing was saved.
        if (saved.error instanceof ValidationFailed) {
          const errors = saved.error.fieldErrors;
          return { card: await form(actor, data.projectId, { ...(adding ? {} : { riskId: data.riskId }), typed, errors }) };
        }
        throw saved.error;
      }
      if (!saved.changed) return { card: await form(actor, data.projectId, { riskId: data.riskId, message: 'Nothing had changed, so nothing was saved.' }) };
      const done = adding ? `Added to the log.` : 'Saved.';
      return { card: await form(actor, data.projectId, { riskId: saved.risk.entry.riskId, message: `${done}${await escalationLine(deps, context, saved.risk)}` }) };
    },
    // Refused for another reason (an out-of-date card, a role lost): the entry as it is now, with why.
    (context, data, message) => {
      const riskId = typeof data.riskId === 'string' && data.riskId !== '' ? data.riskId : undefined;
      return form(actorFrom(context), data.projectId, { ...(riskId === undefined ? {} : { riskId }), ...(message === undefined ? {} : { message }) });
    },
  );

  onCardAction(
    app,
    Verbs.riskDecide,
    async (context, _state, data): Promise<CardActionResult> => {
      const actor = actorFrom(context);
      const command = { actor, projectId: data.projectId, riskId: data.riskId, expectedVersion: data.expectedVersion, reason: typeof data.reason === 'string' ? data.reason : '' };
      const decided = await orFriendlyError(() => {
        switch (data.decision) {
          case 'close':
            return closeRisk(deps, command);
          case 'reopen':
            return reopenRisk(deps, command);
          case 'escalate':
            return escalateRisk(deps, { ...command, escalated: true });
          case 'de-escalate':
            return escalateRisk(deps, { ...command, escalated: false });
        }
      });
      if (isRefusal(decided)) {
        if (decided.error instanceof ValidationFailed) {
          return { card: await form(actor, data.projectId, { riskId: data.riskId, typed: typedOf(data), errors: decided.error.fieldErrors }) };
        }
        throw decided.error;
      }
      const done = { close: 'Closed.', reopen: 'Reopened.', escalate: 'Escalated to senior management.', 'de-escalate': 'Taken back from senior management.' }[data.decision];
      return { card: await form(actor, data.projectId, { riskId: data.riskId, message: `${done}${await escalationLine(deps, context, decided)}` }) };
    },
    (context, data, message) => form(actorFrom(context), data.projectId, { riskId: String(data.riskId), ...(message === undefined ? {} : { message }) }),
  );
}

async function entryView(deps: RiskDeps, actor: Actor, projectId: string, riskId: string): Promise<RiskView> {
  // The history's first page carries the entry as it stands, checked for the person, in one use case.
  return (await getRiskHistory(deps, { actor, projectId, riskId, limit: 1 })).risk;
}

/**
 * When this save escalated the entry (by its score or by hand), the PM and SRO are told, after the save; the line
 * says who could not be.
 */
async function escalationLine(deps: RiskRouteDeps, context: TurnContext, risk: RiskView): Promise<string> {
  const { escalation, updatedAt } = risk.entry;
  if (!escalation.escalated || escalation.at !== updatedAt || deps.notifyEscalation === undefined) return '';
  const notice = await deps.notifyEscalation(actorFrom(context), risk.entry.projectId, risk);
  const told = notice.told.length === 0 ? '' : ` I have told ${listOf(notice.told)} in a personal chat.`;
  const notTold =
    notice.notTold.length === 0 ? '' : ` I could not tell ${listOf(notice.notTold)}: they have not opened a personal chat with me yet (or it failed), so please let them know.`;
  return ` It is escalated to senior management.${told}${notTold}`;
}

async function exportReply(deps: RiskRouteDeps, context: TurnContext, actor: Actor, projectId: string): Promise<Reply> {
  // Checks the person may read the log before any link is made.
  await loadRisksFor(deps, actor, projectId, 'read-risks');
  if (scopeOf(context) !== 'personal' || deps.riskExportLink === undefined) {
    return 'The export is a download link that anyone holding it can open for 15 minutes, so I only send it in a personal chat. Message me directly and type export risks.';
  }
  return riskExportCardJson(projectId, deps.riskExportLink(projectId, actor.userId));
}

function inputOf(data: Record<string, unknown>): RiskInput {
  const input: Record<string, unknown> = {};
  for (const field of RISK_FORM_FIELDS) if (field !== 'reason' && data[field] !== undefined) input[field] = data[field];
  return input;
}

function typedOf(data: Record<string, unknown>): RiskTyped {
  const typed: Partial<Record<(typeof RISK_FORM_FIELDS)[number], string>> = {};
  for (const field of RISK_FORM_FIELDS) {
    const value = data[field];
    if (typeof value === 'string' || typeof value === 'number') typed[field] = String(value);
  }
  return typed;
}

function wordFilter(word: RisksFilterWord | undefined): RiskListFilterName {
  return word ?? '';
}

function filterOf(filter: RiskListFilterName, stage: StageNumber | undefined): RiskListFilter {
  switch (filter) {
    case 'mine':
      return { mine: true };
    case 'red':
      return { red: true };
    case 'due':
      return { dueForReview: true };
    case 'closed':
      return { closed: true };
    case 'gateway':
      return { stage };
    default:
      return {};
  }
}

function listOf(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} and ${values.at(-1) ?? ''}`;
}
