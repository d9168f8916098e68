import { MILESTONE_KINDS, type Milestone, type MilestoneKind } from '../gateways/gatewayState';
import { assertCan } from '../gateways/roles';
import { ValidationFailed, type FieldError } from '../shared/errors';
import { isIsoDate } from '../shared/ukDates';
import { findMember, personOf, type Actor } from './actor';
import { retryOnConflict } from './conflictRetry';
import { loadProjectFor } from './projectAccess';
import type { ProjectDeps } from './projectDeps';

export const MILESTONE_NOTE_MAX_LENGTH = 500;

export interface RecordMilestoneCommand {
  readonly actor: Actor;
  readonly projectId: string;
  readonly kind: MilestoneKind;
  readonly date: string;
  /** Optional, except for 'other', where it is the only thing saying what the milestone is. */
  readonly note?: string;
}

/** Records a dated milestone (pipeline slot, pilot go / no-go, …) on the project. Returns it as saved. */
export async function recordMilestone(deps: ProjectDeps, command: RecordMilestoneCommand): Promise<Milestone> {
  const note = (command.note ?? '').trim();
  const date = command.date.trim();
  const errors: FieldError[] = [];
  if (!(MILESTONE_KINDS as readonly string[]).includes(command.kind)) errors.push({ field: 'kind', message: 'Please choose what kind of milestone this is.' });
  if (!isIsoDate(date)) errors.push({ field: 'date', message: 'Please give the date as a real date, for example 2026-11-25.' });
  if (command.kind === 'other' && note === '') errors.push({ field: 'note', message: 'Please say what the milestone is.' });
  if (note.length > MILESTONE_NOTE_MAX_LENGTH) errors.push({ field: 'note', message: `Please keep the note to ${MILESTONE_NOTE_MAX_LENGTH} characters or fewer.` });
  if (errors.length > 0) throw new ValidationFailed(errors);

  const { project, role } = await loadProjectFor(deps, command.actor, command.projectId);
  assertCan(role, 'record-milestone');
  const by = personOf(command.actor);
  const at = deps.clock.now().toISOString();
  // Made once, outside the retries: every attempt re-applies the same milestone, and the id keeps it from landing twice.
  const milestone: Milestone = { id: deps.ids.newId(), kind: command.kind, date, note, recordedBy: by };

  await retryOnConflict(() =>
    deps.projects.tryUpdate(project.projectId, (current) => {
      assertCan(findMember(current, command.actor)?.role ?? 'staff', 'record-milestone');
      if (current.milestones.some((m) => m.id === milestone.id)) return undefined;
      return {
        project: { ...current, milestones: [...current.milestones, milestone] },
        audit: [{ kind: 'milestone-recorded', at, by, milestoneId: milestone.id, milestoneKind: milestone.kind, date }],
      };
    }),
    deps.conflictBackoff,
  );
  return milestone;
}
