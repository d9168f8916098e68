import type { Project } from '../../../bot/migration/projects/project';
import type { RolloutDeps } from '../../../bot/migration/staff/rollout/rolloutDeps';
import { resolveRolloutSettings, type RolloutSettings } from '../../../bot/migration/staff/rollout/rolloutSettings';
import { newWorld, teamProject, type TestWorld } from '../projects/projectFixtures';
import { InMemoryRollout } from './inMemoryRollout';

export interface RolloutWorld extends TestWorld {
  readonly rollout: RolloutDeps;
  readonly store: TestWorld['store'];
  readonly staffStore: InMemoryRollout;
  readonly project: Project;
}

/** The team project of projectFixtures (Priya PM, Sam SRO, Tom team member, Lee local admin, Sue staff), no staff yet. */
export async function rolloutWorld(now = '2026-11-25T10:00:00.000Z', settings: Partial<RolloutSettings> = {}): Promise<RolloutWorld> {
  const world = newWorld(now);
  const project = await teamProject(world);
  const staffStore = new InMemoryRollout();
  const rollout: RolloutDeps = {
    projects: world.deps.projects,
    staff: staffStore.staff,
    groups: staffStore.groups,
    plans: staffStore.plans,
    registrations: staffStore.registrations,
    clock: world.clock,
    settings: resolveRolloutSettings(settings),
  };
  return { ...world, rollout, staffStore, project };
}
