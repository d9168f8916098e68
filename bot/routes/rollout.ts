import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { groupCardJson } from '../../cards/groupCard';
import { groupChecklistCardJson } from '../../cards/groupChecklistCard';
import { groupsCardJson } from '../../cards/groupsCard';
import { accountsCardJson } from '../../cards/rolloutAccountsCard';
import { ROLLOUT_INPUTS } from '../../cards/rolloutCardData';
import { coexistenceCardJson } from '../../cards/rolloutCoexistenceCard';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../migration/projects/actor';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { ValidationFailed } from '../migration/shared/errors';
import { checkCoexistence, fixCoexistence } from '../migration/staff/rollout/coexistence';
import { getGroupChecklist, tickGroupStep } from '../migration/staff/rollout/groupChecklist';
import { changeGroup, createGroup, findGroupByName, getGroupPage, listGroups, removeGroup } from '../migration/staff/rollout/groupUseCases';
import { exportPortalAccounts } from '../migration/staff/rollout/portalAccounts';
import type { RolloutDeps } from '../migration/staff/rollout/rolloutDeps';
import { assignDepartment, assignListed, movePerson, setGroupStatus, setPersonStatus, type BulkOutcome } from '../migration/staff/rollout/staffChanges';
import { MIGRATION_STATUS_LABELS } from '../migration/staff/staffMember';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import type { AccountFileRef, IssuedExportLink } from '../http/exportLinks';
import { onCardAction, type LatestCard } from './cardAction';
import { commandIs, commandOf } from './commandSelector';
import { answerForProject, type Reply } from './projectContext';
import { scopeOf } from './scope';

export type AccountFileLinkIssuer = (projectId: string, userId: string, file: AccountFileRef) => IssuedExportLink;

/** The project ports (to find the project a turn is about) and the roll-out's own. */
export type RolloutRouteDeps = ProjectDeps &
  RolloutDeps & {
    readonly accountFileLink?: AccountFileLinkIssuer;
  };

/**
 * The roll-out in Teams: `groups`, `group <name>` (and `group <name> checklist`), `coexistence`, `export accounts`
 * (and `export accounts for <group>`), and the cards' buttons. The use cases check who may do what: staff never see
 * the staff list or the groups.
 */
