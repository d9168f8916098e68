import type { Application } from '@microsoft/teams-ai';
import { highlightCardJson } from '../../cards/highlightCard';
import { HIGHLIGHT_SETTINGS_INPUTS, highlightSettingsCardJson } from '../../cards/highlightSettingsCard';
import { Verbs } from '../../cards/verbs';
import { nextRunsOf } from '../jobs/scheduler';
import { describeSlot, type HighlightSlot } from '../migration/reports/highlightSchedule';
import { setHighlightSlot, SLOT_PM_ONLY } from '../migration/reports/setHighlightSlot';
import type { Actor } from '../migration/projects/actor';
import { ValidationFailed, type FieldError } from '../migration/shared/errors';
import { formatUkDateTime } from '../migration/shared/ukDates';
import { actorFrom } from '../teams/actorFrom';
import { onCardAction } from './cardAction';
import type { DeliveryResult } from '../jobs/deliverOnce';
import type { IsoWeek } from '../jobs/isoWeek';
import type { ClaimStore, DueProject } from '../jobs/ports';
import { undeliveredReason } from '../jobs/undeliveredReasons';
import { assertMayPostReport, moveReports } from '../migration/reports/moveReports';
import { loadProjectFor, type ProjectAccess } from '../migration/projects/projectAccess';
import { reportsTargetOf } from '../teams/conversationRef';
import { teamIdOf } from '../teams/actorFrom';
import { shiftWeek, weekContaining } from '../migration/reports/londonWeeks';
import { getHighlight, type HighlightDeps } from '../migration/reports/readHighlight';
import type { ProjectDeps } from '../migration/projects/projectDeps';
import type { GatewayTurnState } from '../state';
import { commandIs } from './commandSelector';
import { answerForProject, resolveProject, sendReply } from './projectContext';
import { isRefusal, orFriendlyError } from './replies';

export interface HighlightRouteDeps {
  readonly projects: ProjectDeps;
  readonly report: HighlightDeps;
  /** To say when last week's post could not be delivered, and why. */
  readonly claims: Pick<ClaimStore, 'read'>;
  /** The week's post through its exactly-once claim (jobs/weeklyHighlightJob.ts, deliverHighlightNow). */
  readonly postNow: (project: DueProject, week: IsoWeek) => Promise<DeliveryResult>;
  /** The usual slot, for projects without their own (`WEEKLY_HIGHLIGHT_CRON`); the default Monday 09:00 when absent. */
  readonly usualSchedule?: string;
}

/**
 * `highlight`: this week's draft for the project team; `highlight last week`: the report for the week before. Both
 * say first when last week's post could not be delivered, and why, read from the week's claim.
 */
export function registerHighlight(app: Application<GatewayTurnState>, deps: HighlightRouteDeps): void {
  for (const [intent, weeksBack] of [['highlight', 0], ['highlight-last-week', 1]] as const) {
    app.message(commandIs(intent), async (context) => {
      const resolved = await resolveProject(deps.projects, context);
      if (!resolved.ok) {
        await sendReply(context, resolved.reply);
        return;
      }
      const projectId = resolved.found.project.projectId;
      const thisWeek = weekContaining(deps.report.clock.now());
      const week = shiftWeek(thisWeek, -weeksBack);
      const card = await orFriendlyError(async () => {
        const report = await getHighlight(deps.report, { actor: resolved.actor, projectId, week });
        const notice = await undeliveredNotice(deps, projectId, shiftWeek(thisWeek, -1).key);
        return highlightCardJson(report, { draft: weeksBack === 0, ...(notice !== undefined ? { notice } : {}) });
      });
      await sendReply(context, isRefusal(card) ? card.refused : card);
    });
  }

  app.message(commandIs('post-highlight'), async (context) => {
    const resolved = await resolveProject(deps.projects, context);
    if (!resolved.ok) {
      await sendReply(context, resolved.reply);
      return;
    }
    const reply = await orFriendlyError(async () => {
      const { project, role } = await loadProjectFor(deps.projects, resolved.actor, resolved.found.project.projectId);
      assertMayPostReport(role);
      if (project.reportsConversationRef === undefined) return NO_REPORTS_CHANNEL;
      const week = weekContaining(deps.report.clock.now()).key;
      const due: DueProject = { projectId: project.projectId, tenantId: project.tenantId, reportsTarget: project.reportsConversationRef, ...(project.teamId !== undefined ? { teamId: project.teamId } : {}) };
      return postNowReply(await deps.postNow(due, week));
    });
    await sendReply(context, isRefusal(reply) ? reply.refused : reply);
  });

  registerHighlightSettings(app, deps);

  app.message(commandIs('reports-here'), async (context) => {
    if (teamIdOf(context) === undefined) {
      await sendReply(context, 'Type reports here in the team channel you want the weekly report in.');
      return;
    }
    const resolved = await resolveProject(deps.projects, context);
    if (!resolved.ok) {
      await sendReply(context, resolved.reply);
      return;
    }
    const reply = await orFriendlyError(async () => {
      const outcome = await moveReports(deps.projects, { actor: resolved.actor, projectId: resolved.found.project.projectId, target: reportsTargetOf(context) });
      return outcome === 'moved' ? 'Done: the weekly highlight report will be posted in this channel from now on.' : 'The weekly highlight report is already posted in this channel.';
    });
    await sendReply(context, isRefusal(reply) ? reply.refused : reply);
  });
}

