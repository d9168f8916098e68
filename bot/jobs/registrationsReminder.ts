import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';
import type { ProjectRepository } from '../migration/projects/projectRepository';
import { todayInLondon } from '../migration/shared/ukDates';
import { reminderClaimId, reminderDue, reminderText } from '../migration/staff/rollout/monthlyReminder';
import { registrationFigures } from '../migration/staff/rollout/registrationsUseCases';
import type { RolloutDeps } from '../migration/staff/rollout/rolloutDeps';
import { DEFAULT_ROLLOUT_SETTINGS } from '../migration/staff/rollout/rolloutSettings';
import type { PersonalNotices } from '../teams/personalNotices';
import { advanceClaim, decideOnExistingClaim, newClaim } from './deliveryClaim';
import type { ClaimStore, DueProjectSource } from './ports';

export interface RegistrationsReminderDeps {
  readonly due: DueProjectSource;
  readonly claims: ClaimStore;
  readonly projects: Pick<ProjectRepository, 'get'>;
  readonly rollout: RolloutDeps;
  readonly notices: PersonalNotices;
  readonly now: () => Date;
  readonly logger: Logger;
}

export interface ReminderRunSummary {
  /** The month reminded about, or undefined when no reminder is due today. */
  readonly month?: string;
  readonly reminded: number;
  /** Already reminded this month (or being reminded by another run). */
  readonly skipped: number;
}

/** Long enough for one project's figures and its PMs' messages; a run that dies is taken over after it. */
const LEASE_MS = 5 * 60 * 1000;
export const REMINDER_CLAIM_KIND = 'registrations-reminder';
/** Every day at 09:30 UK time (the weekly highlight goes at 09:00 on Mondays). */
export const REGISTRATIONS_REMINDER_CRON = '30 9 * * *';

/**
 * Before each month ends, the project manager is told in a personal chat that NHS Digital expects the month's
 * registrations, with the figures ready to send (guide 6.1). Runs daily; from the reminder day to the month's end
 * each project is reminded once: a claim `registrations-reminder:<YYYY-MM>` in the project's partition is created
 * first (a second run gets 409 and leaves it), moved to `sending` before the messages and `sent` after. A run that
 * died before `sending` is taken over; one that died after it is not sent again (a duplicate message cannot be taken
 * back), exactly as the weekly highlight's claims.
 */
export async function runRegistrationsReminders(deps: RegistrationsReminderDeps): Promise<ReminderRunSummary> {
  const log = deps.logger.child({ module: 'registrations-reminder' });
  const settings = deps.rollout.settings ?? DEFAULT_ROLLOUT_SETTINGS;
  const now = deps.now();
  const month = reminderDue(todayInLondon(now), settings.reminderWorkingDaysBeforeMonthEnd);
  if (month === undefined) return { reminded: 0, skipped: 0 };
  const runId = randomUUID();
  let reminded = 0;
  let skipped = 0;
  for await (const page of deps.due.pages(50)) {
    for (const due of page) {
      try {
        if (await remindOne(deps, due.projectId, month, runId)) reminded += 1;
        else skipped += 1;
      } catch (err) {
        log.warn({ projectId: due.projectId, err: err instanceof Error ? err.name : 'unknown' }, 'reminder failed');
      }
    }
  }
  log.info({ month, reminded, skipped }, 'registrations reminders run');
  return { month, reminded, skipped };
}

async function remindOne(deps: RegistrationsReminderDeps, projectId: string, month: string, runId: string): Promise<boolean> {
  const now = deps.now();
  let claim = newClaim({ projectId, kind: REMINDER_CLAIM_KIND, period: month, runId, now, leaseMs: LEASE_MS });
  const created = await deps.claims.create(claim);
  let etag: string;
  if (created.created) etag = created.etag;
  else {
    const existing = await deps.claims.read(projectId, reminderClaimId(month));
    if (!existing) return false;
    const decision = decideOnExistingClaim(existing.claim, now.getTime());
    if (decision.kind === 'mark-uncertain') {
      await deps.claims.replace(advanceClaim(existing.claim, { state: 'uncertain' }, { at: now, runId, note: 'run died while sending' }), existing.etag);
      return false;
    }
    if (decision.kind !== 'take-over') return false;
    claim = advanceClaim(existing.claim, { state: 'claimed', runId, expiresAt: new Date(now.getTime() + LEASE_MS).toISOString(), takeovers: existing.claim.takeovers + 1 }, { at: now, runId });
    const taken = await deps.claims.replace(claim, existing.etag);
    if (!taken.replaced) return false;
    etag = taken.etag;
  }
  const project = await deps.projects.get(projectId);
  const pms = project?.members.filter((m) => m.role === 'project-manager') ?? [];
  if (project === undefined || pms.length === 0) {
    await deps.claims.replace(advanceClaim(claim, { state: 'failed', reason: 'no project manager' }, { at: now, runId }), etag);
    return false;
  }
  const figures = await registrationFigures({ ...deps.rollout, clock: { now: deps.now } }, projectId);
  const sending = advanceClaim(claim, { state: 'sending', attempts: claim.attempts + 1 }, { at: now, runId });
  const moved = await deps.claims.replace(sending, etag);
  if (!moved.replaced) return false;
  const outcome = await deps.notices(project.tenantId, pms.map((pm) => ({ userId: pm.userId, label: pm.name })), reminderText(project.organisationName, figures.rows, month), { projectId, month });
  const told = outcome.told.length > 0;
  await deps.claims.replace(
    advanceClaim(sending, told ? { state: 'sent' } : { state: 'failed', reason: 'no project manager could be reached in a personal chat' }, { at: deps.now(), runId }),
    moved.etag,
  );
  return told;
}