export function registerRollout(app: Application<GatewayTurnState>, deps: RolloutRouteDeps): void {
  const groups = async (actor: Actor, projectId: unknown, message = '') => groupsCardJson(String(projectId), await listGroups(deps, { actor, projectId }), message);
  const group = async (actor: Actor, projectId: unknown, groupId: unknown, options: { readonly message?: string; readonly after?: string } = {}) =>
    groupCardJson(String(projectId), await getGroupPage(deps, { actor, projectId, groupId, ...(options.after ? { after: options.after } : {}) }), options);
  const checklist = async (actor: Actor, projectId: unknown, groupId: unknown, message = '') =>
    groupChecklistCardJson(String(projectId), await getGroupChecklist(deps, { actor, projectId, groupId }), message);
  const coexistence = async (actor: Actor, projectId: unknown, message = '') => coexistenceCardJson(String(projectId), await checkCoexistence(deps, { actor, projectId }), message);
  /** The group card as it stands now, for a press on it that was refused. */
  const latestGroup: LatestCard = (context, data, message) => group(actorFrom(context), data.projectId, data.groupId, message === undefined ? {} : { message });

  app.message(commandIs('groups'), async (context) => {
    await answerForProject(deps, context, (actor, projectId) => groups(actor, projectId), { verb: Verbs.groupsShow, purpose: 'see the roll-out groups' });
  });

  app.message(commandIs('group'), async (context) => {
    const { name, view } = commandOf(context, 'group');
    await answerForProject(deps, context, async (actor, projectId) => {
      const found = await findGroupByName(deps, { actor, projectId, typed: name });
      return view === 'checklist' ? checklist(actor, projectId, found.groupId) : group(actor, projectId, found.groupId);
    });
  });

  app.message(commandIs('coexistence'), async (context) => {
    await answerForProject(deps, context, (actor, projectId) => coexistence(actor, projectId), { verb: Verbs.coexistenceShow, purpose: 'check the shared mailboxes' });
  });

  app.message(commandIs('export-accounts'), async (context) => {
    const { group: typed } = commandOf(context, 'export-accounts');
    await answerForProject(deps, context, async (actor, projectId) => {
      const groupId = typed === undefined ? undefined : (await findGroupByName(deps, { actor, projectId, typed })).groupId;
      return accountsReply(deps, context, actor, projectId, groupId);
    });
  });

  onCardAction(app, Verbs.groupsShow, async (context, _state, data) => ({ card: await groups(actorFrom(context), data.projectId) }));

  onCardAction(
    app,
    Verbs.groupCreate,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      const made = await createGroup(deps, { actor, projectId: data.projectId, kind: data.kind, ...(data[ROLLOUT_INPUTS.name] === undefined ? {} : { name: data[ROLLOUT_INPUTS.name] }), ...(data[ROLLOUT_INPUTS.cutoverDate] === undefined ? {} : { cutoverDate: data[ROLLOUT_INPUTS.cutoverDate] }) });
      return { card: await groups(actor, data.projectId, `${made.name} added.`) };
    },
    (context, data, message) => groups(actorFrom(context), data.projectId, message),
  );

  onCardAction(app, Verbs.groupShow, async (context, _state, data) => ({ card: await group(actorFrom(context), data.projectId, data.groupId, data.after === undefined ? {} : { after: data.after }) }));

  onCardAction(
    app,
    Verbs.groupChange,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      const { changed } = await changeGroup(deps, {
        actor,
        projectId: data.projectId,
        groupId: data.groupId,
        expectedVersion: data.expectedVersion,
        ...(data[ROLLOUT_INPUTS.name] === undefined ? {} : { name: data[ROLLOUT_INPUTS.name] }),
        cutoverDate: data[ROLLOUT_INPUTS.cutoverDate] ?? '',
      });
      return { card: await group(actor, data.projectId, data.groupId, { message: changed ? 'Saved.' : 'Nothing had changed, so nothing was saved.' }) };
    },
    latestGroup,
  );

  onCardAction(
    app,
    Verbs.groupRemove,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      const removed = await removeGroup(deps, { actor, projectId: data.projectId, groupId: data.groupId, expectedVersion: data.expectedVersion });
      return { card: await groups(actor, data.projectId, `${removed.name} removed.`) };
    },
    latestGroup,
  );

  onCardAction(
    app,
    Verbs.groupAssign,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      const outcome =
        data.by === 'department'
          ? await assignDepartment(deps, { actor, projectId: data.projectId, groupId: data.groupId, department: data[ROLLOUT_INPUTS.department] ?? '' })
          : await assignListed(deps, { actor, projectId: data.projectId, groupId: data.groupId, localIds: data[ROLLOUT_INPUTS.localIds] ?? '' });
      return { card: await group(actor, data.projectId, data.groupId, { message: bulkLine(outcome, 'moved into this group', 'already in it') }) };
    },
    latestGroup,
  );

  onCardAction(
    app,
    Verbs.groupStatus,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      const status = data[ROLLOUT_INPUTS.status];
      const outcome = await setGroupStatus(deps, { actor, projectId: data.projectId, groupId: data.groupId, status });
      const label = status === undefined ? '' : MIGRATION_STATUS_LABELS[status];
      return { card: await group(actor, data.projectId, data.groupId, { message: bulkLine(outcome, `set to ${label}`, 'already so, or on NHSmail already') }) };
    },
    latestGroup,
  );

  onCardAction(
    app,
    Verbs.personChange,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      const localId = data[ROLLOUT_INPUTS.localId] ?? '';
      const moveTo = data[ROLLOUT_INPUTS.moveTo];
      const status = data[ROLLOUT_INPUTS.personStatus] ?? data[ROLLOUT_INPUTS.status];
      if (localId === '' || (moveTo === undefined && status === undefined)) {
        throw new ValidationFailed([{ field: 'localId', message: 'Give their local ID, and choose a group to move them to or a status to set.' }]);
      }
      const lines: string[] = [];
      if (status !== undefined) {
        await setPersonStatus(deps, { actor, projectId: data.projectId, localId, status });
        lines.push(`${localId} is now ${MIGRATION_STATUS_LABELS[status]}.`);
      }
      if (moveTo !== undefined) {
        const moved = await movePerson(deps, { actor, projectId: data.projectId, localId, groupId: moveTo === '-' ? '' : moveTo });
        lines.push(moved.groupId === undefined ? `${localId} is in no group now.` : `${localId} moved.`);
      }
      return { card: await group(actor, data.projectId, data.groupId, { message: lines.join(' '), ...(data.after === undefined ? {} : { after: data.after }) }) };
    },
    latestGroup,
  );

  onCardAction(app, Verbs.groupChecklistShow, async (context, _state, data) => ({ card: await checklist(actorFrom(context), data.projectId, data.groupId) }));

  onCardAction(
    app,
    Verbs.groupStepTick,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      const ticked = await tickGroupStep(deps, { actor, projectId: data.projectId, groupId: data.groupId, stepId: data.stepId, done: data.done, seenAt: data.seenAt });
      return { card: groupChecklistCardJson(data.projectId, ticked) };
    },
    (context, data, message) => checklist(actorFrom(context), data.projectId, data.groupId, message),
  );

  onCardAction(app, Verbs.coexistenceShow, async (context, _state, data) => ({ card: await coexistence(actorFrom(context), data.projectId) }));

  onCardAction(
    app,
    Verbs.coexistenceFix,
    async (context, _state, data) => {
      const actor = actorFrom(context);
      const { moved, group: target } = await fixCoexistence(deps, { actor, projectId: data.projectId, mailboxId: data.mailboxId, groupId: data.groupId });
      return { card: await coexistence(actor, data.projectId, moved === 0 ? `They were already together in ${target.name}.` : `Moved ${moved} into ${target.name}: the mailbox and everyone using it now move together.`) };
    },
    (context, data, message) => coexistence(actorFrom(context), data.projectId, message),
  );

  onCardAction(app, Verbs.accountsExport, async (context, _state, data) => {
    const reply = await accountsReply(deps, context, actorFrom(context), data.projectId, data.groupId);
    return typeof reply === 'string' ? { message: reply } : { card: reply };
  });
}

