import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ItemState } from '../../../bot/migration/gateways/gatewayState';
import type { GatewayAuditEntry, ProjectAuditEntry } from '../../../bot/migration/projects/auditEntries';
import { ConcurrentModification } from '../../../bot/migration/projects/conflictRetry';
import { withItem } from '../../../bot/migration/projects/gatewayRecord';
import type { GatewayRepository } from '../../../bot/migration/projects/gatewayRepository';
import type { Project } from '../../../bot/migration/projects/project';
import type { ProjectRepository } from '../../../bot/migration/projects/projectRepository';
import { NotFound } from '../../../bot/migration/shared/errors';

export interface Repositories {
  readonly projects: ProjectRepository;
  readonly gateways: GatewayRepository;
}

const AT = '2026-11-25T10:00:00.000Z';
const priyaRef = { id: '29:priya', name: 'Priya Shah' };

export function aProject(overrides: Partial<Project> = {}): Project {
  return {
    projectId: `p-${randomUUID()}`,
    tenantId: `t-${randomUUID()}`,
    organisationName: 'Royal Devon Hospital',
    odsCode: 'RH8',
    method: 'self-migration',
    approximateUsers: 5000,
    newAccounts: 120,
    phasing: 'phased',
    plannedStart: '2026-09-01',
    plannedCutover: '2027-03-01',
    createdBy: priyaRef,
    createdAt: AT,
    members: [{ userId: '29:priya', name: 'Priya Shah', role: 'project-manager' }],
    milestones: [],
    ...overrides,
  };
}

const setUpEntry: ProjectAuditEntry = { kind: 'project-set-up', at: AT, by: priyaRef };

export function doneItem(itemId: string): ItemState {
  return { itemId, status: 'done', notes: [], evidence: [], updatedBy: priyaRef, updatedAt: AT, version: 1 };
}

export function itemAudit(itemId: string): GatewayAuditEntry {
  return { kind: 'item-changed', at: AT, by: priyaRef, itemId, field: 'status', before: 'open', after: 'done' };
}

/**
 * What every implementation of the project ports must do, run against the
 * in-memory store and the Cosmos adapter alike, so unit tests on the former
 * say something true about the latter.
 */
