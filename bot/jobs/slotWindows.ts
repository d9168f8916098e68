import { londonMinuteOfWeek } from '../migration/reports/highlightSchedule';
import { weekContaining } from '../migration/reports/londonWeeks';

/**
 * The projects' own slots that came due between two instants, as ranges of minutes of the week `(after, upTo]` on
 * London's clock, each with the instant its slots' reported week is worked out from.
 */
export interface SlotWindow {
  readonly after: number;
  readonly upTo: number;
  readonly at: Date;
}

const WEEK_MINUTES = 7 * 1440;

/**
 * Longest gap a tick covers by windows; past it (the process was suspended, the clock jumped) a catch-up scan is
 * asked for instead, which looks at every slot of the week.
 */
export const MAX_TICK_GAP_MS = 6 * 60 * 60_000;

/**
 * The windows from `from` (exclusive) to `to` (inclusive), or `undefined` when the gap is too long for windows. Over
 * Sunday midnight, two: the old week's end, judged at `from` (so a Sunday 23:59 slot reports on its own week), and the
 * new week's start. London's clock: in the spring gap the skipped minutes fall inside one window; in the autumn
 * hour that happens twice the clock goes back, and the repeated minutes, already covered, give no window.
 */
export function slotWindowsBetween(from: Date, to: Date): readonly SlotWindow[] | undefined {
  if (to.getTime() <= from.getTime()) return [];
  if (to.getTime() - from.getTime() > MAX_TICK_GAP_MS) return undefined;
  const start = londonMinuteOfWeek(from);
  const end = londonMinuteOfWeek(to);
  if (weekContaining(from).key === weekContaining(to).key) return end > start ? [{ after: start, upTo: end, at: to }] : [];
  return [
    ...(start < WEEK_MINUTES - 1 ? [{ after: start, upTo: WEEK_MINUTES - 1, at: from }] : []),
    { after: -1, upTo: end, at: to },
  ];
}
