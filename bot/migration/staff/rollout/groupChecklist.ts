import { personOf, type Actor } from '../../projects/actor';
import { retryOnConflict } from '../../projects/conflictRetry';
import { NotFound, StaleEdit } from '../../shared/errors';
import type { RolloutGroup } from '../rolloutGroup';
import { stepsFor, type GroupStep } from './groupSteps';
import { loadGroup, loadRolloutFor } from './rolloutAccess';
import type { RolloutDeps } from './rolloutDeps';
import type { GroupStepState, RolloutPlan } from './rolloutPlan';

export interface GroupChecklistStep {
  readonly step: GroupStep;
  readonly state?: GroupStepState;
}

export interface GroupChecklist {
  readonly group: RolloutGroup;
  readonly steps: readonly GroupChecklistStep[];
  readonly done: number;
  /** The plan record's version, so a tick from an old card is refused rather than undoing someone's. */
  readonly planVersion: number;
  readonly canChange: boolean;
}

function checklistOf(group: RolloutGroup, plan: RolloutPlan, canChange: boolean): GroupChecklist {
  const states = plan.checklists[group.groupId] ?? {};
  const steps = stepsFor(group.kind).map((step) => {
    const state = Object.hasOwn(states, step.id) ? states[step.id] : undefined;
    return state === undefined ? { step } : { step, state };
  });
  return { group, steps, done: steps.filter((s) => s.state?.done === true).length, planVersion: plan.version, canChange };
}

/** A group's roll-out checklist (the guide's steps for the pilot or a phase). */
export async function getGroupChecklist(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown; readonly groupId: unknown }): Promise<GroupChecklist> {
  const { project } = await loadRolloutFor(deps, command.actor, command.projectId, 'read-rollout');
  const group = await loadGroup(deps, project.projectId, command.groupId);
  return checklistOf(group, await deps.plans.get(project.projectId), true);
}

/**
 * Ticks a step done (or open again). The project team do the work, so any of them may tick (as on the gateway
 * checklists; staff never see it); the check is against the step's own state (`seenAt`, when it was last ticked as
 * the card showed it), not the whole record's version, so two people ticking different steps both land, and only a
 * step someone else changed since the card was drawn is refused.
 */
export async function tickGroupStep(
  deps: RolloutDeps,
  command: { readonly actor: Actor; readonly projectId: unknown; readonly groupId: unknown; readonly stepId: unknown; readonly done: boolean; readonly seenAt?: string },
): Promise<GroupChecklist> {
  const { project } = await loadRolloutFor(deps, command.actor, command.projectId, 'read-rollout');
  const group = await loadGroup(deps, project.projectId, command.groupId);
  const step = stepsFor(group.kind).find((s) => s.id === command.stepId);
  if (step === undefined) throw new NotFound('roll-out step', String(command.stepId), 'Open the group’s checklist again.');
  const at = deps.clock.now().toISOString();
  const plan = await retryOnConflict(
    () =>
      deps.plans.tryUpdate(project.projectId, (current) => {
        const states = current.checklists[group.groupId] ?? {};
        const was = Object.hasOwn(states, step.id) ? states[step.id] : undefined;
        if ((was?.at ?? '') !== (command.seenAt ?? was?.at ?? '')) throw new StaleEdit(0, 1);
        if ((was?.done ?? false) === command.done) return undefined;
        return {
          ...current,
          checklists: { ...current.checklists, [group.groupId]: { ...states, [step.id]: { done: command.done, by: personOf(command.actor), at } } },
          updatedAt: at,
          version: current.version + 1,
        };
      }),
    deps.backoff,
  );
  return checklistOf(group, plan, true);
}
