import { DEFAULT_GATEWAY_CATALOGUE, findItem, getStage } from '../../../bot/migration/gateways/catalogue';
import type { StageNumber } from '../../../bot/migration/gateways/catalogueTypes';
import type { ItemChange } from '../../../bot/migration/gateways/itemUpdates';
import type { ProjectSetupInput } from '../../../bot/migration/gateways/projectSetup';
import type { ProjectRole } from '../../../bot/migration/gateways/roles';
import type { Actor } from '../../../bot/migration/projects/actor';
import { assignRole } from '../../../bot/migration/projects/assignRole';
import type { Clock } from '../../../bot/migration/projects/clock';
import { itemIn } from '../../../bot/migration/projects/gatewayRecord';
import type { IdGenerator } from '../../../bot/migration/projects/idGenerator';
import type { Project } from '../../../bot/migration/projects/project';
import type { TeamMembership } from '../../../bot/migration/projects/teamMembership';
import type { ProjectDeps } from '../../../bot/migration/projects/projectDeps';
import { setUpProject } from '../../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../../bot/migration/projects/updateChecklistItem';
import { InMemoryProjectStore } from './inMemoryProjectStore';

/** People, a clock, ids and a set-up project, shared by the use-case tests. */

export const TENANT = 'tenant-rh8';
export const TEAM = '19:migration-team@thread.tacv2';

function person(userId: string, name: string): Actor {
  return { tenantId: TENANT, userId, aadObjectId: `aad-${userId.slice(3)}`, name };
}

export const priya = person('29:priya', 'Priya Shah');
export const sam = person('29:sam', 'Sam Okafor');
export const tom = person('29:tom', 'Tom Evans');
export const lee = person('29:lee', 'Lee Admin');
export const sue = person('29:sue', 'Sue Staff');
/** In the tenant, never added to the project, and not in its team: an outsider. */
export const nia = person('29:nia', 'Nia Newcomer');
/** The same Nia, on the project team's roster but with no role: reads as staff. */
export const niaInTeam: Actor = { ...nia, teams: rosterSaying([TEAM]) };

/** A roster that knows these teams, and counts how often it was asked. */
export function rosterSaying(teamIds: readonly string[]): TeamMembership & { readonly asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    isMember(teamId) {
      asked.push(teamId);
      return Promise.resolve(teamIds.includes(teamId));
    },
  };
}
/** Same user id as Priya, but another organisation's tenant. */
export const intruder: Actor = { ...priya, tenantId: 'tenant-other' };

export const VALID_FORM: ProjectSetupInput = {
  organisationName: 'Royal Devon Hospital',
  odsCode: 'rh8',
  migrationMethod: 'self-migration',
  approximateUsers: '5,000',
  newAccounts: '120',
  phasing: 'phased',
  plannedStart: '2026-09-01',
  cutover: '2027-03-01',
};

export class TestClock implements Clock {
  private instant: Date;

  constructor(iso: string) {
    this.instant = new Date(iso);
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(iso: string): void {
    this.instant = new Date(iso);
  }
}

export function sequentialIds(prefix = 'prj'): IdGenerator {
  let next = 0;
  return { newId: () => `${prefix}-${(next += 1)}` };
}

export interface TestWorld {
  readonly deps: ProjectDeps;
  readonly store: InMemoryProjectStore;
  readonly clock: TestClock;
}

export function newWorld(now = '2026-11-25T10:00:00.000Z'): TestWorld {
  const store = new InMemoryProjectStore();
  const clock = new TestClock(now);
  const deps: ProjectDeps = {
    projects: store.projects,
    gateways: store.gateways,
    clock,
    ids: sequentialIds(),
    catalogue: DEFAULT_GATEWAY_CATALOGUE,
  };
  return { deps, store, clock };
}

/** A team project set up by Priya (PM) with an SRO, a team member, a local admin and a member of staff. */
export async function teamProject(world: TestWorld): Promise<Project> {
  const { project } = await setUpProject(world.deps, { actor: priya, teamId: TEAM, reportsConversationRef: 'conv-reports', form: VALID_FORM });
  const roles: [Actor, ProjectRole][] = [
    [sam, 'sro'],
    [tom, 'team-member'],
    [lee, 'local-admin'],
    [sue, 'staff'],
  ];
  let latest = project;
  for (const [who, role] of roles) {
    latest = await assignRole(world.deps, { actor: priya, projectId: project.projectId, member: who, role });
  }
  return latest;
}

/** Runs `fn` and returns what it threw, failing the test if it threw nothing. */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but none was thrown');
}

/** Every mandatory item of `stage` done through the use case, with evidence where the catalogue asks for it. */
export async function completeMandatoryItems(world: TestWorld, projectId: string, stage: StageNumber, actor: Actor = tom): Promise<void> {
  for (const item of getStage(world.deps.catalogue, stage).items.filter((i) => i.mandatory)) {
    const current = itemIn(await world.deps.gateways.get(projectId, stage), item.id);
    let version = current?.version ?? 0;
    if (current?.status !== 'done') {
      ({ version } = (await updateChecklistItem(world.deps, { actor, projectId, itemId: item.id, expectedVersion: version, change: { field: 'status', status: 'done' } })).item);
    }
    if (item.evidenceRequired === true && (current?.evidence.length ?? 0) === 0) {
      await updateChecklistItem(world.deps, { actor, projectId, itemId: item.id, expectedVersion: version, change: { field: 'evidence', url: `https://nhs.sharepoint.com/${item.id}.docx` } });
    }
  }
}

/** Applies `changes` to one item in order, each from an up-to-date card. */
export async function edit(world: TestWorld, actor: Actor, projectId: string, itemId: string, ...changes: ItemChange[]): Promise<void> {
  const { stage } = findItem(world.deps.catalogue, itemId);
  for (const change of changes) {
    const expectedVersion = itemIn(await world.deps.gateways.get(projectId, stage.number), itemId)?.version ?? 0;
    await updateChecklistItem(world.deps, { actor, projectId, itemId, expectedVersion, change });
  }
}