/**
 * `highlight settings`: the project's own day and time for the weekly report (project manager). Others are told when
 * it is posted and who can change it. A refused save shows each reason under its field with what was typed kept.
 */
function registerHighlightSettings(app: Application<GatewayTurnState>, deps: HighlightRouteDeps): void {
  const usual = deps.usualSchedule ?? USUAL_SCHEDULE;
  type Extra = { message?: string; typed?: { weekday?: string; time?: string }; errors?: readonly FieldError[] };
  const cardFor = (project: ProjectAccess['project'], extra: Extra = {}) => {
    const slot = project.highlightSlot === undefined ? undefined : { weekday: project.highlightSlot.weekday, time: project.highlightSlot.time };
    return highlightSettingsCardJson({ projectId: project.projectId, slot, usualTime: describeUsual(usual), nextLine: nextPostLine(slot, usual, deps.report.clock.now()), ...extra });
  };
  const card = async (actor: Actor, projectId: unknown, extra: Extra = {}) => cardFor((await loadProjectFor(deps.projects, actor, projectId)).project, extra);

  app.message(commandIs('highlight-settings'), async (context) => {
    await answerForProject(deps.projects, context, async (actor, projectId) => {
      const { project, role } = await loadProjectFor(deps.projects, actor, projectId);
      if (role === 'project-manager') return cardFor(project);
      const when = project.highlightSlot ? describeSlot(project.highlightSlot) : describeUsual(usual);
      return `The weekly highlight report is posted ${when}. ${SLOT_PM_ONLY}`;
    });
  });

  onCardAction(app, Verbs.highlightSettingsSave, async (context, _state, data) => {
    const actor = actorFrom(context);
    const typed = { weekday: String(data[HIGHLIGHT_SETTINGS_INPUTS.weekday] ?? ''), time: data[HIGHLIGHT_SETTINGS_INPUTS.time] ?? '' };
    const saved = await orFriendlyError(() =>
      setHighlightSlot(deps.projects, { actor, projectId: data.projectId, change: data.useDefault === 'yes' ? { kind: 'default' } : { kind: 'set', ...typed } }),
    );
    if (isRefusal(saved)) {
      if (saved.error instanceof ValidationFailed) return { card: await card(actor, data.projectId, { typed, errors: saved.error.fieldErrors }) };
      throw saved.error;
    }
    if (saved.outcome === 'unchanged') return { card: await card(actor, data.projectId, { message: 'That is already when it is posted, so nothing was changed.' }) };
    const when = saved.slot ? describeSlot(saved.slot) : `at the usual time, ${describeUsual(usual)}`;
    return { card: await card(actor, data.projectId, { message: `Saved: the weekly highlight report is now posted ${when}.` }) };
  });
}

const USUAL_SCHEDULE = '0 9 * * 1';

/** "Mondays at 09:00 (UK time)" for a plain weekly pattern; otherwise the pattern itself, named as the setting. */
export function describeUsual(pattern: string): string {
  const match = /^(?:0 )?(\d{1,2}) (\d{1,2}) \* \* ([0-7])$/.exec(pattern.trim());
  if (match) {
    const weekday = Number(match[3]) === 0 ? 7 : Number(match[3]);
    return describeSlot({ weekday, time: `${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')}` });
  }
  return `as the organisation's setting WEEKLY_HIGHLIGHT_CRON says (${pattern})`;
}

/** When the next post is due, from the slot (or the usual pattern), in London time. */
function nextPostLine(slot: HighlightSlot | undefined, usual: string, now: Date): string {
  const pattern = slot ? `0 ${Number(slot.time.slice(3, 5))} ${Number(slot.time.slice(0, 2))} * * ${slot.weekday % 7}` : usual;
  const next = nextRunsOf(pattern, now, 1)[0];
  return next === undefined ? '' : `The next one is due ${formatUkDateTime(next)} (unless that week's report has already been posted).`;
}

const NO_REPORTS_CHANNEL = 'This project has no reports channel yet. Type reports here in the team channel you want the report in.';

function postNowReply(result: DeliveryResult): string {
  switch (result.outcome) {
    case 'sent':
      return "Posted this week's highlight report to the reports channel. Monday's run will not post this week's report again.";
    case 'already-done':
      return result.state === 'sent'
        ? "This week's highlight report has already been posted, so it was not posted again."
        : "This week's highlight report was tried already and could not be posted; type highlight to see why.";
    case 'held':
      return "This week's highlight report is being posted right now.";
    case 'failed':
      return `The highlight report could not be posted because ${undeliveredReason(result.reason)}.`;
    case 'uncertain':
      return 'The highlight report may not have arrived: the send was interrupted. It is not sent again, to avoid a duplicate.';
    case 'abandoned':
      return 'The highlight report was not posted: the bot is shutting down. Please try again in a minute.';
  }
}

/** "Last week's report could not be posted because …", or undefined when it went out (or was never due). */
export async function undeliveredNotice(deps: Pick<HighlightRouteDeps, 'claims'>, projectId: string, weekKey: string): Promise<string | undefined> {
  const found = await deps.claims.read(projectId, `highlight:${weekKey}`);
  if (!found || (found.claim.state !== 'failed' && found.claim.state !== 'uncertain')) return undefined;
  const reason = found.claim.reason;
  const why = undeliveredReason(reason);
  return `Last week's report could not be posted because ${why}.`;
}
