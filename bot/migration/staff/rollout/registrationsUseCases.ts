import { can } from '../../gateways/roles';
import type { RegistrationMonth } from '../../questionnaire/answerTypes';
import { parseRegistrationPlan } from '../../questionnaire/registrationPlanInput';
import type { Actor } from '../../projects/actor';
import { retryOnConflict } from '../../projects/conflictRetry';
import { ValidationFailed } from '../../shared/errors';
import { todayInLondon } from '../../shared/ukDates';
import { inRolloutOrder } from './groupRules';
import { behindPlan, monthOf, plannedFromGroups, questionnaireDifferences, registrationRows, type BehindPlan, type GroupNeed, type RegistrationRow } from './registrations';
import { loadRolloutFor } from './rolloutAccess';
import type { RolloutDeps } from './rolloutDeps';
import type { IsoMonth } from './rolloutPlan';
import { DEFAULT_ROLLOUT_SETTINGS } from './rolloutSettings';

/** The questionnaire question whose answer is the plan sent to NHS Digital (sections/registrations.ts). */
export const QUESTIONNAIRE_PLAN_QUESTION = 'registrations-plan';

export interface RegistrationsView {
  readonly rows: readonly RegistrationRow[];
  readonly needs: readonly GroupNeed[];
  readonly currentMonth: IsoMonth;
  readonly behind?: BehindPlan;
  readonly questionnaireDifferences: readonly string[];
  readonly hasQuestionnairePlan: boolean;
  readonly planVersion: number;
  readonly canChange: boolean;
}

/**
 * New accounts needed in each group: its people less those who hold an NHSmail account already (status
 * `not-needed`, which the import sets for anyone with an NHSmail address). Two counts per group.
 */
export async function groupNeeds(deps: RolloutDeps, projectId: string): Promise<GroupNeed[]> {
  const groups = inRolloutOrder(await deps.groups.all(projectId));
  return Promise.all(
    groups.map(async (group) => {
      const [all, notNeeded] = await Promise.all([deps.staff.count(projectId, { groupId: group.groupId }), deps.staff.count(projectId, { groupId: group.groupId, status: 'not-needed' })]);
      return { group, newAccounts: Math.max(0, all - notNeeded) };
    }),
  );
}

/** The figures for a project, without the role check: for the use case below and the monthly reminder and highlight. */
export async function registrationFigures(deps: RolloutDeps, projectId: string): Promise<Omit<RegistrationsView, 'canChange'>> {
  const settings = deps.settings ?? DEFAULT_ROLLOUT_SETTINGS;
  const [needs, registered, plan, answers] = await Promise.all([
    groupNeeds(deps, projectId),
    deps.registrations.registeredByMonth(projectId),
    deps.plans.get(projectId),
    deps.questionnaire?.get(projectId),
  ]);
  const answer = answers?.answers[QUESTIONNAIRE_PLAN_QUESTION]?.value;
  const asked: readonly RegistrationMonth[] | undefined = answer?.type === 'monthly-registrations' ? answer.value : undefined;
  const rows = registrationRows(plannedFromGroups(needs), plan.plannedOverrides, registered, asked ?? []);
  const currentMonth = monthOf(todayInLondon(deps.clock.now()));
  const behind = behindPlan(rows, currentMonth, settings.behindPlanShare);
  return {
    rows,
    needs,
    currentMonth,
    ...(behind === undefined ? {} : { behind }),
    questionnaireDifferences: questionnaireDifferences(rows),
    hasQuestionnairePlan: asked !== undefined,
    planVersion: plan.version,
  };
}

export async function getRegistrations(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown }): Promise<RegistrationsView> {
  const { project, role } = await loadRolloutFor(deps, command.actor, command.projectId, 'read-rollout');
  return { ...(await registrationFigures(deps, project.projectId)), canChange: can(role, 'change-rollout') };
}

/**
 * The project team's own planned figures, typed one month a line ("2027-01: 200"). A month typed with the groups'
 * own figure goes back to following the groups; months not typed keep what they had.
 */
export async function setPlannedFigures(deps: RolloutDeps, command: { readonly actor: Actor; readonly projectId: unknown; readonly text: string }): Promise<RegistrationsView> {
  const { project, role } = await loadRolloutFor(deps, command.actor, command.projectId, 'change-rollout');
  const parsed = parseRegistrationPlan(command.text);
  if (!parsed.ok) throw new ValidationFailed([{ field: 'planned', message: parsed.message }]);
  if (parsed.value.length === 0) throw new ValidationFailed([{ field: 'planned', message: 'Please give at least one month and number, like 2027-01: 200.' }]);
  const derived = plannedFromGroups(await groupNeeds(deps, project.projectId));
  const at = deps.clock.now().toISOString();
  await retryOnConflict(
    () =>
      deps.plans.tryUpdate(project.projectId, (current) => {
        const overrides: Record<IsoMonth, number> = { ...current.plannedOverrides };
        for (const { month, planned } of parsed.value) {
          if (planned === (derived.get(month) ?? 0)) delete overrides[month];
          else overrides[month] = planned;
        }
        if (JSON.stringify(overrides) === JSON.stringify(current.plannedOverrides)) return undefined;
        return { ...current, plannedOverrides: overrides, updatedAt: at, version: current.version + 1 };
      }),
    deps.backoff,
  );
  return { ...(await registrationFigures(deps, project.projectId)), canChange: can(role, 'change-rollout') };
}
