import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Logger } from '../log';
import type { ReferenceStore } from '../teams/conversationReferences';
import { resolveReportsTarget } from '../teams/reportsTarget';
import { deliverOnce, type DeliveryResult, type Sender } from './deliverOnce';
import { addDays, todayInLondon } from '../migration/shared/ukDates';
import { isoWeekOfDate, type IsoWeek } from './isoWeek';
import { onceAWeek } from './onceAWeek';
import { londonMinuteOfWeek, reportedWeek } from '../migration/reports/highlightSchedule';
import { weekContaining } from '../migration/reports/londonWeeks';
import type { ClaimStore, DueFilter, DueProject, DueProjectSource } from './ports';

/**
 * What to post for a project this week: the port the highlight composer fills. Undefined means "nothing to post"
 * (the project has gone); a throw is retried by a later run the same week.
 */
export type ComposeHighlight = (projectId: string, week: IsoWeek) => Promise<Partial<Activity> | undefined>;

export interface WeeklyHighlightDeps {
  readonly due: DueProjectSource;
  readonly claims: ClaimStore;
  readonly references: ReferenceStore;
  readonly sender: Sender;
  readonly compose: ComposeHighlight;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Resolves after `ms`, or early on abort (waiting for claims held by a run that died). */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The bot's id (`28:<app id>`) for projects whose team has no stored reference yet. */
  readonly fallbackBotId?: string;
  readonly tuning?: Partial<JobTuning>;
  /**
   * Told once when a project's post for the week ends failed (bot removed or blocked, no channel, Teams refused it,
   * or Teams stayed busy through every retry of the run), so someone can put it right or knows why it is late. Best effort: a throw is logged, never retried.
   */
  readonly onUndelivered?: UndeliveredHook;
  /**
   * Weekly reminders that ride on the scheduled run (never on `post highlight now`): run once the project's post for
   * the week is settled (sent now or before, or failed for good), at most once per project per week by their own
   * claim (`review-reminders:<week>`), so an early post does not make the week's run skip them. Best effort: a throw
   * is logged and never touches the post.
   */
  readonly afterPosted?: AfterPostedHook;
}

/** What rides on a delivered weekly post (runtime: overdue risk review reminders). */
export type AfterPostedHook = (project: DueProject, week: IsoWeek) => Promise<void>;

/** The port runtime wires to personal notices for the project's PM(s); `reason` is the claim's reason code. */
export type UndeliveredHook = (project: DueProject, week: IsoWeek, reason: string) => Promise<void>;

export interface JobTuning {
  /** Claim lease: how long a claim outlives its run's last write. Short means a crashed run's projects are retried sooner. */
  readonly leaseMs: number;
  /** Projects in flight at once; enough to keep the tenant's token bucket busy while some wait on Retry-After. */
  readonly concurrency: number;
  readonly pageSize: number;
  /** Give up waiting for claims held by others after this long (they are then picked up by the next run). */
  readonly maxHeldWaitMs: number;
}

export const DEFAULT_JOB_TUNING: JobTuning = { leaseMs: 60_000, concurrency: 64, pageSize: 100, maxHeldWaitMs: 15 * 60_000 };

export interface RunSummary {
  readonly runId: string;
  readonly week: IsoWeek;
  readonly listed: number;
  readonly sent: number;
  readonly alreadyDone: number;
  readonly failed: number;
  readonly uncertain: number;
  /** Still held by another run (alive, or not yet expired) when this run stopped waiting. */
  readonly heldByOthers: number;
  readonly abandoned: number;
  readonly errors: number;
  readonly durationMs: number;
}

/**
 * Which projects a run is for, and when. Without one, a run is for everyone due by now: the projects on the default
 * slot (reporting on the week just ended) and those whose own slot has come this week (each reporting on its slot's
 * week, `reportedWeek`).
 */
export interface RunScope {
  readonly filter: DueFilter;
  /** The instant slots are judged at (a window that ran past Sunday midnight judges its old-week part at the window's start). */
  readonly at?: Date;
  /** Read this week's finished claims first, in one paged query, and skip those projects without a read each (catch-up scans). */
  readonly skipFinished?: boolean;
}

/** Everyone due by `now`: the catch-up scan's filter. */
export function dueByNow(now: Date, includeDefault: boolean): DueFilter {
  return { includeDefault, slotMinutes: { after: -1, upTo: londonMinuteOfWeek(now) } };
}

