import type { RiskDeps } from '../../../bot/migration/risks/riskDeps';
import type { RiskInput } from '../../../bot/migration/risks/riskInput';
import { resolveRiskSettings, type RiskSettings } from '../../../bot/migration/risks/riskSettings';
import type { Project } from '../../../bot/migration/projects/project';
import { newWorld, sequentialIds, teamProject, type TestWorld } from '../projects/projectFixtures';
import { InMemoryRiskStore } from './inMemoryRiskStore';

export interface RiskWorld extends TestWorld {
  readonly riskDeps: RiskDeps;
  readonly riskStore: InMemoryRiskStore;
  readonly project: Project;
}

/** The team project of projectFixtures (Priya PM, Sam SRO, Tom team member, Lee local admin, Sue staff) with an empty log. */
export async function riskWorld(now = '2026-11-25T10:00:00.000Z', settings: Partial<RiskSettings> = {}): Promise<RiskWorld> {
  const world = newWorld(now);
  const project = await teamProject(world);
  const riskStore = new InMemoryRiskStore();
  const riskDeps: RiskDeps = {
    projects: world.deps.projects,
    risks: riskStore.risks,
    clock: world.clock,
    ids: sequentialIds('r'),
    catalogue: world.deps.catalogue,
    riskSettings: resolveRiskSettings(settings),
  };
  return { ...world, riskDeps, riskStore, project };
}

export const ARCHIVE_RISK: RiskInput = {
  type: 'risk',
  title: 'Archive tool not approved by IG',
  description: 'The archiving tool has not been through the IG panel.',
  category: 'information-governance',
  likelihood: '3',
  impact: '4',
  owner: '29:tom',
  mitigation: 'Book the IG panel.',
  actions: 'Send the DPIA.',
  link: 'g1-integrated-apps-review',
  reviewDate: '2026-12-02',
};
