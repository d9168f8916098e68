import { findMember, personOf, type Actor } from '../projects/actor';
import { retryOnConflict } from '../projects/conflictRetry';
import { loadProjectFor } from '../projects/projectAccess';
import type { ProjectDeps } from '../projects/projectDeps';
import { PermissionDenied } from '../shared/errors';
import { parseHighlightSlot, sameSlot, storedSlot, type HighlightSlot } from './highlightSchedule';

export const SLOT_PM_ONLY = 'Only the project manager can choose when the weekly report is posted.';

export type HighlightSlotChange =
  | { readonly kind: 'set'; readonly weekday?: unknown; readonly time?: unknown }
  /** Back to the organisation's default slot (`WEEKLY_HIGHLIGHT_CRON`). */
  | { readonly kind: 'default' };

/**
 * `highlight settings`: the project's own day and time for its weekly report, or back to the default. The project
 * manager's call, like where it is posted. The role is checked before the answers, so someone who may not change it
 * is told that rather than how to fill the form in; a bad answer throws `ValidationFailed` field by field and nothing
 * is saved. Kept in the project's history (who, when, before, after).
 */
export async function setHighlightSlot(
  deps: ProjectDeps,
  command: { readonly actor: Actor; readonly projectId: unknown; readonly change: HighlightSlotChange },
): Promise<{ readonly outcome: 'changed' | 'unchanged'; readonly slot: HighlightSlot | undefined }> {
  const { project, role } = await loadProjectFor(deps, command.actor, command.projectId);
  if (role !== 'project-manager') throw new PermissionDenied(SLOT_PM_ONLY);
  const wanted = command.change.kind === 'set' ? storedSlot(parseHighlightSlot(command.change)) : undefined;
  const at = deps.clock.now().toISOString();
  const by = personOf(command.actor);
  let outcome: 'changed' | 'unchanged' = 'changed';
  await retryOnConflict(
    () =>
      deps.projects.tryUpdate(project.projectId, (current) => {
        if (findMember(current, command.actor)?.role !== 'project-manager') throw new PermissionDenied(SLOT_PM_ONLY);
        const before = current.highlightSlot;
        if (sameSlot(before, wanted)) {
          outcome = 'unchanged';
          return undefined;
        }
        outcome = 'changed';
        const { highlightSlot: _old, ...rest } = current;
        return {
          project: wanted === undefined ? rest : { ...rest, highlightSlot: wanted },
          audit: [{ kind: 'highlight-slot-changed', at, by, before: plain(before), after: plain(wanted) }],
        };
      }),
    deps.conflictBackoff,
  );
  return { outcome, slot: wanted === undefined ? undefined : plain(wanted) ?? undefined };
}

function plain(slot: HighlightSlot | undefined): HighlightSlot | null {
  return slot === undefined ? null : { weekday: slot.weekday, time: slot.time };
}
