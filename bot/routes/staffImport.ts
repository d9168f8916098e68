import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { TurnContext as BotTurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/adaptiveCardJson';
import { importProgressCardJson, uploadLinkCardJson } from '../../cards/staffImportCard';
import { Verbs } from '../../cards/verbs';
import type { IssuedExportLink } from '../http/exportLinks';
import { downloadTeamsFile, isAllowedDownloadUrl, DOWNLOAD_NOT_ALLOWED, teamsFileOf, type DownloadPolicy } from '../imports/teamsFileDownload';
import type { StaffImportJobs } from '../jobs/staffImportJobs';
import { personOf } from '../migration/projects/actor';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import { loadStaffImportFor } from '../migration/staff/import/importStaffList';
import { removeMissing, removeStaffMember, type StaffRemovalDeps } from '../migration/staff/import/removeStaff';
import type { GatewayTurnState } from '../state';
import { actorFrom } from '../teams/actorFrom';
import { cardMessage } from '../teams/cardMessage';
import { onCardAction } from './cardAction';
import { commandIs, commandOf } from './commandSelector';
import { answerForProject, resolveProject, sendReply } from './projectContext';
import { isRefusal, orFriendlyError } from './replies';
import { scopeOf } from './scope';

export interface StaffImportRouteDeps {
  readonly projects: ProjectDeps;
  readonly jobs: StaffImportJobs;
  readonly removal: StaffRemovalDeps;
  readonly uploadLink: (projectId: string, userId: string) => IssuedExportLink;
  /** Sends a card to the person's personal chat (for an upload link asked for in a channel). */
  readonly sendPrivately: (context: TurnContext, card: AdaptiveCardJson) => Promise<boolean>;
  readonly download: Omit<DownloadPolicy, 'maxBytes'>;
  readonly maxFileBytes: number;
}

/**
 * The staff list arriving and leaving: a CSV sent as a file in a personal chat (downloaded in the background from
 * Teams' own store only), `import staff` for a signed upload page, the report card's "Remove these people",
 * and `remove staff <local ID>`. Only the PM and local administrators; staff and the project team are refused.
 */
export function registerStaffImport(app: Application<GatewayTurnState>, deps: StaffImportRouteDeps): void {
  app.message(
    (context) => Promise.resolve(context.activity.type === 'message' && teamsFileOf(context.activity.attachments) !== undefined),
    async (context) => {
      const file = teamsFileOf(context.activity.attachments);
      if (!file) return;
      const result = await orFriendlyError(async () => {
        const where = await resolveProject(deps.projects, context);
        if (!where.ok) return where.reply;
        const access = await loadStaffImportFor(deps.projects, where.actor, where.found.project.projectId);
        if (!isAllowedDownloadUrl(file.downloadUrl, deps.download.allowLoopback)) {
          return DOWNLOAD_NOT_ALLOWED;
        }
        const sent = await context.sendActivity(cardMessage(context, importProgressCardJson(file.name, { phase: 'downloading' })));
        const place = sent?.id === undefined ? undefined : { reference: BotTurnContext.getConversationReference(context.activity), activityId: sent.id };
        deps.jobs.start({
          projectId: access.project.projectId,
          tenantId: access.project.tenantId,
          fileName: file.name,
          by: personOf(where.actor),
          file: () => downloadTeamsFile(file.downloadUrl, { ...deps.download, maxBytes: deps.maxFileBytes }),
          place,
          personal: scopeOf(context) === 'personal',
        });
        return undefined;
      });
      if (result === undefined) return;
      await sendReply(context, isRefusal(result) ? result.refused : result);
    },
  );

  app.message(commandIs('import-staff'), async (context) => {
    await answerForProject(
      deps.projects,
      context,
      async (actor, projectId) => {
        await loadStaffImportFor(deps.projects, actor, projectId);
        const card = uploadLinkCardJson(deps.uploadLink(projectId, actor.userId), scopeOf(context) === 'personal');
        if (scopeOf(context) === 'personal') return card;
        return (await deps.sendPrivately(context, card))
          ? 'I have sent you an upload link in our personal chat: it is for you alone.'
          : 'The upload link is for you alone, so I only send it in a personal chat. Message me directly and type import staff (or send the CSV file there).';
      },
      { verb: Verbs.command, data: { command: 'import staff' }, purpose: 'import the staff list' },
    );
  });

  app.message(commandIs('remove-staff'), async (context) => {
    const { localId } = commandOf(context, 'remove-staff');
    await answerForProject(deps.projects, context, async (actor, projectId) => {
      const removed = await removeStaffMember(deps.removal, { actor, projectId, localId });
      return `${removed.localId} (${removed.name}) was removed from the staff list, with their history and the link to their Teams account. Nothing about them is kept.`;
    });
  });

  onCardAction(app, Verbs.staffImportRemoveMissing, async (context, _state, data) => {
    const actor = actorFrom(context);
    const { removed } = await removeMissing(deps.removal, { actor, projectId: data.projectId, importId: data.importId });
    const record = await deps.removal.imports.get(data.projectId, data.importId);
    const message = `${removed.toLocaleString('en-GB')} ${removed === 1 ? 'person' : 'people'} removed, with their history.`;
    return record ? { card: deps.jobs.reportCard(record, scopeOf(context) === 'personal', message) } : { message };
  });
}
