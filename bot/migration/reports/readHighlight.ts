import type { GatewayCatalogue, StageNumber } from '../gateways/catalogueTypes';
import { STAGE_NUMBERS } from '../gateways/catalogueTypes';
import { assertActor, type Actor } from '../projects/actor';
import type { Clock } from '../projects/clock';
import type { GatewayRepository } from '../projects/gatewayRepository';
import { placeIn, projectNotFound } from '../projects/projectAccess';
import type { Project } from '../projects/project';
import type { ProjectRepository } from '../projects/projectRepository';
import type { RiskRepository } from '../risks/riskRepository';
import type { RiskSettings } from '../risks/riskSettings';
import { PermissionDenied } from '../shared/errors';
import { composeHighlight, type GatewayWithAudit, type HighlightInput, type HighlightReport } from './composeHighlight';
import type { HighlightSettings } from './highlightSettings';
import type { LondonWeek } from './londonWeeks';

/**
 * Gathering what the highlight composer needs, over ports, in as few storage
 * operations as the store allows: the report replays every audit line of a
 * project, so reading them gateway by gateway would cost a round trip each.
 */

/** The project with every written gateway and its whole audit trail. */
export interface HighlightSnapshot {
  readonly project: Project;
  readonly gateways: readonly GatewayWithAudit[];
}

/**
 * Where the project and its gateways come from. Cosmos answers with one
 * partition query (bot/storage/reports/cosmosHighlightSource.ts);
 * `repositoryHighlightSource` builds it from the ordinary repositories.
 */
export interface HighlightSource {
  read(projectId: string): Promise<HighlightSnapshot | undefined>;
}

export interface HighlightDeps {
  readonly source: HighlightSource;
  readonly risks: Pick<RiskRepository, 'all'>;
  readonly clock: Clock;
  readonly catalogue: GatewayCatalogue;
  readonly riskSettings?: RiskSettings;
  readonly settings?: HighlightSettings;
  /** Whether the roll-out's registrations are behind plan (staff/rollout); without it the rule is left out. */
  readonly registrationsBehind?: (projectId: string) => Promise<{ readonly text: string } | undefined>;
}

/** The composer's input for one project; undefined when the project has gone. Two reads side by side (three with the roll-out). */
export async function readHighlightInput(deps: HighlightDeps, projectId: string): Promise<HighlightInput | undefined> {
  const [snapshot, risks, registrationsBehind] = await Promise.all([deps.source.read(projectId), deps.risks.all(projectId), deps.registrationsBehind?.(projectId)]);
  if (!snapshot) return undefined;
  return {
    ...(registrationsBehind ? { registrationsBehind } : {}),
    project: snapshot.project,
    gateways: snapshot.gateways,
    risks,
    catalogue: deps.catalogue,
    ...(deps.riskSettings ? { riskSettings: deps.riskSettings } : {}),
    ...(deps.settings ? { settings: deps.settings } : {}),
  };
}

/** The report of `week` (by default this week) for the weekly post, which has no reader to check. */
export async function composeHighlightFor(deps: HighlightDeps, projectId: string, week?: LondonWeek): Promise<HighlightReport | undefined> {
  const input = await readHighlightInput(deps, projectId);
  return input ? composeHighlight(input, deps.clock, week ? { week } : {}) : undefined;
}

export const HIGHLIGHT_TEAM_ONLY = 'Only the project team can see the highlight report before it is posted.';

/**
 * A report for someone to read in Teams: the project team only (it names
 * risks and people before the team has posted them); staff being migrated
 * are refused, and people with no place in the project get "couldn't find",
 * as for every project read.
 */
export async function getHighlight(deps: HighlightDeps, request: { readonly actor: Actor; readonly projectId: string; readonly week?: LondonWeek }): Promise<HighlightReport> {
  assertActor(request.actor);
  const input = await readHighlightInput(deps, request.projectId);
  if (!input || input.project.tenantId !== request.actor.tenantId) throw projectNotFound(request.projectId);
  const role = await placeIn(input.project, request.actor);
  if (role === undefined) throw projectNotFound(request.projectId);
  if (role === 'staff') throw new PermissionDenied(HIGHLIGHT_TEAM_ONLY, 'Ask your project manager for the posted report.');
  return composeHighlight(input, deps.clock, request.week ? { week: request.week } : {});
}

/** The source from the ordinary repositories: one project read, one gateway list, one history read per written gateway. */
export function repositoryHighlightSource(repos: { readonly projects: ProjectRepository; readonly gateways: GatewayRepository }): HighlightSource {
  return {
    async read(projectId) {
      const [project, records] = await Promise.all([repos.projects.get(projectId), repos.gateways.list(projectId)]);
      if (!project) return undefined;
      const written = new Set<StageNumber>(records.map((r) => r.stage));
      const stages = STAGE_NUMBERS.filter((s) => written.has(s));
      const audits = await Promise.all(stages.map((s) => repos.gateways.history(projectId, s)));
      return { project, gateways: records.map((record) => ({ record, audit: audits[stages.indexOf(record.stage)] ?? [] })) };
    },
  };
}
