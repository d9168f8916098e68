import { findMember, personOf, type Actor } from '../projects/actor';
import { retryOnConflict } from '../projects/conflictRetry';
import { loadProjectFor } from '../projects/projectAccess';
import type { ProjectDeps } from '../projects/projectDeps';
import { PermissionDenied } from '../shared/errors';

export const REPORTS_PM_ONLY = 'Only the project manager can choose where the weekly report is posted.';

/**
 * `reports here`: the weekly report goes to another channel from now on. The project manager's call, as the report
 * speaks for the project; `target` is the Teams edge's opaque description of the channel.
 */
export async function moveReports(deps: ProjectDeps, command: { readonly actor: Actor; readonly projectId: string; readonly target: string }): Promise<'moved' | 'already-here'> {
  const { project, role } = await loadProjectFor(deps, command.actor, command.projectId);
  if (role !== 'project-manager') throw new PermissionDenied(REPORTS_PM_ONLY);
  if (project.reportsConversationRef === command.target) return 'already-here';
  const at = deps.clock.now().toISOString();
  const by = personOf(command.actor);
  let outcome: 'moved' | 'already-here' = 'moved';
  await retryOnConflict(
    () =>
      deps.projects.tryUpdate(project.projectId, (current) => {
        if (findMember(current, command.actor)?.role !== 'project-manager') throw new PermissionDenied(REPORTS_PM_ONLY);
        if (current.reportsConversationRef === command.target) {
          outcome = 'already-here';
          return undefined;
        }
        outcome = 'moved';
        return { project: { ...current, reportsConversationRef: command.target }, audit: [{ kind: 'reports-moved', at, by }] };
      }),
    deps.conflictBackoff,
  );
  return outcome;
}

/** Whether the person may post the report early: the project manager, as for moving it. */
export function assertMayPostReport(role: string): void {
  if (role !== 'project-manager') throw new PermissionDenied('Only the project manager can post the highlight report early.');
}
