import type { HighlightSlot } from '../migration/reports/highlightSchedule';
import type { DeliveryClaim } from './deliveryClaim';

/**
 * What the proactive jobs need from storage. Cosmos implements them in bot/storage/jobs; the job logic only sees
 * these, so the exactly-once rules read the same whatever keeps the documents.
 */
export interface ClaimStore {
  /** Creates the claim; `created: false` when one already exists (Cosmos 409): someone else got there first. */
  create(claim: DeliveryClaim): Promise<{ readonly created: true; readonly etag: string } | { readonly created: false }>;
  read(projectId: string, claimId: string): Promise<{ readonly claim: DeliveryClaim; readonly etag: string } | undefined>;
  /** Replaces only if unchanged since `etag` was read; `replaced: false` on 412 (another run moved it). */
  replace(claim: DeliveryClaim, etag: string): Promise<{ readonly replaced: true; readonly etag: string } | { readonly replaced: false }>;
  /**
   * The claims of these kinds and periods that a run has nothing more to do for (sent, uncertain, failed for good;
   * reminders done), a page at a time: one query, so a catch-up run skips finished projects without reading each.
   */
  finished?(kinds: readonly string[], periods: readonly string[], pageSize: number): AsyncIterable<readonly FinishedClaim[]>;
}

export interface FinishedClaim {
  readonly projectId: string;
  readonly kind: string;
  readonly period: string;
}

/** A project whose reports go somewhere, as the listing query returns it: enough to find the target without a read. */
export interface DueProject {
  readonly projectId: string;
  readonly tenantId: string;
  readonly teamId?: string;
  /** The project's opaque reports target (bot/teams/conversationRef.ts). */
  readonly reportsTarget: string;
  /** The project's own day and time (`highlight settings`); absent: the default slot. */
  readonly slot?: HighlightSlot;
}

/**
 * Which projects a run is for. `includeDefault`: those on the default slot (`WEEKLY_HIGHLIGHT_CRON`). `slotMinutes`:
 * those with their own slot whose minute of the week (London's clock, Monday 00:00 = 0) is in `(after, upTo]`;
 * absent, none of them.
 */
export interface DueFilter {
  readonly includeDefault: boolean;
  readonly slotMinutes?: { readonly after: number; readonly upTo: number };
}

/** Projects with a reports target, a page at a time (continuation tokens), so thousands never sit in memory at once. */
export interface DueProjectSource {
  pages(pageSize: number, filter?: DueFilter): AsyncIterable<readonly DueProject[]>;
}
