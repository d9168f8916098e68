import { randomUUID } from 'node:crypto';
import { myMigrationCardJson } from '../../cards/myMigrationCard';
import type { Logger } from '../log';
import type { AnswerSettings } from '../migration/answers/personal/myMigrationAnswer';
import { linkInstalledMember, type InstallLinkDeps } from '../migration/answers/personal/installedPeople';
import type { StaffLinkStore } from '../migration/answers/personal/personalPorts';
import type { Project } from '../migration/projects/project';
import type { ProjectRepository } from '../migration/projects/projectRepository';
import { addDays, todayInLondon, type IsoDate } from '../migration/shared/ukDates';
import type { RolloutGroup } from '../migration/staff/rolloutGroup';
import type { StaffMember } from '../migration/staff/staffMember';
import type { StaffRepository } from '../migration/staff/staffRepository';
import {
  composeCutoverReminder,
  DEFAULT_REMINDER_DAYS,
  dueReminders,
  isRemindable,
  reminderPeriod,
  reminderSummaryPeriod,
  reminderSummaryText,
  type DueReminder,
} from '../migration/staff/reminders/cutoverReminders';
import { forEachBounded } from '../storage/boundedParallel';
import { cardAttachment } from '../teams/cardMessage';
import type { ReferenceStore } from '../teams/conversationReferences';
import type { PersonalNotices } from '../teams/personalNotices';
import { deliverOnce, type DeliveryResult, type Sender } from './deliverOnce';
import { advanceClaim, newClaim } from './deliveryClaim';
import type { ClaimStore } from './ports';

/** Groups whose cutover falls between two dates (inclusive), across projects: a handful of small records. */
export interface ScheduledGroupSource {
  cuttingOverBetween(from: IsoDate, to: IsoDate): Promise<readonly RolloutGroup[]>;
}

export interface CutoverReminderDeps {
  readonly groups: ScheduledGroupSource;
  readonly staff: Pick<StaffRepository, 'list'>;
  readonly links: Pick<StaffLinkStore, 'get'>;
  /** People the app was installed for before the list had them: a record nobody has linked is looked for there. */
  readonly installed?: InstallLinkDeps;
  readonly projects: Pick<ProjectRepository, 'get'>;
  readonly claims: ClaimStore;
  readonly references: ReferenceStore;
  readonly sender: Sender;
  readonly notices?: PersonalNotices;
  readonly settings: AnswerSettings;
  /** N of "N days before"; 7 and 1 by default. */
  readonly reminderDays?: readonly number[];
  readonly now: () => Date;
  readonly logger: Logger;
  readonly leaseMs?: number;
  /** People reminded at once; the sender's token bucket paces the tenant however many wait. */
  readonly concurrency?: number;
}

export interface ReminderRoundSummary {
  readonly projectId: string;
  readonly groupId: string;
  readonly daysBefore: number;
  readonly reminded: number;
  readonly alreadyDone: number;
  readonly unreachable: number;
  readonly other: number;
}

export interface CutoverReminderRunSummary {
  readonly runId: string;
  readonly today: IsoDate;
  readonly rounds: readonly ReminderRoundSummary[];
}

const PAGE_SIZE = 100;

/**
 * The daily run: every group whose cutover is near gets its due reminder (dueReminders), one personal message per
 * member Gateway can reach, each behind its own claim (`cutover-reminder:<group>:<date>:<N>d:<local ID>`), so a
 * restart, a second instance or a second run the same day sends nobody anything twice. Someone who cannot be
 * reached (never matched to Teams, no personal chat because the app is not installed for them, Teams answering 403)
 * has their claim closed as failed with the reason: that is the record of who was not told. A record nobody has
 * linked yet is looked for among the people the app was installed for (an import after an administrator's install
 * for everyone), and linked when found. The project manager is
 * told once per round how many were reminded and how many could not be reached.
 */
export async function runCutoverReminders(deps: CutoverReminderDeps, options: { readonly today?: IsoDate; readonly runId?: string; readonly signal?: AbortSignal } = {}): Promise<CutoverReminderRunSummary> {
  const runId = options.runId ?? randomUUID();
  const today = options.today ?? todayInLondon(deps.now());
  const reminderDays = deps.reminderDays ?? DEFAULT_REMINDER_DAYS;
  const log = deps.logger.child({ module: 'cutover-reminders', runId, today });
  const horizon = addDays(today, Math.max(...reminderDays, 1));
  const due = dueReminders(await deps.groups.cuttingOverBetween(addDays(today, 1), horizon), today, reminderDays);
  const rounds: ReminderRoundSummary[] = [];
  for (const reminder of due) {
    if (options.signal?.aborted) break;
    const project = await deps.projects.get(reminder.group.projectId);
    if (!project) continue;
    rounds.push(await remindGroup(deps, project, reminder, today, runId, log, options.signal));
  }
  log.info({ rounds: rounds.length }, 'cutover reminder run finished');
  return { runId, today, rounds };
}

