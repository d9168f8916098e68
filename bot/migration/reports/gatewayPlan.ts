import type { GatewayCatalogue, StageNumber } from '../gateways/catalogueTypes';
import type { Project } from '../projects/project';
import { addDays, daysBetween, type IsoDate } from '../shared/ukDates';

/**
 * When each gateway is planned to be passed.
 *
 * Why derived: a project records only its planned start and cutover. So,
 * unless the plan names a gateway's date, the time from planned start to
 * cutover is shared out between the gateways due before cutover in
 * proportion to the guide's planned working days for each (10, 10, 15 and 20
 * for gateways 1 to 4): gateway 1 is planned to be passed after 10/55 of the
 * time, gateway 2 after 20/55, and the last of them by cutover. Roll-out
 * (gateway 5) is planned for cutover; the post-migration review has no date.
 */
export function plannedGatewayDates(
  catalogue: GatewayCatalogue,
  project: Pick<Project, 'plannedStart' | 'plannedCutover'>,
  gatewaysBeforeCutover: readonly StageNumber[],
  overrides: Partial<Record<StageNumber, IsoDate>> = {},
): ReadonlyMap<StageNumber, IsoDate> {
  const dates = new Map<StageNumber, IsoDate>();
  const span = Math.max(0, daysBetween(project.plannedStart, project.plannedCutover));
  const weights = gatewaysBeforeCutover.map((stage) => catalogue.stages.find((s) => s.number === stage)?.plannedWorkingDays ?? 0);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let cumulative = 0;
  gatewaysBeforeCutover.forEach((stage, i) => {
    cumulative += weights[i] ?? 0;
    const share = total === 0 ? (i + 1) / gatewaysBeforeCutover.length : cumulative / total;
    dates.set(stage, addDays(project.plannedStart, Math.round(span * share)));
  });
  if (!gatewaysBeforeCutover.includes(5)) dates.set(5, project.plannedCutover);
  for (const [stage, date] of Object.entries(overrides) as [string, IsoDate | undefined][]) {
    if (date !== undefined) dates.set(Number(stage) as StageNumber, date);
  }
  return dates;
}