/**
 * The weekly run: every project with a reports target gets this ISO week's highlight once, whoever runs it and
 * however often. Projects are read a page at a time; each is claimed, composed and sent within a bounded pool; those
 * whose claim another run holds are looked at again once that claim expires, so a restart after a crash finishes
 * the week without waiting for next Monday and without sending anything twice.
 */
export async function runWeeklyHighlights(
  deps: WeeklyHighlightDeps,
  options: { readonly week?: IsoWeek; readonly runId?: string; readonly signal?: AbortSignal; readonly scope?: RunScope } = {},
): Promise<RunSummary> {
  const tuning = { ...DEFAULT_JOB_TUNING, ...deps.tuning };
  const runId = options.runId ?? randomUUID();
  const at = options.scope?.at ?? deps.now();
  const filter = options.scope?.filter ?? dueByNow(at, true);
  // The Monday post reports on the week just ended, and that week is the claim's key (see jobs/highlightPost.ts); a
  // project's own slot reports on its slot's week. An explicit week is for every project of the run.
  const week = options.week ?? weekJustEnded(at);
  const weekOf = (project: DueProject): IsoWeek => options.week ?? (project.slot ? reportedWeek(project.slot, at).key : week);
  const started = deps.now().getTime();
  const log = deps.logger.child({ module: 'weekly-highlights', runId, week });
  const counts = { listed: 0, sent: 0, alreadyDone: 0, failed: 0, uncertain: 0, heldByOthers: 0, abandoned: 0, errors: 0 };
  const held = new Map<string, { project: DueProject; until: number }>();
  const signal = options.signal;

  const deliverDeps = { claims: deps.claims, references: deps.references, sender: deps.sender, now: deps.now, leaseMs: tuning.leaseMs, runId, logger: log };
  const one = async (project: DueProject): Promise<void> => {
    let result: DeliveryResult;
    try {
      result = await deliverOnce(
        deliverDeps,
        {
          projectId: project.projectId,
          kind: 'highlight',
          period: weekOf(project),
          target: () => resolveReportsTarget(project, deps.references, deps.fallbackBotId),
          compose: () => deps.compose(project.projectId, weekOf(project)),
        },
        signal,
      );
    } catch (err: unknown) {
      counts.errors += 1;
      log.error({ projectId: project.projectId, err: err instanceof Error ? err.name : typeof err }, 'highlight delivery errored; retried once its claim expires');
      // The claim (if any) is left `claimed` or `sending`; looking again after the lease takes it over or marks it uncertain.
      if (counts.errors <= tuning.concurrency * 4) held.set(project.projectId, { project, until: deps.now().getTime() + tuning.leaseMs });
      return;
    }
    held.delete(project.projectId);
    switch (result.outcome) {
      case 'sent':
        counts.sent += 1;
        await afterPosted(deps, project, weekOf(project), { leaseMs: tuning.leaseMs, runId }, log);
        break;
      case 'already-done':
        counts.alreadyDone += 1;
        await afterPosted(deps, project, weekOf(project), { leaseMs: tuning.leaseMs, runId }, log);
        break;
      case 'failed':
        counts.failed += 1;
        if (!result.retryable) await afterPosted(deps, project, weekOf(project), { leaseMs: tuning.leaseMs, runId }, log);
        // Final failures are told; so is a send Teams kept refusing all through the run (429s, 5xx), the first time
        // only: a later run this week takes the claim over and may still post it, but nobody is left wondering.
        if (result.reason !== 'nothing-to-post' && result.reason !== 'compose-error' && (!result.retryable || result.firstFailure)) {
          await tellUndelivered(deps, project, weekOf(project), result.reason, log);
        }
        break;
      case 'uncertain':
        counts.uncertain += 1;
        break;
      case 'abandoned':
        counts.abandoned += 1;
        break;
      case 'held':
        held.set(project.projectId, { project, until: result.until });
        break;
    }
  };

  const finished = options.scope?.skipFinished === true ? await finishedClaims(deps, [week, weekContaining(at).key, ...(options.week ? [options.week] : [])], tuning.pageSize) : undefined;
  const isFinished = (project: DueProject): boolean =>
    finished !== undefined &&
    finished.has(`${project.projectId}|highlight|${weekOf(project)}`) &&
    (deps.afterPosted === undefined || finished.has(`${project.projectId}|${REVIEW_REMINDERS_KIND}|${weekOf(project)}`));

  const pool = new Pool(tuning.concurrency);
  for await (const page of deps.due.pages(tuning.pageSize, filter)) {
    if (signal?.aborted) break;
    counts.listed += page.length;
    for (const project of page) {
      if (signal?.aborted) break;
      if (isFinished(project)) {
        counts.alreadyDone += 1;
        continue;
      }
      await pool.add(() => one(project));
    }
  }
  await pool.drain();

  // Claims another run held: a live run finishes them; a dead run's expire and are taken over here.
  const giveUpAt = deps.now().getTime() + tuning.maxHeldWaitMs;
  while (held.size > 0 && !signal?.aborted && deps.now().getTime() < giveUpAt) {
    const earliest = Math.min(...[...held.values()].map((h) => h.until));
    const wait = Math.max(0, Math.min(earliest - deps.now().getTime(), giveUpAt - deps.now().getTime())) + 50;
    await deps.sleep(wait, signal);
    const ready = [...held.values()].filter((h) => h.until <= deps.now().getTime());
    for (const { project } of ready) await pool.add(() => one(project));
    await pool.drain();
  }
  counts.heldByOthers = held.size;

  const summary: RunSummary = { runId, week, ...counts, durationMs: deps.now().getTime() - started };
  log.info(summary, 'weekly highlight run finished');
  return summary;
}