/**
 * The Portal files behind signed links, in a personal chat only (anyone holding a link can open it for 15 minutes).
 * Each link names the person, so the download checks again that they may read the roll-out, and the people it
 * holds by the local IDs that bound it, so a file opened after another was uploaded still holds its own people.
 */
async function accountsReply(deps: RolloutRouteDeps, context: TurnContext, actor: Actor, projectId: string, groupId: string | undefined): Promise<Reply> {
  const exported = await exportPortalAccounts(deps, { actor, projectId, ...(groupId === undefined ? {} : { groupId }) });
  if (scopeOf(context) !== 'personal' || deps.accountFileLink === undefined) {
    return 'The account files are download links that anyone holding them can open for 15 minutes, so I only send them in a personal chat. Message me directly and type export accounts.';
  }
  const issue = deps.accountFileLink;
  let expiresAt = new Date(deps.clock.now().getTime());
  const links = exported.files.map((file, i) => {
    const previous = i === 0 ? undefined : exported.files[i - 1]?.lastLocalId;
    const link = issue(projectId, actor.userId, { scope: groupId ?? 'all', part: i + 1, of: exported.files.length, ...(previous === undefined ? {} : { afterLocalId: previous }), upToLocalId: file.lastLocalId });
    expiresAt = link.expiresAt;
    return { fileName: file.fileName, people: file.people, url: link.url };
  });
  return accountsCardJson(exported.groupName ?? 'everyone', exported.people, links, expiresAt);
}

function bulkLine(outcome: BulkOutcome, did: string, already: string): string {
  const parts = [`${outcome.changed} ${outcome.changed === 1 ? 'person' : 'people'} ${did}`];
  if (outcome.unchanged > 0) parts.push(`${outcome.unchanged} ${already}`);
  const line = `${parts.join('; ')}.`;
  return outcome.notFound.length === 0 ? line : `${line} Not on the staff list: ${outcome.notFound.slice(0, 10).join(', ')}${outcome.notFound.length > 10 ? ' …' : ''}.`;
}