export function describeRepositoryContract(name: string, repositories: () => Repositories): void {
  describe(`${name}: projects`, () => {
    it('when a project is created, then it reads back exactly, with its audit entries', async () => {
      const { projects } = repositories();
      const project = aProject({ teamId: '19:team/with?odd#chars@thread.tacv2', reportsConversationRef: 'conv-1' });
      expect(await projects.create(project, [setUpEntry])).toEqual({ outcome: 'created' });
      expect(await projects.get(project.projectId)).toEqual(project);
      expect(await projects.findByTeam(project.tenantId, '19:team/with?odd#chars@thread.tacv2')).toEqual(project);
      expect(await projects.history(project.projectId)).toEqual([setUpEntry]);
    });

    it('when a project does not exist, then get gives undefined and an update gives NotFound', async () => {
      const { projects } = repositories();
      expect(await projects.get('p-missing')).toBeUndefined();
      await expect(projects.tryUpdate('p-missing', (p) => ({ project: p, audit: [] }))).rejects.toBeInstanceOf(NotFound);
    });

    it('when a project id is reused, then the second create is refused and the first is untouched', async () => {
      const { projects } = repositories();
      const project = aProject();
      await projects.create(project, [setUpEntry]);
      expect(await projects.create({ ...project, organisationName: 'Other' }, [])).toEqual({ outcome: 'id-taken' });
      expect((await projects.get(project.projectId))?.organisationName).toBe('Royal Devon Hospital');
    });

    it('when a second project claims a team, then it is refused, names the first, and nothing of it is reachable', async () => {
      const { projects } = repositories();
      const first = aProject({ teamId: '19:shared@thread.tacv2' });
      const second = aProject({ tenantId: first.tenantId, teamId: '19:shared@thread.tacv2', members: [{ userId: '29:tom', name: 'Tom', role: 'project-manager' }] });
      await projects.create(first, [setUpEntry]);
      expect(await projects.create(second, [setUpEntry])).toEqual({ outcome: 'team-taken', existingProjectId: first.projectId });
      expect(await projects.get(second.projectId)).toBeUndefined();
      expect(await projects.findByMember(first.tenantId, '29:tom')).toEqual([]);
      expect((await projects.findByTeam(first.tenantId, '19:shared@thread.tacv2'))?.projectId).toBe(first.projectId);
    });

    it('when the same team id is looked up in another tenant, then nothing is found', async () => {
      const { projects } = repositories();
      const project = aProject({ teamId: '19:t@thread.tacv2' });
      await projects.create(project, []);
      expect(await projects.findByTeam(`t-${randomUUID()}`, '19:t@thread.tacv2')).toBeUndefined();
    });

    it('when members are added and removed, then finding by member follows', async () => {
      const { projects } = repositories();
      const project = aProject();
      await projects.create(project, []);
      const addTom = (p: Project): Project => ({ ...p, members: [...p.members, { userId: '29:tom', name: 'Tom', role: 'team-member' }] });
      await projects.tryUpdate(project.projectId, (p) => ({ project: addTom(p), audit: [] }));
      expect((await projects.findByMember(project.tenantId, '29:tom')).map((p) => p.projectId)).toEqual([project.projectId]);
      expect(await projects.findByMember(`t-${randomUUID()}`, '29:tom')).toEqual([]);

      await projects.tryUpdate(project.projectId, (p) => ({ project: { ...p, members: p.members.filter((m) => m.userId !== '29:tom') }, audit: [] }));
      expect(await projects.findByMember(project.tenantId, '29:tom')).toEqual([]);
      expect((await projects.findByMember(project.tenantId, '29:priya')).map((p) => p.projectId)).toEqual([project.projectId]);
    });

    it('when an update saves, then audit entries are appended in order; when decide declines or throws, nothing changes', async () => {
      const { projects } = repositories();
      const project = aProject();
      await projects.create(project, [setUpEntry]);
      const milestone = { kind: 'milestone-recorded', at: AT, by: priyaRef, milestoneId: 'm1', milestoneKind: 'pipeline-slot', date: '2027-01-10' } as const;
      const saved = await projects.tryUpdate(project.projectId, (p) => ({ project: { ...p, organisationName: 'Renamed' }, audit: [milestone] }));
      expect(saved.organisationName).toBe('Renamed');

      await projects.tryUpdate(project.projectId, () => undefined);
      await expect(
        projects.tryUpdate(project.projectId, () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect((await projects.get(project.projectId))?.organisationName).toBe('Renamed');
      expect(await projects.history(project.projectId)).toEqual([setUpEntry, milestone]);
    });
  });

  describe(`${name}: gateways`, () => {
    it('when a gateway was never written, then it reads as fresh and is not listed', async () => {
      const { gateways } = repositories();
      const projectId = `p-${randomUUID()}`;
      expect(await gateways.get(projectId, 3)).toEqual({ projectId, stage: 3, state: { stage: 3, reopened: [] }, items: [] });
      expect(await gateways.list(projectId)).toEqual([]);
      expect(await gateways.history(projectId, 3)).toEqual([]);
    });

    it('when a gateway is written, then its record reads back and its audit entries are kept in order', async () => {
      const { gateways } = repositories();
      const projectId = `p-${randomUUID()}`;
      await gateways.tryUpdate(projectId, 2, (g) => ({ record: withItem(g, doneItem('g2-pid')), audit: [itemAudit('g2-pid')] }));
      await gateways.tryUpdate(projectId, 2, (g) => ({ record: withItem(g, doneItem('g2-risk-log')), audit: [itemAudit('g2-risk-log')] }));
      expect((await gateways.get(projectId, 2)).items).toEqual([doneItem('g2-pid'), doneItem('g2-risk-log')]);
      expect(await gateways.list(projectId)).toEqual([await gateways.get(projectId, 2)]);
      expect(await gateways.history(projectId, 2)).toEqual([itemAudit('g2-pid'), itemAudit('g2-risk-log')]);
    });

    it("when two projects have gateways, then neither's list or history shows the other's", async () => {
      const { gateways } = repositories();
      const a = `p-${randomUUID()}`;
      const b = `p-${randomUUID()}`;
      for (const projectId of [a, b]) {
        for (const stage of [1, 2] as const) {
          await gateways.tryUpdate(projectId, stage, (g) => ({ record: withItem(g, doneItem(`${projectId}-item`)), audit: [itemAudit(`${projectId}-item`)] }));
        }
      }
      const listed = await gateways.list(a);
      expect(listed.map((g) => g.stage).sort()).toEqual([1, 2]);
      expect(listed.every((g) => g.projectId === a && g.items.every((i) => i.itemId === `${a}-item`))).toBe(true);
      expect((await gateways.history(a, 1)).map((e) => (e.kind === 'item-changed' ? e.itemId : ''))).toEqual([`${a}-item`]);
    });

    it('when decide declines, then nothing is written', async () => {
      const { gateways } = repositories();
      const projectId = `p-${randomUUID()}`;
      await gateways.tryUpdate(projectId, 4, () => undefined);
      expect(await gateways.list(projectId)).toEqual([]);
    });

    it('when several saves overlap, then each either lands or reports a conflict, and nothing that landed is lost', async () => {
      const { gateways } = repositories();
      const projectId = `p-${randomUUID()}`;
      const itemIds = ['g3-comms-plan', 'g3-firewall-rules', 'g3-map-addresses', 'g3-service-packs'];
      const results = await Promise.allSettled(
        itemIds.map((itemId) => gateways.tryUpdate(projectId, 3, (g) => ({ record: withItem(g, doneItem(itemId)), audit: [itemAudit(itemId)] }))),
      );
      const landed = itemIds.filter((_, i) => results[i]?.status === 'fulfilled');
      for (const result of results) {
        if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(ConcurrentModification);
      }
      expect(landed.length).toBeGreaterThanOrEqual(1);
      const saved = await gateways.get(projectId, 3);
      expect(saved.items.map((i) => i.itemId).sort()).toEqual([...landed].sort());
      expect((await gateways.history(projectId, 3)).length).toBe(landed.length);
    });
  });
}