/**
 * One project's highlight for `week`, now, through the same claim as the weekly run (`post highlight now`): whoever
 * gets there first posts, and the other finds the week claimed and posts nothing.
 */
export async function deliverHighlightNow(deps: WeeklyHighlightDeps, project: DueProject, week: IsoWeek): Promise<DeliveryResult> {
  const tuning = { ...DEFAULT_JOB_TUNING, ...deps.tuning };
  const runId = randomUUID();
  const logger = deps.logger.child({ module: 'weekly-highlights', runId, week, trigger: 'post-now' });
  return deliverOnce(
    { claims: deps.claims, references: deps.references, sender: deps.sender, now: deps.now, leaseMs: tuning.leaseMs, runId, logger },
    {
      projectId: project.projectId,
      kind: 'highlight',
      period: week,
      target: () => resolveReportsTarget(project, deps.references, deps.fallbackBotId),
      compose: () => deps.compose(project.projectId, week),
    },
  );
}

async function tellUndelivered(deps: WeeklyHighlightDeps, project: DueProject, week: IsoWeek, reason: string, log: Logger): Promise<void> {
  if (!deps.onUndelivered) return;
  try {
    await deps.onUndelivered(project, week, reason);
  } catch (err: unknown) {
    log.warn({ projectId: project.projectId, err: err instanceof Error ? err.name : typeof err }, 'telling the project manager about an undelivered post failed');
  }
}

/** The claim kind that keeps the review reminders to once a week, apart from the post's own claim. */
export const REVIEW_REMINDERS_KIND = 'review-reminders';

async function afterPosted(deps: WeeklyHighlightDeps, project: DueProject, week: IsoWeek, run: { readonly leaseMs: number; readonly runId: string }, log: Logger): Promise<void> {
  const hook = deps.afterPosted;
  if (!hook) return;
  try {
    await onceAWeek({ claims: deps.claims, now: deps.now, ...run }, { projectId: project.projectId, kind: REVIEW_REMINDERS_KIND, week }, () => hook(project, week));
  } catch (err: unknown) {
    log.warn({ projectId: project.projectId, err: err instanceof Error ? err.name : typeof err }, 'what rides on the weekly post failed');
  }
}

/** `project|kind|period` of every finished claim for these weeks: ids only, so thousands fit in memory. */
async function finishedClaims(deps: WeeklyHighlightDeps, weeks: readonly IsoWeek[], pageSize: number): Promise<ReadonlySet<string> | undefined> {
  if (!deps.claims.finished) return undefined;
  const kinds = deps.afterPosted ? ['highlight', REVIEW_REMINDERS_KIND] : ['highlight'];
  const keys = new Set<string>();
  for await (const page of deps.claims.finished(kinds, [...new Set(weeks)], pageSize * 10)) {
    for (const claim of page) keys.add(`${claim.projectId}|${claim.kind}|${claim.period}`);
  }
  return keys;
}

/** The ISO week before the one holding `now` in London: what a Monday run reports on. */
export function weekJustEnded(now: Date): IsoWeek {
  return isoWeekOfDate(addDays(todayInLondon(now), -7));
}

/** At most `size` tasks at once; `add` waits for a free slot, so a page is never all in flight. */
class Pool {
  private running = new Set<Promise<void>>();

  constructor(private readonly size: number) {}

  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.size) await Promise.race(this.running);
    const promise: Promise<void> = task().finally(() => {
      this.running.delete(promise);
    });
    this.running.add(promise);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
  }
}
