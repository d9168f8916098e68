import type { FieldError } from '../../shared/errors';
import { formatUkDate, isIsoDate, type IsoDate } from '../../shared/ukDates';
import type { RolloutGroup } from '../rolloutGroup';

/**
 * The rules for a project's roll-out groups (guide 6.1), pure, so every way in (typed command, card) checks the
 * same:
 *
 * - one pilot at most, and it goes first: its cutover is before every phase's (guide 5.2: the pilot tests the
 *   processes before the rest of the organisation moves);
 * - phases are numbered in the order made and cut over in that order: a phase's date is not before an earlier
 *   phase's;
 * - a cutover date is a real date and not in the past (UK time);
 * - names are 1 to 60 characters, and no two groups share one (ignoring case), so `group Phase 1` finds one group.
 */

export const GROUP_NAME_MAX_LENGTH = 60;

export function groupIdFor(kind: RolloutGroup['kind'], order: number): string {
  return kind === 'pilot' ? 'pilot' : `phase-${order}`;
}

/** The default name people see: "Pilot", "Phase 2". */
export function defaultGroupName(kind: RolloutGroup['kind'], order: number): string {
  return kind === 'pilot' ? 'Pilot' : `Phase ${order}`;
}

/** In roll-out order: the pilot first, then the phases by number. */
export function inRolloutOrder(groups: readonly RolloutGroup[]): RolloutGroup[] {
  return [...groups].sort((a, b) => a.order - b.order);
}

/** The next group's kind and order, or a problem (a second pilot). */
export function nextGroupSlot(groups: readonly RolloutGroup[], kind: RolloutGroup['kind']): { readonly order: number } | FieldError {
  if (kind === 'pilot') {
    if (groups.some((g) => g.kind === 'pilot')) return { field: 'kind', message: 'The project already has a pilot group. Rename it or change its date instead.' };
    return { order: 0 };
  }
  return { order: Math.max(0, ...groups.filter((g) => g.kind === 'phase').map((g) => g.order)) + 1 };
}

export function checkName(name: string, groups: readonly RolloutGroup[], ownId?: string): FieldError | undefined {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return { field: 'name', message: 'Please give the group a name.' };
  if (trimmed.length > GROUP_NAME_MAX_LENGTH) return { field: 'name', message: `Please keep the group's name to ${GROUP_NAME_MAX_LENGTH} characters or fewer.` };
  const clash = groups.find((g) => g.groupId !== ownId && g.name.toLowerCase() === trimmed.toLowerCase());
  if (clash) return { field: 'name', message: `There is already a group called ${clash.name}. Please choose another name.` };
  return undefined;
}

/**
 * Whether `date` may be the cutover of the group at `order` (kind `kind`), given the other groups. `today` is
 * London's. Undefined when it may.
 */
export function checkCutover(date: string, at: Pick<RolloutGroup, 'groupId' | 'kind' | 'order'>, groups: readonly RolloutGroup[], today: IsoDate): FieldError | undefined {
  if (!isIsoDate(date)) return { field: 'cutoverDate', message: 'Please give the cutover date as a real date, like 2027-03-01.' };
  if (date < today) return { field: 'cutoverDate', message: `The cutover date ${formatUkDate(date)} is in the past. Please choose today or a later date.` };
  const others = groups.filter((g) => g.groupId !== at.groupId && g.cutoverDate !== undefined);
  if (at.kind === 'phase') {
    const pilot = others.find((g) => g.kind === 'pilot');
    if (pilot?.cutoverDate !== undefined && date <= pilot.cutoverDate) {
      return { field: 'cutoverDate', message: `${pilot.name} moves on ${formatUkDate(pilot.cutoverDate)}, and the pilot goes first: please choose a date after it.` };
    }
    const earlier = others.filter((g) => g.kind === 'phase' && g.order < at.order && (g.cutoverDate ?? '') > date);
    const [first] = earlier;
    if (first?.cutoverDate !== undefined) return { field: 'cutoverDate', message: `${first.name} moves on ${formatUkDate(first.cutoverDate)}; phases move in order, so please choose that day or later.` };
    const later = others.filter((g) => g.kind === 'phase' && g.order > at.order && (g.cutoverDate ?? '') < date);
    const [next] = later;
    if (next?.cutoverDate !== undefined) return { field: 'cutoverDate', message: `${next.name} moves on ${formatUkDate(next.cutoverDate)}; phases move in order, so please choose that day or earlier.` };
  } else {
    const phase = others.filter((g) => g.kind === 'phase' && (g.cutoverDate ?? '') <= date);
    const [first] = inRolloutOrder(phase);
    if (first?.cutoverDate !== undefined) return { field: 'cutoverDate', message: `${first.name} moves on ${formatUkDate(first.cutoverDate)}, and the pilot goes first: please choose an earlier date.` };
  }
  return undefined;
}

/** Finds a group by what people type: its id (`phase-2`) or its name (`Phase 2`, `pilot`), ignoring case and spaces. */
export function findGroup(groups: readonly RolloutGroup[], typed: string): RolloutGroup | undefined {
  const key = typed.trim().replace(/\s+/g, ' ').toLowerCase();
  if (key === '') return undefined;
  return groups.find((g) => g.groupId === key || g.name.toLowerCase() === key || g.groupId === key.replace(/ /g, '-'));
}