async function remindGroup(deps: CutoverReminderDeps, project: Project, reminder: DueReminder, today: IsoDate, runId: string, log: Logger, signal: AbortSignal | undefined): Promise<ReminderRoundSummary> {
  const counts = { reminded: 0, alreadyDone: 0, unreachable: 0, other: 0 };
  const deliverDeps = { claims: deps.claims, references: deps.references, sender: deps.sender, now: deps.now, leaseMs: deps.leaseMs ?? 60_000, runId, logger: log };
  const remind = async (member: StaffMember): Promise<void> => {
    const result = await deliverOnce(
      deliverDeps,
      {
        projectId: project.projectId,
        kind: 'cutover-reminder',
        period: reminderPeriod(reminder, member.localId),
        target: () => targetOf(deps, project, member),
        compose: () => {
          const answer = composeCutoverReminder(
            { member, group: reminder.group, organisationName: project.organisationName, projectMembers: project.members, settings: deps.settings, today },
            reminder,
          );
          return Promise.resolve({ type: 'message', attachments: [cardAttachment(myMigrationCardJson(answer))] });
        },
      },
      signal,
    );
    tally(counts, result);
  };

  let after: string | undefined;
  do {
    if (signal?.aborted) break;
    const page = await deps.staff.list(project.projectId, { filter: { groupId: reminder.group.groupId }, limit: PAGE_SIZE, ...(after === undefined ? {} : { after }) });
    await forEachBounded(page.members.filter(isRemindable), deps.concurrency ?? 16, remind);
    after = page.next;
  } while (after !== undefined);

  await tellProjectManagers(deps, project, reminder, counts, runId, log);
  return { projectId: project.projectId, groupId: reminder.group.groupId, daysBefore: reminder.daysBefore, ...counts };
}

async function targetOf(deps: CutoverReminderDeps, project: Project, member: StaffMember): ReturnType<Parameters<typeof deliverOnce>[1]['target']> {
  const stored = await deps.links.get(project.projectId, member.localId);
  const link = stored?.tenantId === project.tenantId ? stored : deps.installed === undefined ? undefined : await linkInstalledMember(deps.installed, project.tenantId, member);
  if (link === undefined) return { ok: false, reason: 'not-linked' };
  const reference = await deps.references.get(project.tenantId, { kind: 'user', userId: link.userId });
  if (!reference?.reachable) return { ok: false, reason: 'no-personal-chat' };
  return {
    ok: true,
    target: {
      tenantId: project.tenantId,
      conversationId: reference.conversationId,
      serviceUrl: reference.serviceUrl,
      botId: reference.botId,
      conversationType: reference.conversationType,
      referenceKey: reference.key,
    },
  };
}

function tally(counts: { reminded: number; alreadyDone: number; unreachable: number; other: number }, result: DeliveryResult): void {
  switch (result.outcome) {
    case 'sent':
      counts.reminded += 1;
      return;
    case 'already-done':
      if (result.state === 'sent') counts.alreadyDone += 1;
      else if (result.state === 'failed') counts.unreachable += 1;
      else counts.other += 1;
      return;
    case 'failed':
      if (result.retryable) counts.other += 1;
      else counts.unreachable += 1;
      return;
    case 'uncertain':
    case 'held':
    case 'abandoned':
      counts.other += 1;
  }
}

/** Once per round (its own claim), after the members: how many were reminded (this run or an earlier one) and how many not. */
async function tellProjectManagers(
  deps: CutoverReminderDeps,
  project: Project,
  reminder: DueReminder,
  counts: { reminded: number; alreadyDone: number; unreachable: number; other: number },
  runId: string,
  log: Logger,
): Promise<void> {
  if (!deps.notices || counts.other > 0) return; // Some people are still in flight elsewhere: a later run tells.
  const managers = project.members.filter((m) => m.role === 'project-manager');
  if (managers.length === 0) return;
  const claim = newClaim({ projectId: project.projectId, kind: 'cutover-reminder-summary', period: reminderSummaryPeriod(reminder), runId, now: deps.now(), leaseMs: 0 });
  const created = await deps.claims.create(claim);
  if (!created.created) return;
  try {
    const text = reminderSummaryText(project.organisationName, reminder, { reminded: counts.reminded + counts.alreadyDone, unreachable: counts.unreachable });
    const told = await deps.notices(project.tenantId, managers.map((m) => ({ userId: m.userId, label: m.name })), text, { projectId: project.projectId });
    const note = `told ${told.told.length} of ${managers.length} project managers`;
    await deps.claims.replace(advanceClaim(claim, { state: 'sent' }, { at: deps.now(), runId, note }), created.etag);
  } catch (err: unknown) {
    log.warn({ projectId: project.projectId, err: err instanceof Error ? err.name : typeof err }, 'telling the project manager about reminders failed');
  }
}
